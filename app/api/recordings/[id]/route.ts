import { currentMember } from "@/lib/accounts/auth";
import { mediaResponse } from "@/lib/http/media-response";
import { findRecordingForMember } from "@/lib/interviews/media";

/**
 * A recorded answer for the recruiter's player, streamed (with Range) from storage. Only members
 * of the interview's organisation, signed in with a session that is still on; anyone else —
 * signed out, a copied cookie of an ended session, another organisation — gets the same 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await currentMember();
  const recording = member ? await findRecordingForMember(member.organizationId, (await params).id) : null;
  if (!recording) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return mediaResponse(request, recording);
}
export const HEAD = GET;
