import { now } from "@/lib/clock";
import { captionsResponse } from "@/lib/http/captions";
import { cookieValue } from "@/lib/http/portal";
import { lookUpShareToken, SHARE_COOKIE, SHARE_HEADERS } from "@/lib/http/share";
import { findCaptionsForShare } from "@/lib/interviews/transcripts/captions";

/**
 * A recorded part's automatic captions (WebVTT) for a share link's player: only for the answers
 * the link shows, while it is active; anything else gets the media route's 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await lookUpShareToken(request.headers, cookieValue(request.headers, SHARE_COOKIE), now());
  const captions = access.state === "active" ? await findCaptionsForShare(access, (await params).id) : null;
  return captionsResponse(captions, SHARE_HEADERS);
}
