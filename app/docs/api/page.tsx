import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { PROBLEM_TITLES, type ProblemCode } from "@/lib/api/problem";

export const metadata: Metadata = { title: "API reference" };

const PROBLEM_HELP: Record<ProblemCode, string> = {
  unauthorized: "401: no key, or an unknown, revoked or expired one, or one whose creator is no longer an owner or admin.",
  forbidden: "403: the key lacks the operation's scope, or its creator must confirm their email address before Kairos emails candidates.",
  not_found: "404: no such record in your organisation (another organisation's ids are not found either), or no such operation.",
  invalid_request: "400: the JSON, a query parameter or a field is malformed; `errors` lists each field as a JSON Pointer.",
  unprocessable: "422: well-formed values the interview rules refuse (a due date before the link opens, say); `errors` names the field.",
  conflict: "409: the record's state does not allow the change, or it would duplicate an open interview (`existing_id`) or a taken email.",
  idempotency_conflict: "409: this Idempotency-Key was sent with a different request, or its first request is still running.",
  too_large: "413: the body is over the operation's limit (64 kB; 1 MB for bulk invitations).",
  unsupported_media_type: "415: send bodies as JSON with Content-Type: application/json.",
  rate_limited: "429: the key's requests per minute are used up (wait Retry-After seconds), or the organisation's emails for the day are.",
  server_error: "500: something failed on Kairos's side; nothing was changed and the request may be retried.",
};

/** The API reference: Swagger UI (from the pinned swagger-ui-dist, on our own origin) over /api/v1/openapi.json, and what every problem means. */
export default async function ApiReferencePage() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      {/* eslint-disable-next-line @next/next/no-css-tags -- Swagger UI's own stylesheet, for this page only (not a global import) */}
      <link rel="stylesheet" href="/docs/api/assets/swagger-ui.css" precedence="default" />
      <h1 className="text-2xl font-semibold">Kairos API reference</h1>
      <p className="mt-2 text-sm text-gray-700">
        Authenticate with <code>Authorization: Bearer kairos_…</code>: owners and admins create keys in <Link className="underline" href="/settings/api-keys">Settings → API keys</Link>. The
        machine-readable document is <a className="underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>
      <div id="swagger-ui" className="mt-6" />
      <noscript>
        <p className="text-sm">The interactive reference needs JavaScript; the document itself is at /api/v1/openapi.json.</p>
      </noscript>
      <h2 className="mt-8 text-lg font-semibold">Problems</h2>
      <p className="mt-2 text-sm text-gray-700">
        Every error is an RFC 9457 problem document (<code>application/problem+json</code>) whose <code>type</code> links here and whose <code>code</code> names it.
      </p>
      <dl className="mt-2 space-y-2 text-sm">
        {(Object.keys(PROBLEM_TITLES) as ProblemCode[]).map((code) => (
          <div key={code} id={`problem-${code}`}>
            <dt className="font-medium">
              <code>{code}</code> · {PROBLEM_TITLES[code]}
            </dt>
            <dd className="text-gray-700">{PROBLEM_HELP[code]}</dd>
          </div>
        ))}
      </dl>
      <script nonce={nonce} src="/docs/api/assets/swagger-ui-bundle.js" defer />
      <script nonce={nonce} src="/docs/api/assets/init.js" defer />
    </main>
  );
}
