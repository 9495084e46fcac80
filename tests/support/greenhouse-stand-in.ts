import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// Greenhouse's side of the Assessment Partner API (https://developers.greenhouse.io/assessment.html),
// as much of it as a partner meets: it calls list_tests, send_test, test_status and response_error
// with the customer's key as the Basic user name and an empty password, gives every sent test a
// callback `url` on its own node:http server, and answers the partner's PATCH there — 200 for the
// right key, 401 for any other — then reads test_status, as Greenhouse does after a PATCH.
// Pure Node: Vitest and Playwright specs both use it.

/** How a request reaches the partner: over HTTP by default, or straight to route handlers in Vitest. */
export type PartnerTransport = (path: string, init: RequestInit) => Promise<Response>;

export interface ReceivedPatch {
  /** Greenhouse's own id of the test instance (the path's last segment). */
  takeHomeTestId: string;
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the stand-in answered. */
  status: number;
}

export interface Candidate {
  first_name: string;
  last_name: string;
  email: string;
  preferred_name?: string | null;
}

/** `Basic base64(key + ":")`, as the spec builds it. */
export function greenhouseAuthorization(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString("base64")}`;
}

export async function startGreenhouseStandIn({ apiKey, partnerBaseUrl, transport }: { apiKey: string; partnerBaseUrl?: string; transport?: PartnerTransport }) {
  const call: PartnerTransport = transport ?? ((path, init) => fetch(`${partnerBaseUrl}${path}`, init));
  const patches: ReceivedPatch[] = [];
  /** test_status answers read after a PATCH, by partner_interview_id. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as asJson reads it
  const statusAfterPatch: Array<{ partnerInterviewId: string; status: number; body: any }> = [];
  const instances = new Map<string, string>(); // takeHomeTestId → partner_interview_id
  /** Statuses to answer the next PATCHes with before the normal 200/401 (a Greenhouse outage). */
  const failures: number[] = [];
  let nextId = 1000;

  const authorization = greenhouseAuthorization(apiKey);
  const headers = (extra: Record<string, string> = {}) => ({ authorization, accept: "application/json", ...extra });
  const asJson = async (response: Response) => {
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = text;
    }
    // The partner's JSON as it came: the specs' expectations check its shape.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, body: body as any };
  };

  const client = {
    listTests: async (key = apiKey) => asJson(await call("/api/greenhouse/list_tests", { method: "GET", headers: { ...headers(), authorization: greenhouseAuthorization(key) } })),
    testStatus: async (partnerInterviewId: string, key = apiKey) =>
      asJson(await call(`/api/greenhouse/test_status?partner_interview_id=${encodeURIComponent(partnerInterviewId)}`, { method: "GET", headers: { ...headers(), authorization: greenhouseAuthorization(key) } })),
    responseError: async (report: Record<string, unknown>) =>
      asJson(await call("/api/greenhouse/response_error", { method: "POST", headers: headers({ "content-type": "application/json" }), body: JSON.stringify(report) })),
    /** send_test as Greenhouse sends it; `takeHomeTestId` repeats an earlier request (a retry). */
    sendTest: async (partnerTestId: string, candidate: Candidate, { takeHomeTestId = String(nextId++), key = apiKey }: { takeHomeTestId?: string; key?: string } = {}) => {
      const body = {
        partner_test_id: partnerTestId,
        candidate: {
          first_name: candidate.first_name,
          last_name: candidate.last_name,
          preferred_name: candidate.preferred_name ?? null,
          resume_url: null,
          phone_number: null,
          email: candidate.email,
          greenhouse_profile_url: `https://app.greenhouse.io/people/17681532?application_id=${takeHomeTestId}`,
        },
        sent_by: "recruiter@customer.example",
        url: `${standIn.url}/integrations/testing_partners/take_home_tests/${takeHomeTestId}`,
      };
      const result = await asJson(
        await call("/api/greenhouse/send_test", { method: "POST", headers: { ...headers({ "content-type": "application/json" }), authorization: greenhouseAuthorization(key) }, body: JSON.stringify(body) }),
      );
      if (result.status === 200 && typeof result.body?.partner_interview_id === "string") instances.set(takeHomeTestId, result.body.partner_interview_id);
      return { ...result, takeHomeTestId };
    },
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const match = req.url?.match(/^\/integrations\/testing_partners\/take_home_tests\/([^/?]+)$/);
      if (!match || req.method !== "PATCH") {
        res.statusCode = 404;
        res.end();
        return;
      }
      const status = failures.length > 0 ? failures.shift()! : req.headers.authorization === authorization ? 200 : 401;
      patches.push({ takeHomeTestId: match[1]!, method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      res.statusCode = status;
      res.end();
      // Greenhouse answers a PATCH by reading test_status.
      const partnerInterviewId = instances.get(match[1]!);
      if (status === 200 && partnerInterviewId) {
        void client.testStatus(partnerInterviewId).then((read) => statusAfterPatch.push({ partnerInterviewId, ...read }), () => undefined);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const standIn = {
    url: `http://127.0.0.1:${port}`,
    ...client,
    patches,
    statusAfterPatch,
    /** The next PATCHes get these statuses (e.g. [500]) before the stand-in answers normally again. */
    failNext: (...statuses: number[]) => failures.push(...statuses),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
