/**
 * The security headers of every response. Pure (no server-only, no database): proxy.ts uses it
 * per request for the nonce-based Content-Security-Policy, next.config.ts for the static headers
 * that also cover what the proxy skips (/_next/static and other assets).
 */

/** On every response, assets included. X-Frame-Options backs up `frame-ancestors 'none'` for old browsers. */
export const BASE_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
};

/** Everywhere but the candidate portal, which sends `no-referrer` (lib/interviews/portal.ts). */
export const REFERRER_POLICY = "strict-origin-when-cross-origin";

/**
 * Two years, subdomains included. Sent in production only, and only on requests that arrived over
 * https (the TLS proxy's X-Forwarded-Proto): browsers ignore HSTS over plain http anyway, and the
 * header on a local `next start` would be a false statement.
 */
export const HSTS = "max-age=63072000; includeSubDomains";

/** A fresh, unguessable nonce for one response: 16 random bytes, base64 (the form Next parses). */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/** True when the request reached the outermost proxy over https. */
export function isHttps(headers: Headers, url: URL): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? url.protocol.replace(":", "")) === "https";
}

/**
 * The Content-Security-Policy for one response. Next reads the nonce back from this header (on
 * the request, set by proxy.ts) and stamps it on its own scripts while rendering.
 *
 * - Scripts: only those carrying this response's nonce, plus what they load ('strict-dynamic').
 *   No 'unsafe-inline'. `next dev` needs 'unsafe-eval' (React rebuilds server stacks with eval).
 * - Styles: 'self' and 'unsafe-inline'. Radix (react-remove-scroll) injects <style> elements
 *   without a nonce, components set style attributes (which a nonce cannot cover), the portal's
 *   state pages inline their CSS, and the dev mailbox's sandboxed srcdoc iframe inherits this
 *   policy while rendering emails that are inline-styled by design. Injected CSS cannot run code;
 *   the script policy is what stops XSS. (A nonce in style-src would switch 'unsafe-inline' off.)
 * - Frames: only our own documents (the mailbox's srcdoc iframe counts as such); nobody may frame us.
 * - upgrade-insecure-requests only over https, so a plain-http local server keeps working.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, https = false }: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // The candidate plays their own take back from memory (a blob: URL) before it is submitted.
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
