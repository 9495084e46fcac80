import { PROBLEM_TITLES, type ProblemCode } from "@/lib/api/problem";

// The API reference: Swagger UI (the pinned swagger-ui-dist, served from our own origin by
// ./assets) over /api/v1/openapi.json, and what every problem means. A plain document rather than
// a React page: Swagger UI renders into its container itself, and React hydrating the same
// container would race it (and wipe what it drew when it lost).

const PROBLEM_HELP: Record<ProblemCode, string> = {
  unauthorized: "401: no key, or an unknown, revoked or expired one, or one whose creator is no longer an owner or admin.",
  forbidden: "403: the key lacks the operation's scope, or its creator must confirm their email address before Kairos emails candidates.",
  not_found: "404: no such record in your organisation (another organisation's ids are not found either), or no such operation.",
  invalid_request: "400: the JSON, a query parameter or a field is malformed; errors lists each field as a JSON Pointer.",
  unprocessable: "422: well-formed values the interview rules refuse (a due date before the link opens, say); errors names the field.",
  conflict: "409: the record's state does not allow the change, or it would duplicate an open interview (existing_id) or a taken email.",
  idempotency_conflict: "409: this Idempotency-Key was sent with a different request, or its first request is still running.",
  too_large: "413: the body is over the operation's limit (64 kB; 1 MB for bulk invitations).",
  unsupported_media_type: "415: send bodies as JSON with Content-Type: application/json.",
  rate_limited: "429: the key's requests per minute are used up (wait Retry-After seconds), or the organisation's emails for the day are.",
  server_error: "500: something failed on Kairos's side; nothing was changed and the request may be retried.",
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function GET(request: Request) {
  // proxy.ts puts this response's CSP nonce on the request; the scripts carry it.
  const nonce = escape(request.headers.get("x-nonce") ?? "");
  const problems = (Object.keys(PROBLEM_TITLES) as ProblemCode[])
    .map((code) => `<div id="problem-${code}"><dt><code>${code}</code> · ${escape(PROBLEM_TITLES[code])}</dt><dd>${escape(PROBLEM_HELP[code])}</dd></div>`)
    .join("\n");
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API reference · Kairos</title>
<link rel="stylesheet" href="/docs/api/assets/swagger-ui.css">
<style>
  body { margin: 0; font-family: system-ui, sans-serif; color: #1f2430; }
  main { max-width: 72rem; margin: 0 auto; padding: 2rem 1rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
  h2 { font-size: 1.125rem; margin: 2rem 0 .5rem; }
  p, dd { font-size: .875rem; line-height: 1.5; }
  dl div { margin: .5rem 0; } dt { font-size: .875rem; font-weight: 600; } dd { margin: 0; color: #444b5a; }
  a { color: inherit; }
</style>
</head>
<body>
<main>
<h1>Kairos API reference</h1>
<p>Authenticate with <code>Authorization: Bearer kairos_…</code>: owners and admins create keys in <a href="/settings/api-keys">Settings → API keys</a>. The machine-readable document is <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<div id="swagger-ui"></div>
<noscript><p>The interactive reference needs JavaScript; the document itself is at /api/v1/openapi.json.</p></noscript>
<h2>Problems</h2>
<p>Every error is an RFC 9457 problem document (<code>application/problem+json</code>) whose <code>type</code> links here and whose <code>code</code> names it.</p>
<dl>
${problems}
</dl>
</main>
<script nonce="${nonce}" src="/docs/api/assets/swagger-ui-bundle.js"></script>
<script nonce="${nonce}" src="/docs/api/assets/init.js"></script>
</body>
</html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
