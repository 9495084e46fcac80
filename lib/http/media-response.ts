import "server-only";
import { storage } from "@/lib/storage";
import { chunkKey, type PlayableRecording } from "@/lib/interviews/media";
import { DECLARED_LENGTH_HEADER } from "./content-length";

type Range = { start: number; end: number };

/**
 * The byte range a Range header asks for within `size` bytes: null for no (or an unusable,
 * multi-range) header — send it all — and "unsatisfiable" for a range outside the media.
 */
export function parseRange(header: string | null, size: number): Range | null | "unsatisfiable" {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (size === 0) return "unsatisfiable";
  if (match[1] === "") {
    const suffix = Number(match[2]);
    return suffix === 0 ? "unsatisfiable" : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** The recording's bytes from `start` to `end` (inclusive), read chunk by chunk as the player pulls. */
function concatenated(recording: PlayableRecording, { start, end }: Range): ReadableStream<Uint8Array> {
  const parts: Array<{ seq: number; from: number; to: number }> = [];
  let offset = 0;
  for (const chunk of recording.chunks) {
    const chunkEnd = offset + chunk.sizeBytes - 1;
    if (chunkEnd >= start && offset <= end) parts.push({ seq: chunk.seq, from: Math.max(start, offset) - offset, to: Math.min(end, chunkEnd) - offset });
    offset += chunk.sizeBytes;
  }
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!reader) {
          const part = parts.shift();
          if (!part) return controller.close();
          const stream = await storage().get(chunkKey(recording.interviewId, recording.id, part.seq), { start: part.from, end: part.to });
          if (!stream) return controller.error(new Error(`recording ${recording.id}: chunk ${part.seq} is missing from storage`));
          reader = stream.getReader();
        }
        const { done, value } = await reader.read();
        if (done) {
          reader = null;
          continue;
        }
        return controller.enqueue(value);
      }
    },
    async cancel() {
      await reader?.cancel();
    },
  });
}

/** An HTTP response playing the recording, with Range support (players seek and probe with it). */
export function mediaResponse(request: Request, recording: PlayableRecording): Response {
  const size = recording.chunks.reduce((sum, c) => sum + c.sizeBytes, 0);
  const headers = new Headers({
    "Content-Type": recording.contentType.split(";")[0]!,
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "Content-Disposition": "inline",
  });
  const range = parseRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  const span = range ?? { start: 0, end: size - 1 };
  const length = String(size === 0 ? 0 : span.end - span.start + 1);
  headers.set("Content-Length", length);
  // Next drops Content-Length from a route's response; this one reaches the wire (content-length.ts).
  headers.set(DECLARED_LENGTH_HEADER, length);
  if (range) headers.set("Content-Range", `bytes ${span.start}-${span.end}/${size}`);
  const body = request.method === "HEAD" || size === 0 ? null : concatenated(recording, span);
  return new Response(body, { status: range ? 206 : 200, headers });
}
