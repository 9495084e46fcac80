import "server-only";
import { clientAddress } from "./client-address";
import { keyLookupLimiter } from "./portal";
import { resolveShareToken, type ShareVerdict } from "@/lib/interviews/share/open";

// "Which share link does this request hold?" — answered here for every path under /share: proxy.ts
// (the front door), the page, its media route and its scorecard action.

/** The cookie that carries a share token once it has left the URL (path /share). */
export const SHARE_COOKIE = "kairos_share";

/** Headers on every /share response: the token must not leak through referrers, caches or search engines. */
export const SHARE_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store, max-age=0",
  "X-Robots-Tag": "noindex, nofollow",
};

/** The verdict on a token, or "too_many" when this client has used up its failed lookups (each unknown token counts). */
export async function lookUpShareToken(requestHeaders: Headers, token: string | undefined, at: Date): Promise<ShareVerdict | { state: "too_many" }> {
  const limiter = keyLookupLimiter(requestHeaders, at, "share-token");
  if (await limiter.exhausted()) return { state: "too_many" };
  const verdict = await resolveShareToken(token, at);
  if (verdict.state === "invalid") await limiter.failed();
  return verdict;
}

/** Who is asking, as a view records them. */
export function shareClient(requestHeaders: Headers) {
  return { address: clientAddress(requestHeaders), userAgent: requestHeaders.get("user-agent") ?? "" };
}
