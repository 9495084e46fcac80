import "server-only";
import { z } from "zod";
import { authenticateApiKey, type ApiCaller } from "@/lib/api/keys";
import { pointerOf, problem } from "@/lib/api/problem";
import { countApiRequest } from "@/lib/api/rate-limit";
import type { ApiScope } from "@/lib/api/scopes";
import { now } from "@/lib/clock";
import { ConflictError, ExpectedError, NotFoundError } from "@/lib/errors";
import { withoutNul } from "@/lib/fields";
import { readTextWithin } from "@/lib/http/body";

// The edge of Greenhouse's Assessment Partner API (https://developers.greenhouse.io/assessment.html):
// Greenhouse sends the organisation's Kairos API key as the Basic user name with an empty password.
// Its spec names two refusals, 401 (the key) and 404 (the resource), and no error body, so refusals
// are the API's RFC 9457 problem documents, and a key lacking the endpoint's scope is a 401 too
// (to Greenhouse it is an authentication with the wrong key). Nothing here answers 500 for bad input.

/** Greenhouse's bodies are small (a candidate and a URL): this is plenty. */
export const GREENHOUSE_BODY_LIMIT_BYTES = 16 * 1024;

export interface PartnerCall {
  caller: ApiCaller;
  /** The key as presented: send_test seals it for the callback (credential.ts). */
  presentedKey: string;
  request: Request;
}

/** The user name of `Authorization: Basic base64(user:password)`, or null. */
export function basicUser(header: string | null): string | null {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  return user.trim() || null;
}

const unauthorized = (detail: string) => problem(401, "unauthorized", detail, {}, { "WWW-Authenticate": 'Basic realm="Kairos Greenhouse", charset="UTF-8"' });

/** A route handler: the key and its `scope`, the key's rate limit, then `run` (through answer()). */
export function partnerHandler(name: string, scope: ApiScope, run: (call: PartnerCall) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const presentedKey = basicUser(request.headers.get("authorization"));
    const verdict = await authenticateApiKey(presentedKey);
    if (!verdict.ok || !presentedKey) {
      return unauthorized("Send the organisation's Kairos API key as the Basic user name (empty password). Owners and admins create keys in Settings → API keys.");
    }
    const { caller } = verdict;
    if (!caller.scopes.includes(scope)) return unauthorized(`This API key lacks the \`${scope}\` scope ${name} needs.`);
    const rate = await countApiRequest(caller.apiKeyId, now());
    if (!rate.allowed) return problem(429, "rate_limited", "This key has made too many requests. Wait for the time Retry-After gives, then try again.", {}, rate.headers);
    const response = await answer(name, () => run({ caller, presentedKey, request }));
    // As on /api/v1: every answer to a key says how much of its budget is left.
    for (const [header, value] of Object.entries(rate.headers)) response.headers.set(header, value);
    return response;
  };
}

/** Runs the endpoint; expected refusals map to 404/409/422, anything else to a logged 500 without its text. */
async function answer(name: string, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) return problem(404, "not_found", `${error.what} not found.`);
    if (error instanceof ConflictError) return problem(409, "conflict", error.message, { existing_id: error.existingId });
    if (error instanceof ExpectedError) return problem(422, "unprocessable", error.message);
    // Never the error's text: it may quote a value.
    console.error(`greenhouse ${name} failed`, { error: error instanceof Error ? error.name : typeof error });
    return problem(500, "server_error", "Something went wrong on our side. Nothing was changed; try again.");
  }
}

/** A JSON body within the limit parsed by `schema`, or the 400/413/415 to answer instead. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const text = await readTextWithin(request, GREENHOUSE_BODY_LIMIT_BYTES);
  if (text === null) return { ok: false, response: problem(413, "too_large", `Request bodies are limited to ${GREENHOUSE_BODY_LIMIT_BYTES / 1024} kB.`) };
  const type = request.headers.get("content-type");
  // Greenhouse sends JSON; a body declared as something else is not what it sends.
  if (type && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, response: problem(415, "unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.") };
  }
  let json: unknown;
  try {
    json = JSON.parse(withoutNul(text));
  } catch {
    return { ok: false, response: problem(400, "invalid_request", "The body is not valid JSON.") };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, response: problem(400, "invalid_request", "Some fields are not valid.", { errors: parsed.error.issues.map((issue) => ({ pointer: pointerOf(issue.path), detail: issue.message })) }) };
  }
  return { ok: true, data: parsed.data };
}

/** A 200 JSON answer, never cached. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}
