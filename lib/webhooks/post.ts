import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { resolveChecked, WebhookAddressError, type Guard } from "./address";

/** One attempt's outcome: a status code when the endpoint answered, an error when it did not. */
export interface PostResult {
  statusCode: number | null;
  /** The first BODY_BYTES bytes of the response. */
  body: string;
  error: string | null;
  latencyMs: number;
}

export const TIMEOUT_MS = 10_000;
const BODY_BYTES = 500;

/**
 * POSTs a signed body to an endpoint (or PATCHes one, for Greenhouse's callback): the host is resolved and checked once (resolveChecked), and
 * the connection goes to that very address (a `lookup` that answers it), so a DNS answer that
 * changes between check and connect (rebinding) reaches nothing new; TLS still verifies the name.
 * Redirects are not followed (a 3xx is a failed attempt), and the whole exchange has `timeoutMs`.
 */
export async function postWebhook(url: URL, headers: Record<string, string>, body: string, guard: Guard, timeoutMs = TIMEOUT_MS, method: "POST" | "PATCH" = "POST"): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: { address: string; family: 4 | 6 };
  try {
    target = await resolveChecked(url, guard);
  } catch (error) {
    const message = error instanceof WebhookAddressError ? error.message : "refused: the address could not be checked";
    return { statusCode: null, body: "", error: message, latencyMs: elapsed() };
  }
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: elapsed() });
    };
    const request = client.request(
      url,
      {
        method,
        lookup: pinned,
        agent: false,
        // An empty body (Greenhouse's PATCH takes none) declares no type.
        headers: { "user-agent": "Kairos-Webhooks/1", ...headers, ...(body !== "" && { "content-type": "application/json" }), "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
          // Enough for the log: the rest of a large body is not worth waiting for.
          if (size >= BODY_BYTES) response.destroy();
        });
        const done = () =>
          finish({ statusCode: response.statusCode ?? null, body: Buffer.concat(chunks).subarray(0, BODY_BYTES).toString("utf8"), error: null });
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ statusCode: null, body: "", error: `timed out after ${timeoutMs % 1000 === 0 ? `${timeoutMs / 1000} s` : `${timeoutMs} ms`}` });
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => finish({ statusCode: null, body: "", error: `connection failed: ${error.code ?? error.message}`.slice(0, 300) }));
    request.end(body);
  });
}
