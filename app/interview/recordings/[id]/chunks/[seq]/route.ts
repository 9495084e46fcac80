import { candidateInterview } from "@/lib/http/candidate";
import { jsonRefusal, recordingErrorResponse } from "@/lib/http/responses";
import { storeChunk } from "@/lib/interviews/candidate/recordings";
import { CHUNK_MAX_BYTES } from "@/lib/interviews/model/recording-rules";

/** One chunk of a recording, in order (`seq` from 0). A retry of the same chunk replaces it. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string; seq: string }> }) {
  const candidate = await candidateInterview(request);
  if (candidate instanceof Response) return candidate;
  const { id, seq } = await params;
  if (!/^\d{1,5}$/.test(seq)) return jsonRefusal(404, "not_found", "This part of the recording does not exist.");
  // Refuse an oversize body before reading it when the client says how big it is.
  if (Number(request.headers.get("content-length") ?? 0) > CHUNK_MAX_BYTES) {
    return jsonRefusal(413, "too_large", `Each part of a recording may be at most ${CHUNK_MAX_BYTES / 1024 / 1024} MB.`);
  }
  const body = new Uint8Array(await request.arrayBuffer());
  try {
    await storeChunk(candidate, id, Number(seq), body, request.headers.get("content-type") ?? "");
    return new Response(null, { status: 204 });
  } catch (error) {
    return recordingErrorResponse(error, "chunk upload");
  }
}
