import { appUrl } from "@/lib/config";

/** One invalid field of a request: a JSON Pointer (RFC 6901) into the body or query, and what is wrong. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** The kinds of problem the API answers with; each has a section on the reference page. */
export const PROBLEM_TITLES = {
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  not_found: "Not found",
  invalid_request: "Invalid request",
  unprocessable: "Unprocessable request",
  conflict: "Conflict",
  idempotency_conflict: "Idempotency-Key reused",
  too_large: "Request body too large",
  unsupported_media_type: "Unsupported media type",
  rate_limited: "Too many requests",
  server_error: "Internal server error",
} as const;
export type ProblemCode = keyof typeof PROBLEM_TITLES;

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  errors?: FieldProblem[];
  /** A ConflictError's record (e.g. the open interview a second one would duplicate). */
  existing_id?: string;
}

/** An RFC 9457 problem document: `type` links to its explanation on the API reference page. */
export function problemBody(status: number, code: ProblemCode, detail: string, extra: Partial<Pick<Problem, "errors" | "existing_id">> = {}): Problem {
  return { type: `${appUrl()}/docs/api#problem-${code}`, title: PROBLEM_TITLES[code], status, detail, code, ...extra };
}

/** A problem document as the response. */
export function problemResponse(body: Problem, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...Object.fromEntries(new Headers(headers)) },
  });
}

export function problem(status: number, code: ProblemCode, detail: string, extra: Partial<Pick<Problem, "errors" | "existing_id">> = {}, headers: HeadersInit = {}): Response {
  return problemResponse(problemBody(status, code, detail, extra), headers);
}

/** A zod issue path as a JSON Pointer: ["candidate", "email"] → "/candidate/email". */
export function pointerOf(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => "/" + String(part).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}
