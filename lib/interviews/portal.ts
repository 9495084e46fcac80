/** The cookie that carries the candidate's key once it has left the URL. */
export const PORTAL_COOKIE = "kairos_interview";
/** Failed key lookups a client may make per minute before it gets 429s. */
export const KEY_FAILURES_PER_MINUTE = 20;
export const KEY_FAILURE_WINDOW_SECONDS = 60;

/** Headers on every /interview response: the key must not leak through referrers, caches or search engines. */
export const PORTAL_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store, max-age=0",
  "X-Robots-Tag": "noindex, nofollow",
};

/**
 * The client's address for rate limiting: the right-most X-Forwarded-For entry, which is the one
 * the nearest proxy (or Next itself, from the socket) wrote. Deploy behind a proxy that sets it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}

/**
 * proxy.ts's verdict on the key, handed to the page in this request header so the page does not
 * look the key up a second time. proxy.ts deletes any copy a client sends, on every request.
 */
export const ACCESS_HEADER = "x-kairos-access";
