/**
 * The portal's end states as small standalone HTML documents, sent by proxy.ts with their own
 * status codes (a rendered page always answers 200). They carry no names and load no script and
 * no image, so a bad or old link reveals nothing and costs little; they look like the rest of the
 * portal: its header with the logo (inline), and its font (one cached file from our own origin).
 */
export type PortalState = "invalid" | "replaced" | "cancelled" | "expired" | "too_many";

const STATUS: Record<PortalState, number> = { invalid: 404, replaced: 410, cancelled: 410, expired: 410, too_many: 429 };

const CSS = `
@font-face{font-family:Inter;font-style:normal;font-weight:100 900;font-display:swap;src:url(/fonts/inter-latin-wght.woff2) format("woff2")}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 Inter,ui-sans-serif,system-ui,sans-serif;color:#1e293b;background:#f8fafc;-webkit-font-smoothing:antialiased}
header{background:#fff;border-bottom:1px solid #e2e8f0}header div{max-width:48rem;margin:0 auto;padding:0 1rem;height:3.5rem;display:flex;align-items:center;gap:.5rem;font-weight:600;letter-spacing:-.025em;color:#0f172a}
header svg{width:1.5rem;height:1.5rem;color:#4f39f6}
main{max-width:48rem;margin:0 auto;padding:3rem 1rem}section{background:#fff;border:1px solid #e2e8f0;border-radius:.75rem;padding:2.5rem 1.5rem;text-align:center}
h1{margin:0 0 .75rem;font-size:1.5rem;line-height:1.3;color:#0f172a}p{margin:.75rem auto;max-width:28rem;color:#334155}
button{font:inherit;font-weight:500;color:#fff;background:#4f39f6;border:0;border-radius:.375rem;padding:.6rem 1rem;cursor:pointer}
button:focus-visible{outline:2px solid #4f39f6;outline-offset:2px}.done{color:#166534;background:#f0fdf4;border:1px solid #bbf7d0;border-radius:.375rem;padding:.75rem}`;

// components/logo.tsx's mark, as markup.
const LOGO = `<svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2" stroke-linecap="round"/></svg>`;

/** A standalone end-state document (the share links' end states use it too). */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow"><meta name="referrer" content="no-referrer"><title>${title} · Kairos</title><style>${CSS}</style></head>
<body><header><div>${LOGO}Kairos</div></header><main><section aria-labelledby="t"><h1 id="t">${title}</h1>${body}</section></main></body></html>`;
}

const CONTENT: Record<Exclude<PortalState, "expired">, [string, string]> = {
  invalid: [
    "This link is not valid",
    "<p>Open the link exactly as it appears in your invitation email. If it still does not work, reply to the recruiter and ask them to send a new invitation.</p>",
  ],
  replaced: ["A newer invitation was sent", "<p>This link was replaced by a newer one. Please check your latest email from the recruiter and use the link in it.</p>"],
  cancelled: [
    "This interview was cancelled",
    "<p>The recruiter cancelled this interview, so there is nothing to do here. If you think this is a mistake, reply to their email.</p>",
  ],
  too_many: [
    "Too many attempts",
    "<p>We have seen too many invalid links from your connection. Wait a minute, then open the link from your invitation email again.</p>",
  ],
};

/**
 * The response for an end state (expired: with or without the "ask for a new time" form; for an
 * interview to complete by a deadline, "ask for more time").
 */
export function statePage(state: PortalState, { rescheduleRequested = false, deadline = false }: { rescheduleRequested?: boolean; deadline?: boolean } = {}): Response {
  let html: string;
  if (state === "expired" && deadline) {
    const next = rescheduleRequested
      ? `<p class="done" role="status">You have asked for more time. The recruiter will email you if they can give you more.</p>`
      : `<p>Would you still like to take it? Ask the recruiter for more time.</p><form method="post" action="/interview/new-time"><button type="submit">Ask for more time</button></form>`;
    html = page("The deadline for this interview has passed", `<p>The interview was not started by its due date.</p>${next}`);
  } else if (state === "expired") {
    const next = rescheduleRequested
      ? `<p class="done" role="status">You have asked for a new time. The recruiter will send you a new invitation by email.</p>`
      : `<p>Would you still like to interview? Ask the recruiter for a new time.</p><form method="post" action="/interview/new-time"><button type="submit">Ask for a new time</button></form>`;
    html = page("The time for this interview has passed", `<p>The interview was not started before its link closed.</p>${next}`);
  } else {
    html = page(...CONTENT[state]);
  }
  return new Response(html, {
    status: STATUS[state],
    headers: { "content-type": "text/html; charset=utf-8", ...(state === "too_many" && { "retry-after": "60" }) },
  });
}
