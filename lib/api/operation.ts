import "server-only";
import { z } from "zod";
import { now } from "@/lib/clock";
import { ConflictError, DuplicateError, ExpectedError, FieldError, NotFoundError, StateError } from "@/lib/errors";
import { withoutNul } from "@/lib/fields";
import { readTextWithin } from "@/lib/http/body";
import { authenticateApiKey, type ApiCaller, type KeyVerdict } from "./keys";
import { finishIdempotent, IDEMPOTENCY_KEY_MAX, releaseIdempotent, requestFingerprint, startIdempotent } from "./idempotency";
import { pointerOf, problem, problemBody, problemResponse, type FieldProblem, type Problem } from "./problem";
import { countApiRequest } from "./rate-limit";
import type { ApiScope } from "./scopes";

// Every /api/v1 operation is one object: its OpenAPI entry (lib/api/v1/openapi.ts reads the same
// schemas) and its handler, which runs the steps below in this order — key, rate limit, scope, path,
// query, body, Idempotency-Key — before the domain function the server actions also call.

/** Request bodies are JSON of at most this many bytes unless an operation says otherwise. */
export const BODY_LIMIT_BYTES = 64 * 1024;

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface OperationSpec<P extends AnyObject | undefined, Q extends AnyObject | undefined, B extends z.ZodType | undefined> {
  id: string;
  method: Method;
  /** OpenAPI form: "/api/v1/jobs/{id}". */
  path: string;
  scope: ApiScope;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  bodyLimitBytes?: number;
  /** What success looks like; `created` documents a 201 beside a 200 (an upsert). */
  success: { status: 200 | 201 | 202 | 204; description: string; schema?: z.ZodType; created?: boolean; binary?: boolean };
  /** The problem statuses this operation may answer with, beyond 401, 403, 429 and 500 (every one has those). */
  problems: number[];
  /** How a domain FieldError's form field maps to the request's JSON Pointer (default: "/" + the field in snake_case). */
  fields?: Record<string, string>;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface OperationInput<P, Q, B> {
  caller: ApiCaller;
  params: P;
  query: Q;
  body: B;
  request: Request;
  /** The request's Idempotency-Key (POST only), for domain functions with their own request token. */
  idempotencyKey: string | null;
}

/** A handler's answer: JSON with a status, or a whole Response (a media stream). */
export type OperationResult = { status?: number; body?: unknown } | Response;

export interface Operation<P extends AnyObject | undefined = AnyObject | undefined, Q extends AnyObject | undefined = AnyObject | undefined, B extends z.ZodType | undefined = z.ZodType | undefined>
  extends OperationSpec<P, Q, B> {
  handle(request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response>;
}

const KEY_REFUSALS: Record<Exclude<KeyVerdict, { ok: true }>["reason"], string> = {
  missing: "Send an API key as `Authorization: Bearer kairos_…`. Owners and admins create keys in Settings → API keys.",
  unknown: "This API key is not valid.",
  revoked: "This API key was revoked.",
  expired: "This API key has expired.",
  creator_gone: "The member who created this API key has left the organisation, so the key no longer works. Create a new key.",
  creator_demoted: "The member who created this API key is no longer an owner or admin, so the key no longer works. Create a new key.",
};

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Defines an operation: its contract and the function that carries it out. */
export function defineOperation<P extends AnyObject | undefined = undefined, Q extends AnyObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: OperationSpec<P, Q, B>,
  run: (input: OperationInput<Parsed<P>, Parsed<Q>, Parsed<B>>) => Promise<OperationResult>,
): Operation<P, Q, B> {
  const handle = async (request: Request, context?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const verdict = await authenticateApiKey(bearer(request.headers.get("authorization")));
    if (!verdict.ok) return problem(401, "unauthorized", KEY_REFUSALS[verdict.reason], {}, { "WWW-Authenticate": 'Bearer realm="Kairos API"' });
    const { caller } = verdict;
    const rate = await countApiRequest(caller.apiKeyId, now());
    const answer = async (): Promise<Response> => {
      if (!rate.allowed) return problem(429, "rate_limited", "This key has made too many requests. Wait for the time Retry-After gives, then try again.");
      if (!caller.scopes.includes(spec.scope)) return problem(403, "forbidden", `This API key lacks the \`${spec.scope}\` scope this operation needs.`);

      const params = spec.params ? spec.params.safeParse((await context?.params) ?? {}) : { success: true as const, data: undefined };
      // A malformed id names nothing, like an unknown one.
      if (!params.success) return problem(404, "not_found", "Not found.");

      const url = new URL(request.url);
      const query = spec.query ? spec.query.safeParse(Object.fromEntries([...url.searchParams].map(([k, v]) => [k, withoutNul(v)]))) : { success: true as const, data: undefined };
      if (!query.success) return problem(400, "invalid_request", "Some query parameters are not valid.", { errors: query.error.issues.map((issue) => ({ pointer: `?${issue.path.join(".")}`, detail: issue.message })) });

      const text = await readTextWithin(request, spec.bodyLimitBytes ?? BODY_LIMIT_BYTES);
      if (text === null) return problem(413, "too_large", `Request bodies are limited to ${(spec.bodyLimitBytes ?? BODY_LIMIT_BYTES) / 1024} kB.`);
      let body: { success: true; data: unknown } | { success: false; error: z.ZodError } = { success: true, data: undefined };
      if (spec.body) {
        if (text.trim() !== "" && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "")) {
          return problem(415, "unsupported_media_type", "Send the body as JSON with `Content-Type: application/json`.");
        }
        let json: unknown = {};
        if (text.trim() !== "") {
          try {
            json = JSON.parse(withoutNul(text));
          } catch {
            return problem(400, "invalid_request", "The body is not valid JSON.");
          }
        }
        body = spec.body.safeParse(json);
        if (!body.success) return problem(400, "invalid_request", "Some fields are not valid.", { errors: body.error.issues.map((issue) => ({ pointer: pointerOf(issue.path), detail: issue.message })) });
      }

      const idempotencyKey = spec.method === "POST" ? request.headers.get("idempotency-key") : null;
      const input = { caller, params: params.data, query: query.data, body: body.data, request, idempotencyKey } as OperationInput<Parsed<P>, Parsed<Q>, Parsed<B>>;
      if (idempotencyKey === null) return respond(await runSafely(spec, run, input));
      if (idempotencyKey.length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX) {
        return problem(400, "invalid_request", `An Idempotency-Key is 1 to ${IDEMPOTENCY_KEY_MAX} characters.`);
      }
      const start = await startIdempotent(caller.apiKeyId, idempotencyKey, requestFingerprint(spec.method, url.pathname, text));
      if (start.state === "mismatch") return problem(409, "idempotency_conflict", "This Idempotency-Key was used with a different request. Use a new key for a new request.");
      if (start.state === "in_progress") return problem(409, "idempotency_conflict", "A request with this Idempotency-Key is still being processed. Retry in a moment.");
      if (start.state === "replay") return withHeaders(respond({ status: start.status, body: start.body }), { "Idempotent-Replayed": "true" });
      const result = await runSafely(spec, run, input);
      if (result instanceof Response || result.status >= 500) {
        await releaseIdempotent(caller.apiKeyId, idempotencyKey);
      } else {
        await finishIdempotent(caller.apiKeyId, idempotencyKey, result.status, result.body);
      }
      return respond(result);
    };
    return withHeaders(await answer(), rate.headers);
  };
  return { ...spec, handle };
}

