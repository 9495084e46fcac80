import { asViewer, currentMember } from "@/lib/accounts/auth";
import { captionsResponse } from "@/lib/http/captions";
import { findCaptionsForMember } from "@/lib/interviews/transcripts/captions";

/**
 * A recorded part's automatic captions (WebVTT) for the review player's <track>. Whoever may not
 * play the recording (app/api/recordings/[id]) gets the same 404 here, and so does a recording
 * whose transcript is not finished.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  const captions = member ? await findCaptionsForMember(asViewer(member), (await params).id) : null;
  return captionsResponse(captions);
}
