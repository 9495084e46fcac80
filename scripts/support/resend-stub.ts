// A local stand-in for Resend's API (POST /emails), enough for the resend SDK: bearer auth,
// Idempotency-Key, snake_case JSON bodies, Resend-shaped errors, and faults on demand.
// Point the SDK at it with RESEND_BASE_URL (read when `new Resend()` runs, i.e. in resendTransport()).
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ResendEmailBody {
  from: string;
  to: string[];
  reply_to?: string | string[];
  subject: string;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; content: string; content_type?: string }>;
  tags?: Array<{ name: string; value: string }>;
}

export type Fault =
  | { status: 500 }
  /** What a load balancer in front of a provider that is down answers: 503 with an HTML page, not JSON. */
  | { status: 503 }
  | { status: 429; retryAfter: number }
  | { status: 422; message?: string }
  /**
   * Never answers. `accept` (default true): the provider took the email and only the answer is lost.
   * `stillProcessing`: the provider is still working on the key after the client gave up (see `inProgress`).
   */
  | { hang: true; accept?: boolean; stillProcessing?: boolean };

export type Outcome = "accepted" | "replayed" | "hang" | "401" | "409" | "409 concurrent" | "422" | "429" | "500" | "503";

export interface StubRequest {
  key: string | null;
  body: ResendEmailBody;
  outcome: Outcome;
  /** Date.now() when the request was answered (or, for a hang, recorded). */
  at: number;
}

export interface ResendStub {
  url: string;
  /** Every POST /emails, in arrival order. */
  requests: StubRequest[];
  /** Idempotency key → message id: one entry per unique send (a replayed key returns the same id). */
  messages: Map<string, string>;
  /**
   * Idempotency key → 2xx answers written for it. Above 1 means the app sent an accepted email again,
   * or an answer lost its race with the client's timeout (tests judge "accepted twice" client-side).
   */
  accepts: Map<string, number>;
  /** Keys still being processed: another request with one gets Resend's 409 concurrent_idempotent_requests. */
  inProgress: Set<string>;
  /** Queues faults for the next requests carrying `key`, one each, in order (before `fault` is asked). */
  failNext(key: string, ...faults: Fault[]): void;
  /** Decides a fault for a request no queued fault applies to (null: no fault). */
  fault: ((request: { key: string | null; body: ResendEmailBody }) => Fault | null) | null;
  requestsFor(key: string): StubRequest[];
  /** Forgets the programmed faults (recorded traffic stays: tests read it by key). */
  clearFaults(): void;
  /** Stops listening: new connections are refused (and open ones dropped) until online(). Recorded state stays. */
  offline(): Promise<void>;
  /** Listens again on the same port after offline(). */
  online(): Promise<void>;
  stop(): Promise<void>;
}

/** A `fault` function failing `rate` of requests with one of `faults`, from a seeded generator (reproducible runs). */
export function randomFaults(rate: number, faults: Fault[], seed = 42): NonNullable<ResendStub["fault"]> {
  let state = seed >>> 0;
  const random = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => (random() < rate ? faults[Math.floor(random() * faults.length)]! : null);
}

/**
 * Resend-style rate limit: at most `perSecond` accepted requests in any rolling second; beyond it,
 * 429 with retry-after in whole seconds. `lastAcceptAt()` is when the latest request got through.
 */
export function rollingRateLimit(perSecond: number): { fault: NonNullable<ResendStub["fault"]>; lastAcceptAt(): number } {
  const accepted: number[] = [];
  let last = 0;
  return {
    fault() {
      const t = Date.now();
      while (accepted.length && accepted[0]! <= t - 1000) accepted.shift();
      if (accepted.length >= perSecond) return { status: 429, retryAfter: Math.max(1, Math.ceil((accepted[0]! + 1000 - t) / 1000)) };
      accepted.push(t);
      last = t;
      return null;
    },
    lastAcceptAt: () => last,
  };
}

const error = (statusCode: number, name: string, message: string) => JSON.stringify({ statusCode, name, message });

