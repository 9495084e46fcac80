import { page } from "@/app/interview/_states/state-pages";

/**
 * A share link's end states as standalone documents with their own status codes, sent by proxy.ts:
 * one identical 404 for every unknown or malformed token, 410 for a revoked or expired link (or one
 * whose interview was reopened or deleted), 429 past the failed-lookup budget. No names, no script.
 */
export type ShareState = "invalid" | "gone" | "too_many";

const STATUS: Record<ShareState, number> = { invalid: 404, gone: 410, too_many: 429 };

const CONTENT: Record<ShareState, [string, string]> = {
  invalid: ["This link is not valid", "<p>Open the link exactly as you received it. If it still does not work, ask whoever shared it with you for a new one.</p>"],
  gone: ["This link is no longer available", "<p>It has expired or was revoked. If you still need to see these answers, ask whoever shared them with you for a new link.</p>"],
  too_many: ["Too many attempts", "<p>We have seen too many invalid links from your connection. Wait a minute, then open the link you received again.</p>"],
};

export function sharePage(state: ShareState): Response {
  return new Response(page(...CONTENT[state]), {
    status: STATUS[state],
    headers: { "content-type": "text/html; charset=utf-8", ...(state === "too_many" && { "retry-after": "60" }) },
  });
}
