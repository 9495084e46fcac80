import "server-only";
import { cookies, headers } from "next/headers";
import { now } from "@/lib/clock";
import { decodeAccess, resolveAccess, type Access, type CandidateSession } from "@/lib/interviews/candidate/access";
import { ACCESS_HEADER, cookieValue, keyLookupLimiter, PORTAL_COOKIE } from "./portal";
import { jsonRefusal } from "./responses";

// "Which interview does this candidate's key open?" — answered here, once, for every path that
// takes a key: proxy.ts, the portal page, its server actions and its API routes.

/** What a key opens, or "too_many" when this client has used up its failed lookups (each failure counts). */
export async function lookUpCandidateKey(requestHeaders: Headers, key: string | undefined, at: Date): Promise<Access | { state: "too_many" }> {
  const limiter = keyLookupLimiter(requestHeaders, at);
  if (await limiter.exhausted()) return { state: "too_many" };
  const access = await resolveAccess(key, at);
  if (access.state === "invalid") await limiter.failed();
  return access;
}

/**
 * For the portal's pages: proxy.ts's verdict on this request when it gave one (a GET it has just
 * judged, and counted), else the cookie's key looked up now (the re-render after an action).
 */
export async function currentCandidateAccess(): Promise<Access> {
  const verdict = decodeAccess((await headers()).get(ACCESS_HEADER));
  if (verdict) return verdict;
  return resolveAccess((await cookies()).get(PORTAL_COOKIE)?.value, now());
}

/** For the portal's server actions: the cookie's key looked up now, counted like every other lookup. */
export async function candidateAccessForAction(): Promise<Access | { state: "too_many" }> {
  return lookUpCandidateKey(await headers(), (await cookies()).get(PORTAL_COOKIE)?.value, now());
}

/**
 * The interview a candidate's API request is about, from the key in their cookie — never from
 * the request body — or the response refusing it. A request from another site is refused outright
 * (the cookie is SameSite=Lax; this covers browsers that would send it anyway).
 */
export async function candidateInterview(request: Request): Promise<CandidateSession | Response> {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return jsonRefusal(403, "cross_site", "Requests must come from the interview page.");
  const access = await lookUpCandidateKey(request.headers, cookieValue(request.headers, PORTAL_COOKIE), now());
  if (access.state === "too_many") return jsonRefusal(429, "too_many", "Too many attempts. Wait a minute and try again.");
  if (access.state !== "in_progress") return jsonRefusal(404, "not_found", "This interview is not in progress.");
  return { interviewId: access.interviewId, sessionId: access.sessionId };
}
