import { after } from "next/server";
import { wakeDispatcher } from "@/lib/background";
import { now } from "@/lib/clock";
import { ExpectedError } from "@/lib/errors";
import { lookUpCandidateKey } from "@/lib/http/candidate";
import { cookieValue, PORTAL_COOKIE } from "@/lib/http/portal";
import { requestReschedule } from "@/lib/interviews/candidate/requests";

// The expired page's "Ask for a new time" (a plain form, so it needs no script). The cookie is
// SameSite=Lax, so another site cannot post this on the candidate's behalf; a foreign Origin is
// refused too. (With Referrer-Policy: no-referrer the browser sends `Origin: null`.)
export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && URL.parse(origin)?.host !== request.headers.get("host")) return new Response("Forbidden", { status: 403 });
  const access = await lookUpCandidateKey(request.headers, cookieValue(request.headers, PORTAL_COOKIE), now());
  if (access.state === "expired") {
    try {
      await requestReschedule(access);
      after(wakeDispatcher);
    } catch (error) {
      if (!(error instanceof ExpectedError)) console.error("reschedule request failed", { error: (error as Error).message });
    }
  }
  return new Response(null, { status: 303, headers: { location: "/interview" } });
}
