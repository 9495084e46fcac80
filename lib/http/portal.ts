import "server-only";
import { countInWindow, hit } from "@/lib/rate-limit";
import { clientAddress } from "./client-address";

/** The cookie that carries the candidate's key once it has left the URL. */
export const PORTAL_COOKIE = "kairos_interview";
/** Failed key lookups a client may make per minute before it gets 429s. */
export const KEY_FAILURES_PER_MINUTE = 20;
const KEY_FAILURE_WINDOW_SECONDS = 60;
/**
 * Failed key lookups per minute across every client (KEY_FAILURES_GLOBAL_PER_MINUTE). Past it, a
 * client that has failed at all this minute is refused: many addresses guessing together get one
 * guess each, while candidates whose link works are never held up.
 */
export function globalKeyFailuresPerMinute(): number {
  const configured = Number(process.env.KEY_FAILURES_GLOBAL_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

/** Headers on every /interview response: the key must not leak through referrers, caches or search engines. */
export const PORTAL_HEADERS: Record<string, string> = {
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store, max-age=0",
  "X-Robots-Tag": "noindex, nofollow",
};

/**
 * proxy.ts's verdict on the key, handed to the page in this request header so the page does not
 * look the key up a second time. proxy.ts deletes any copy a client sends, on every request.
 */
export const ACCESS_HEADER = "x-kairos-access";

/**
 * The per-client budget of failed key lookups, shared by every path that takes a key and by
 * every instance (the counter is in the database). Share tokens have a budget of their own, kept alike.
 */
export function keyLookupLimiter(headers: Headers, at: Date, scope: "interview-key" | "share-token" = "interview-key") {
  const key = `${scope}:${clientAddress(headers)}`;
  const everyone = `${scope}-every-client`;
  return {
    /** Whether this client may not look a key up now. */
    async exhausted() {
      const [mine, all] = await Promise.all([countInWindow(key, KEY_FAILURE_WINDOW_SECONDS, at), countInWindow(everyone, KEY_FAILURE_WINDOW_SECONDS, at)]);
      return mine >= KEY_FAILURES_PER_MINUTE || (all >= globalKeyFailuresPerMinute() && mine > 0);
    },
    /** Counts one failed lookup, for this client and for everyone. */
    async failed() {
      const [, all] = await Promise.all([hit(key, KEY_FAILURE_WINDOW_SECONDS, at), hit(everyone, KEY_FAILURE_WINDOW_SECONDS, at)]);
      if (all === globalKeyFailuresPerMinute()) console.warn(`${scope} lookups: the failure budget for every client is used up this minute`, { budget: all });
    },
  };
}

/** The value of one cookie in a request's Cookie header. */
export function cookieValue(headers: Headers, name: string): string | undefined {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      try {
        return decodeURIComponent(value.join("="));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
