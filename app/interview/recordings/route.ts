import { z } from "zod";
import { candidateInterview } from "@/lib/http/candidate";
import { jsonRefusal, recordingErrorResponse } from "@/lib/http/responses";
import { startRecording } from "@/lib/interviews/candidate/recordings";

const body = z.object({ answerId: z.string().min(1).max(64), contentType: z.string().min(1).max(120) });

/** Starts a take (or a retake, or continues an interrupted one) on the current question. */
export async function POST(request: Request) {
  const candidate = await candidateInterview(request);
  if (candidate instanceof Response) return candidate;
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return jsonRefusal(400, "invalid", "The request was not understood.");
  try {
    const started = await startRecording(candidate, parsed.data.answerId, parsed.data.contentType);
    return Response.json({ ...started, deadline: started.deadline.toISOString() }, { status: 201 });
  } catch (error) {
    return recordingErrorResponse(error, "recording start");
  }
}
