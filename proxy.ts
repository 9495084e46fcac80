import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { now } from "@/lib/clock";
import { authSecret } from "@/lib/config";
import { lookUpCandidateKey } from "@/lib/http/candidate";
import { ACCESS_HEADER, PORTAL_COOKIE, PORTAL_HEADERS } from "@/lib/http/portal";
import { encodeAccess } from "@/lib/interviews/candidate/access";
import { wakeDispatcher } from "@/lib/background";
import { isSessionActive } from "@/lib/accounts/sessions";
import { BASE_HEADERS, contentSecurityPolicy, HSTS, isHttps, newNonce, REFERRER_POLICY } from "@/lib/security-headers";
import { statePage } from "@/app/interview/_states/state-pages";
import { sharePage } from "@/app/share/_states/share-state-pages";
import { lookUpShareToken, SHARE_COOKIE, SHARE_HEADERS, shareClient } from "@/lib/http/share";
import { recordShareView } from "@/lib/interviews/share/open";

const DASHBOARD = /^\/(?:jobs|candidates|team|interviews|compare|settings)(?:\/|$)/;

/**
 * Every request but static assets passes here. Each gets a fresh CSP nonce: set on the request
 * (Next reads `content-security-policy` back while rendering and stamps the nonce on its scripts;
 * pages can read `x-nonce` through headers()) and on the response with the other security headers.
 */
export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const nonce = newNonce();
  const https = isHttps(request.headers, request.nextUrl);
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== "production", https });
  const requestHeaders = new Headers(request.headers);
  // Only this proxy may speak for the key: a client's own copy of the header goes.
  requestHeaders.delete(ACCESS_HEADER);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });

  const { pathname } = request.nextUrl;
  const inPortal = pathname === "/interview" || pathname.startsWith("/interview/");
  const inShare = pathname === "/share" || pathname.startsWith("/share/");
  let response: Response;
  if (!decodable(pathname)) {
    response = malformedPath();
    if (inPortal) for (const [name, value] of Object.entries(PORTAL_HEADERS)) response.headers.set(name, value);
    if (inShare) for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
  } else if (inPortal) {
    response = await portal(request, next, requestHeaders);
  } else if (inShare) {
    response = await share(request, next, event);
  } else if (DASHBOARD.test(pathname)) {
    // A first gate for the dashboard: signed-out visitors go to sign-in before any page renders,
    // and so does a cookie whose session was ended (a sign-out, a password change) or expired.
    // Pages and actions still check the session and organisation themselves (lib/accounts/auth.ts): a
    // server action (a POST) with a well-signed cookie goes on to its own requireMember(), which
    // asks the same question, so the gate asks the database only for what renders.
    const dashboard = withAuth(() => next(), {
      secret: authSecret(),
      pages: { signIn: "/sign-in" },
      callbacks: { authorized: async ({ req, token }) => Boolean(token) && (req.method === "POST" || (await isSessionActive(token))) },
    });
    response = (await dashboard(request as NextRequestWithAuth, event)) ?? next();
  } else {
    response = next();
  }

  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(BASE_HEADERS)) response.headers.set(name, value);
  // The portal has set its own (no-referrer); everything else gets the site-wide policy.
  if (!response.headers.has("Referrer-Policy")) response.headers.set("Referrer-Policy", REFERRER_POLICY);
  if (https && process.env.NODE_ENV === "production") response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

