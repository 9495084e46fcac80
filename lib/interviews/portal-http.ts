import "server-only";
import { now } from "@/lib/clock";
import { countInWindow, hit } from "@/lib/rate-limit";
import { resolveAccess } from "./access";
import { clientAddress, KEY_FAILURE_WINDOW_SECONDS, KEY_FAILURES_PER_MINUTE, PORTAL_COOKIE } from "./portal";
import { RecordingError, type RecordingErrorCode } from "./recordings";

const STATUS: Record<RecordingErrorCode, number> = {
  not_found: 404,
  wrong_type: 415,
  too_large: 413,
  empty: 400,
  closed: 409,
  time_up: 409,
  not_current: 409,
  no_retakes: 409,
  not_recorded: 409,
};

/** A JSON refusal the candidate's page can show: `{ error: { code, message } }`. */
export function refusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

function cookieValue(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return undefined;
}

/**
 * The interview a candidate's API request is about, from the key in their cookie — never from
 * the request body — or the response refusing it. The same per-client limit on failed key lookups
 * as the portal page applies, and a request from another site is refused outright (the cookie is
 * SameSite=Lax; this covers browsers that would send it anyway).
 */
export async function candidateInterview(request: Request): Promise<{ interviewId: string } | Response> {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return refusal(403, "cross_site", "Requests must come from the interview page.");
  const at = now();
  const limiterKey = `interview-key:${clientAddress(request.headers)}`;
  if ((await countInWindow(limiterKey, KEY_FAILURE_WINDOW_SECONDS, at)) >= KEY_FAILURES_PER_MINUTE) {
    return refusal(429, "too_many", "Too many attempts. Wait a minute and try again.");
  }
  const access = await resolveAccess(cookieValue(request, PORTAL_COOKIE), at);
  if (access.state === "invalid") await hit(limiterKey, KEY_FAILURE_WINDOW_SECONDS, at);
  if (access.state !== "in_progress") return refusal(404, "not_found", "This interview is not in progress.");
  return { interviewId: access.interviewId };
}

/** A refused recording request as the HTTP response for it; anything unexpected is logged and a 500 says nothing. */
export function recordingErrorResponse(error: unknown, context: string): Response {
  if (error instanceof RecordingError) return refusal(STATUS[error.code], error.code, error.message);
  console.error(`candidate ${context} failed`, { error: (error as Error).message });
  return refusal(500, "failed", "Something went wrong. Please try again.");
}
