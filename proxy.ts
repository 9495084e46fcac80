import { withAuth } from "next-auth/middleware";
import { authSecret } from "@/lib/config";

// A first gate for the dashboard: signed-out visitors go to sign-in before any page renders.
// Pages and actions still check the session and organisation themselves (lib/auth.ts).
export default withAuth({ secret: authSecret(), pages: { signIn: "/sign-in" } });

export const config = {
  matcher: ["/jobs/:path*", "/candidates/:path*", "/team/:path*", "/interviews/:path*"],
};
