import { asViewer, currentMember } from "@/lib/accounts/auth";
import { mediaResponse } from "@/lib/http/media-response";
import { findRecordingForMember } from "@/lib/interviews/media";

/**
 * A recorded answer for the review player, streamed (with Range) from storage. Only members who
 * may see the interview (its organisation's recruiters; a reviewer asked to review it), signed in
 * with a session that is still on; anyone else — signed out, a copied cookie of an ended session,
 * another organisation, a reviewer of other interviews — gets the same 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  const recording = member ? await findRecordingForMember(asViewer(member), (await params).id) : null;
  if (!recording) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return mediaResponse(request, recording);
}
export const HEAD = GET;
