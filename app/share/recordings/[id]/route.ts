import { now } from "@/lib/clock";
import { mediaResponse } from "@/lib/http/media-response";
import { cookieValue } from "@/lib/http/portal";
import { lookUpShareToken, SHARE_COOKIE, SHARE_HEADERS } from "@/lib/http/share";
import { findRecordingForShare } from "@/lib/interviews/media";

/**
 * A recorded answer for a share link's page, streamed (with Range) from storage: only recordings
 * of the answers the link shows, of its own interview, while the link is active. Anything else —
 * another question's recording, another interview's, no cookie, a revoked or expired link — gets
 * the same 404. The URL holds the recording's id only: nothing that names the candidate.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await lookUpShareToken(request.headers, cookieValue(request.headers, SHARE_COOKIE), now());
  const recording = access.state === "active" ? await findRecordingForShare(access, (await params).id) : null;
  if (!recording) return new Response("Not found", { status: 404, headers: SHARE_HEADERS });
  const response = await mediaResponse(request, recording);
  for (const [name, value] of Object.entries(SHARE_HEADERS)) response.headers.set(name, value);
  return response;
}
export const HEAD = GET;
