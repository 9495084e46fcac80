import { z } from "zod";
import { candidateInterview } from "@/lib/http/candidate";
import { jsonRefusal, recordingErrorResponse } from "@/lib/http/responses";
import { finishRecording } from "@/lib/interviews/candidate/recordings";
import { MAX_CHUNK_SEQ } from "@/lib/interviews/model/recording-rules";

// durationMs: the take's length as the page measured it (optional: an older page sends none).
const body = z.object({ chunks: z.number().int().min(0).max(MAX_CHUNK_SEQ + 1), durationMs: z.number().finite().min(0).max(24 * 3600 * 1000).optional() });

/** The candidate stopped: answers with the chunks still missing, if any, for the page to send again. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const candidate = await candidateInterview(request);
  if (candidate instanceof Response) return candidate;
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonRefusal(400, "invalid", "The request was not understood.");
  try {
    return Response.json(await finishRecording(candidate, (await params).id, parsed.data));
  } catch (error) {
    return recordingErrorResponse(error, "recording finish");
  }
}
