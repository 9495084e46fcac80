import { cookies } from "next/headers";
import { after } from "next/server";
import { now } from "@/lib/clock";
import { wakeDispatcher } from "@/lib/email/dispatcher";
import { resolveAccess } from "@/lib/interviews/access";
import { CandidateActionError, requestReschedule } from "@/lib/interviews/candidate";
import { PORTAL_COOKIE } from "@/lib/interviews/portal";

// The expired page's "Ask for a new time" (a plain form, so it needs no script). The cookie is
// SameSite=Lax, so another site cannot post this on the candidate's behalf; a foreign Origin is
// refused too. (With Referrer-Policy: no-referrer the browser sends `Origin: null`.)
export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && URL.parse(origin)?.host !== request.headers.get("host")) return new Response("Forbidden", { status: 403 });
  const access = await resolveAccess((await cookies()).get(PORTAL_COOKIE)?.value, now());
  if (access.state === "expired") {
    try {
      await requestReschedule(access.interviewId);
      after(wakeDispatcher);
    } catch (error) {
      if (!(error instanceof CandidateActionError)) console.error("reschedule request failed", { error: (error as Error).message });
    }
  }
  return new Response(null, { status: 303, headers: { location: "/interview" } });
}
