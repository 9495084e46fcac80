import "server-only";
import { hit } from "@/lib/rate-limit";

/** Requests one key may make per window (KAIROS_API_REQUESTS_PER_MINUTE; default 600, as a busy ATS sync needs). */
export function apiRequestsPerMinute(): number {
  const value = Number(process.env.KAIROS_API_REQUESTS_PER_MINUTE);
  return Number.isInteger(value) && value > 0 ? value : 600;
}
const WINDOW_SECONDS = 60;

export interface RateVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

/**
 * Counts one request of a key in the shared PostgreSQL window (every instance sees the same count)
 * and says whether it may go on, with the RateLimit-* headers (IETF draft) every response carries
 * and Retry-After when it may not.
 */
export async function countApiRequest(apiKeyId: string, at: Date): Promise<RateVerdict> {
  const limit = apiRequestsPerMinute();
  const count = await hit(`api-key:${apiKeyId}`, WINDOW_SECONDS, at);
  const windowMs = WINDOW_SECONDS * 1000;
  const reset = Math.max(1, Math.ceil((windowMs - (at.getTime() % windowMs)) / 1000));
  const headers: Record<string, string> = {
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": String(Math.max(0, limit - count)),
    "RateLimit-Reset": String(reset),
    "RateLimit-Policy": `${limit};w=${WINDOW_SECONDS}`,
  };
  if (count <= limit) return { allowed: true, headers };
  return { allowed: false, headers: { ...headers, "Retry-After": String(reset) } };
}
