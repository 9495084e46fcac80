import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { now } from "@/lib/clock";
import { authSecret } from "@/lib/config";
import { resolveAccess } from "@/lib/interviews/access";
import { clientAddress, KEY_FAILURE_WINDOW_SECONDS, KEY_FAILURES_PER_MINUTE, PORTAL_COOKIE, PORTAL_HEADERS } from "@/lib/interviews/portal";
import { countInWindow, hit } from "@/lib/rate-limit";
import { statePage } from "@/app/interview/state-pages";

// A first gate for the dashboard: signed-out visitors go to sign-in before any page renders.
// Pages and actions still check the session and organisation themselves (lib/auth.ts).
const dashboard = withAuth({ secret: authSecret(), pages: { signIn: "/sign-in" } });


export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  if (request.nextUrl.pathname === "/interview" || request.nextUrl.pathname.startsWith("/interview/")) return portal(request);
  return dashboard(request as NextRequestWithAuth, event);
}

/**
 * The candidate portal's front door. The key leaves the URL at once (into an httpOnly cookie,
 * 303 to a clean /interview), and the key is judged here, before any page renders: the end
 * states answer here with their own status codes (404, 410, 429); the rest go on to the page.
 * Opening the link uses nothing up.
 */
async function portal(request: NextRequest) {
  const secured = (response: Response) => {
    for (const [name, value] of Object.entries(PORTAL_HEADERS)) response.headers.set(name, value);
    return response;
  };
  const { nextUrl } = request;
  if (request.method !== "GET" || nextUrl.pathname !== "/interview") return secured(NextResponse.next());

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

  const at = now();
  const limiterKey = `interview-key:${clientAddress(request.headers)}`;
  if ((await countInWindow(limiterKey, KEY_FAILURE_WINDOW_SECONDS, at)) >= KEY_FAILURES_PER_MINUTE) {
    return secured(statePage("too_many"));
  }
  const access = await resolveAccess(request.cookies.get(PORTAL_COOKIE)?.value, at);
  switch (access.state) {
    case "invalid":
      await hit(limiterKey, KEY_FAILURE_WINDOW_SECONDS, at);
      return secured(statePage("invalid"));
    case "replaced":
    case "cancelled":
      return secured(statePage(access.state));
    case "expired":
      return secured(statePage("expired", { rescheduleRequested: access.rescheduleRequested }));
    default:
      return secured(NextResponse.next());
  }
}

export const config = {
  matcher: ["/jobs/:path*", "/candidates/:path*", "/team/:path*", "/interviews/:path*", "/interview", "/interview/:path*"],
};
