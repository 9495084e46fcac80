import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// An OpenAI-compatible transcription service (POST /v1/audio/transcriptions, multipart/form-data)
// on a local node:http server, so tests can make it slow, rate-limited, broken or picky. The
// multipart body is read by the web platform's own parser (Request#formData), not by hand, so a
// request this stand-in reads is one a real service reads too. Pure Node: Vitest and Playwright
// specs can both use it.

/** One verbose_json segment, in seconds as the API sends them. */
export interface VerboseSegment {
  start: number;
  end: number;
  text: string;
  [extra: string]: unknown;
}

/** What the stand-in does with the next request. */
export type Behaviour =
  /** Answer `status` (200 by default) with `body` as JSON, or an OpenAI-style error body when it is not 2xx. */
  | { status?: number; body?: unknown; retryAfter?: number | string; headers?: Record<string, string> }
  /** Answer `status` (200 by default) with these bytes as they are (e.g. "not json{"). */
  | { status?: number; raw: string; headers?: Record<string, string> }
  /** Never answer. */
  | { hang: true }
  /** Send a 200's headers and the start of a body, then nothing more. */
  | { stall: true };

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The multipart form's text fields (model, language, response_format, timestamp_granularities[]…); each name's values in order. */
  fields: Record<string, string[]>;
  /** The `file` part, when there was one. */
  file: { name: string; type: string; size: number; firstBytes: string } | null;
  /** Why the body could not be read as multipart/form-data, when it could not. */
  formError: string | null;
}

/** What the stand-in answers when no behaviour is queued: the same words whatever the audio. */
export const STAND_IN_TRANSCRIPT = {
  task: "transcribe",
  language: "english",
  duration: 1,
  text: " I led the migration to the new billing system. ",
  segments: [
    { id: 0, seek: 0, start: 0, end: 0.42, text: " I led the migration", tokens: [40, 4684], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.1, no_speech_prob: 0.01 },
    { id: 1, seek: 0, start: 0.42, end: 0.96, text: " to the new billing system. ", tokens: [281, 264], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.1, no_speech_prob: 0.01 },
  ],
};

const PATH = "/v1/audio/transcriptions";

/**
 * Starts the stand-in on 127.0.0.1. With `apiKey`, requests without `Authorization: Bearer <apiKey>`
 * get a 401 whose body quotes the key they sent, as OpenAI's does (so tests can check it goes no
 * further). Queued behaviours (`respondWith`) come first, one per request.
 */
export async function startTranscriberStandIn({ apiKey }: { apiKey?: string } = {}) {
  const requests: ReceivedRequest[] = [];
  const queue: Behaviour[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void record(req.method ?? "GET", req.url ?? "/", req.headers, Buffer.concat(chunks)).then((received) => {
        requests.push(received);
        const behaviour = queue.shift();
        if (behaviour) return act(behaviour, res);
        if (received.method !== "POST" || received.path !== PATH) return act({ status: 404, body: errorBody(`Invalid URL (${received.method} ${received.path})`, "invalid_request_error") }, res);
        const auth = received.headers.authorization;
        if (apiKey !== undefined && auth !== `Bearer ${apiKey}`) {
          return act({ status: 401, body: errorBody(`Incorrect API key provided: ${auth?.replace(/^Bearer /, "") ?? "(none)"}.`, "invalid_api_key") }, res);
        }
        if (received.formError || !received.file || !received.fields.model?.[0]) {
          return act({ status: 400, body: errorBody(received.formError ?? "Missing file or model.", "invalid_request_error") }, res);
        }
        act({ status: 200, body: STAND_IN_TRANSCRIPT }, res);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The API's base URL, as TRANSCRIPTION_API_URL takes it. */
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    /** The next requests get these behaviours, in order; then the stand-in answers normally again. */
    respondWith(behaviours: Behaviour[]) {
      queue.push(...behaviours);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function record(method: string, url: string, headers: IncomingHttpHeaders, body: Buffer): Promise<ReceivedRequest> {
  const received: ReceivedRequest = { method, path: url.split("?")[0]!, headers, fields: {}, file: null, formError: null };
  if (method !== "POST") return received;
  try {
    const request = new Request(`http://stand-in${url}`, { method, headers: toHeaders(headers), body: new Uint8Array(body) });
    for (const [name, value] of await request.formData()) {
      if (typeof value === "string") (received.fields[name] ??= []).push(value);
      else if (name === "file") {
        const bytes = new Uint8Array(await value.arrayBuffer());
        received.file = { name: value.name, type: value.type, size: value.size, firstBytes: Buffer.from(bytes.subarray(0, 4)).toString("latin1") };
      }
    }
  } catch (error) {
    received.formError = error instanceof Error ? error.message : String(error);
  }
  return received;
}

function toHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) result.append(name, v);
  }
  return result;
}

function errorBody(message: string, code: string) {
  return { error: { message, type: "invalid_request_error", param: null, code } };
}

function act(behaviour: Behaviour, res: ServerResponse): void {
  if ("hang" in behaviour) return;
  if ("stall" in behaviour) {
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"text": "I led the');
    return;
  }
  const status = behaviour.status ?? 200;
  const headers: Record<string, string> = { "content-type": "application/json", ...behaviour.headers };
  if ("retryAfter" in behaviour && behaviour.retryAfter !== undefined) headers["retry-after"] = String(behaviour.retryAfter);
  const payload =
    "raw" in behaviour
      ? behaviour.raw
      : JSON.stringify(behaviour.body ?? (status < 300 ? STAND_IN_TRANSCRIPT : errorBody(`The stand-in answered ${status}; this body must not reach a message.`, "stand_in")));
  res.writeHead(status, headers);
  res.end(payload);
}
