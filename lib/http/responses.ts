import { ExpectedError } from "@/lib/errors";
import type { RecordingErrorCode } from "@/lib/interviews/candidate/recordings";

/** A JSON refusal the candidate's page can show: `{ error: { code, message } }`. */
export function jsonRefusal(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * An error from a route's call into lib/ as its HTTP response: an expected refusal with the status
 * `statusOf` gives its reason (400 when it gives none), anything else logged and a 500 that says nothing.
 */
export function errorResponse(error: unknown, context: string, statusOf: (reason: string) => number | undefined): Response {
  if (error instanceof ExpectedError) return jsonRefusal(statusOf(error.reason) ?? 400, error.reason, error.message);
  console.error(`${context} failed`, { error: (error as Error).message });
  return jsonRefusal(500, "failed", "Something went wrong. Please try again.");
}

const RECORDING_STATUS: Record<RecordingErrorCode, number> = {
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

/** A refused recording request as its HTTP response (404, 409, 413, 415, or a bare 500). */
export function recordingErrorResponse(error: unknown, context: string): Response {
  return errorResponse(error, `candidate ${context}`, (reason) => RECORDING_STATUS[reason as RecordingErrorCode]);
}
