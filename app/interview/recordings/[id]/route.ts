import { candidateInterview } from "@/lib/http/candidate";
import { mediaResponse } from "@/lib/http/media-response";
import { findRecordingForCandidate } from "@/lib/interviews/media";

/** The candidate plays back their own take (after a reload the page has no local copy). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const candidate = await candidateInterview(request);
  if (candidate instanceof Response) return candidate;
  const recording = await findRecordingForCandidate(candidate.interviewId, (await params).id);
  if (!recording) return new Response("Not found", { status: 404 });
  return mediaResponse(request, recording);
}