type Outcome = { status: number; body: unknown } | Response;

/** Runs the operation and maps what it throws: expected refusals to their problems, anything else to a logged 500. */
async function runSafely<P, Q, B>(spec: OperationSpec<AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined>, run: (input: OperationInput<P, Q, B>) => Promise<OperationResult>, input: OperationInput<P, Q, B>): Promise<Outcome> {
  try {
    const result = await run(input);
    if (result instanceof Response) return result;
    return { status: result.status ?? spec.success.status, body: result.body };
  } catch (error) {
    const refusal = refusalOf(error, spec);
    if (refusal) return refusal;
    // Never the error's text: it may quote a query or a value.
    console.error(`api ${spec.id} failed`, { error: error instanceof Error ? error.name : typeof error });
    return { status: 500, body: problemBody(500, "server_error", "Something went wrong on our side. Nothing was changed; try again.") };
  }
}

function refusalOf(error: unknown, spec: OperationSpec<AnyObject | undefined, AnyObject | undefined, z.ZodType | undefined>): Outcome | null {
  if (!(error instanceof ExpectedError)) return null;
  const as = (body: Problem) => ({ status: body.status, body });
  if (error instanceof NotFoundError) return as(problemBody(404, "not_found", `${error.what} not found.`));
  if (error instanceof DuplicateError) return as(problemBody(409, "conflict", error.message, { errors: [fieldProblem(error, spec)] }));
  if (error instanceof FieldError) return as(problemBody(422, "unprocessable", error.message, { errors: [fieldProblem(error, spec)] }));
  if (error instanceof ConflictError) return as(problemBody(409, "conflict", error.message, { existing_id: error.existingId }));
  if (error instanceof StateError) return as(problemBody(409, "conflict", error.message));
  if (error.reason === "unverified") return as(problemBody(403, "forbidden", error.message));
  if (error.reason === "daily_cap") return as(problemBody(429, "rate_limited", error.message));
  return as(problemBody(400, "invalid_request", error.message));
}

function fieldProblem(error: FieldError, spec: { fields?: Record<string, string> }): FieldProblem {
  return { pointer: spec.fields?.[error.field] ?? `/${snake(error.field)}`, detail: error.message };
}

/** A status of 400 or more carries a problem document (stored as such for replays too). */
function respond(outcome: Outcome): Response {
  if (outcome instanceof Response) return outcome;
  if (outcome.status >= 400) return problemResponse(outcome.body as Problem);
  return jsonResponse(outcome.status, outcome.body);
}

function jsonResponse(status: number, body: unknown): Response {
  if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The key from `Authorization: Bearer <key>` (scheme case-insensitive, RFC 6750). */
function bearer(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