/** False when a segment of the path is not valid percent-encoded UTF-8 (e.g. `/jobs/%E0%A4%A`). */
function decodable(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer to a path that cannot be decoded. Next fails on one in a dynamic segment while matching
 * routes (a DecodeError it means to answer with 400, but an app without a pages/_error renders a
 * bare 500 instead), before any page or route of ours runs; so the proxy answers first, for every path.
 */
function malformedPath(): NextResponse {
  return new NextResponse("Bad request: this address is not valid.", {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * The candidate portal's front door. The key leaves the URL at once (into an httpOnly cookie,
 * 303 to a clean /interview), and the key is judged here, before any page renders: the end
 * states answer here with their own status codes (404, 410, 429); the rest go on to the page.
 * Opening the link uses nothing up.
 */
async function portal(request: NextRequest, next: () => NextResponse, requestHeaders: Headers) {
  const secured = (response: Response) => {
    for (const [name, value] of Object.entries(PORTAL_HEADERS)) response.headers.set(name, value);
    return response;
  };
  const { nextUrl } = request;
  // HEAD is judged like GET: otherwise its status alone would tell a valid key from an invalid one, uncounted.
  if ((request.method !== "GET" && request.method !== "HEAD") || nextUrl.pathname !== "/interview") return secured(next());

  const key = nextUrl.searchParams.get("session_key");
  if (key !== null) {
    const response = NextResponse.redirect(new URL("/interview", request.url), 303);
    response.cookies.set(PORTAL_COOKIE, key.slice(0, 256), {
      httpOnly: true,
      sameSite: "lax",
      path: "/interview",
      secure: process.env.NODE_ENV === "production" && !["localhost", "127.0.0.1", "[::1]"].includes(nextUrl.hostname),
      maxAge: 60 * 60 * 24 * 30,
    });
    return secured(response);
  }

  const access = await lookUpCandidateKey(request.headers, request.cookies.get(PORTAL_COOKIE)?.value, now());
  switch (access.state) {
    case "too_many":
    case "invalid":
      return secured(statePage(access.state));
    case "replaced":
    case "cancelled":
      return secured(statePage(access.state));
    case "expired":
      return secured(statePage("expired", { rescheduleRequested: access.rescheduleRequested, deadline: access.deadline === true }));
    default:
      // The page renders from this verdict instead of looking the key up again.
      requestHeaders.set(ACCESS_HEADER, encodeAccess(access));
      return secured(next());
  }
}

/**
 * A share link's front door, kept like the portal's: the token leaves the URL at once (into an
 * httpOnly cookie scoped to /share, 303 to a clean /share, so it is in no later URL, Referer or
 * log line), then it is judged here before the page renders — unknown 404, revoked or expired 410,
 * too many failures 429 — and each GET of the page that opens is logged as a view.
 */
async function share(request: NextRequest, next: () => NextResponse, event: NextFetchEvent) {
  const secured = (response: Response) => {
    for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
    return response;
  };
  const { nextUrl } = request;
  if ((request.method !== "GET" && request.method !== "HEAD") || nextUrl.pathname !== "/share") return secured(next());

  const token = nextUrl.searchParams.get("token");
  if (token !== null) {
    const response = NextResponse.redirect(new URL("/share", request.url), 303);
    response.cookies.set(SHARE_COOKIE, token.slice(0, 256), {
      httpOnly: true,
      sameSite: "lax",
      path: "/share",
      secure: process.env.NODE_ENV === "production" && !["localhost", "127.0.0.1", "[::1]"].includes(nextUrl.hostname),
      maxAge: 60 * 60 * 24 * 31,
    });
    return secured(response);
  }

  const at = now();
  const verdict = await lookUpShareToken(request.headers, request.cookies.get(SHARE_COOKIE)?.value, at);
  if (verdict.state !== "active") return secured(sharePage(verdict.state));
  // A HEAD (a link checker) is judged alike but is not someone reading the answers.
  if (request.method === "GET") {
    const { first } = await recordShareView(verdict.shareLinkId, shareClient(request.headers), at);
    // The first view queued the creator's email: send it after the response, never before it.
    if (first) event.waitUntil(wakeDispatcher());
  }
  return secured(next());
}

export const config = {
  // Everything but build assets (immutable files that need no CSP; next.config.ts gives them the basics).
  // Prefetches are not skipped: the dashboard's sign-in gate must see them too.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