/** Starts the stub on 127.0.0.1 and `port` (default: a free one). */
export async function startResendStub({ port = 0 }: { port?: number } = {}): Promise<ResendStub> {
  const hung = new Set<http.ServerResponse>();
  const payloads = new Map<string, string>();
  const queued = new Map<string, Fault[]>();

  const stub: ResendStub = {
    url: "",
    requests: [],
    messages: new Map(),
    accepts: new Map(),
    inProgress: new Set(),
    fault: null,
    failNext(key, ...faults) {
      queued.set(key, [...(queued.get(key) ?? []), ...faults]);
    },
    requestsFor: (key) => stub.requests.filter((r) => r.key === key),
    clearFaults() {
      queued.clear();
      stub.fault = null;
    },
    async offline() {
      for (const res of hung) res.destroy();
      // close() stops accepting at once; its callback waits for open connections, which are dropped next.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    async online() {
      await new Promise<void>((resolve) => server.listen(boundPort, "127.0.0.1", resolve));
    },
    async stop() {
      if (!server.listening) return;
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const reply = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(body);
      };
      if (req.method !== "POST" || req.url !== "/emails") return reply(404, error(404, "not_found", "The requested endpoint does not exist."));

      const raw = Buffer.concat(chunks).toString("utf8");
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      let body = {} as ResendEmailBody;
      try {
        body = JSON.parse(raw || "{}") as ResendEmailBody;
      } catch {
        // Falls through to the missing-field answer below.
      }
      const record = (outcome: Outcome) => stub.requests.push({ key, body, outcome, at: Date.now() });

      if (!/^Bearer re_\S+$/.test(req.headers.authorization ?? "")) {
        record("401");
        return reply(401, error(401, "missing_api_key", "Missing API key in the authorization header."));
      }
      if (!body.from || !body.to?.length || !body.subject) {
        record("422");
        return reply(422, error(422, "missing_required_field", "The `from`, `to` and `subject` fields are required."));
      }
      if (key && payloads.has(key) && payloads.get(key) !== raw) {
        // Resend refuses a key reused with a different payload.
        record("409");
        return reply(409, error(409, "invalid_idempotent_request", "Same idempotency key used with a different request payload."));
      }

      if (key && stub.inProgress.has(key)) {
        record("409 concurrent");
        return reply(
          409,
          error(409, "concurrent_idempotent_requests", "Same idempotency key used while original request is still in progress."),
        );
      }

      const fault = (key && queued.get(key)?.shift()) || stub.fault?.({ key, body }) || null;
      const accept = () => {
        const id = (key && stub.messages.get(key)) || randomUUID();
        if (key) {
          stub.messages.set(key, id);
          payloads.set(key, raw);
        }
        return id;
      };
      if (fault && "hang" in fault) {
        record("hang");
        if (fault.accept !== false) accept();
        if (key && fault.stillProcessing) stub.inProgress.add(key);
        hung.add(res);
        res.on("close", () => hung.delete(res));
        return;
      }
      if (fault) {
        record(String(fault.status) as Outcome);
        if (fault.status === 500) return reply(500, error(500, "internal_server_error", "An unexpected error occurred."));
        if (fault.status === 503) {
          return res.writeHead(503, { "content-type": "text/html" }).end("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
        }
        if (fault.status === 429) {
          return reply(429, error(429, "rate_limit_exceeded", "Too many requests."), { "retry-after": String(fault.retryAfter) });
        }
        return reply(422, error(422, "validation_error", fault.message ?? "Invalid `to` field."));
      }

      const replay = key !== null && stub.messages.has(key);
      const id = accept();
      record(replay ? "replayed" : "accepted");
      if (key) stub.accepts.set(key, (stub.accepts.get(key) ?? 0) + 1);
      reply(200, JSON.stringify({ id }));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const boundPort = (server.address() as AddressInfo).port;
  stub.url = `http://127.0.0.1:${boundPort}`;
  return stub;
}
