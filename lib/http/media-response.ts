import "server-only";
import { storage } from "@/lib/storage";
import { chunkKey, type PlayableRecording } from "@/lib/interviews/media";
import { baseContentType } from "@/lib/interviews/model/recording-rules";
import { WEBM_HEADER_BYTES, webmDurationPatch } from "@/lib/webm-duration";
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

/** Where the played bytes come from: the patched head in memory, then stored chunks (or parts of them). */
type Source = { bytes: Uint8Array } | { seq: number; from: number; size: number };

/**
 * The recording as played: its chunks in order, with a WebM's head patched to carry the length
 * stored when the take finished (lib/webm-duration.ts), so players know it from the first bytes.
 */
async function playedSources(recording: PlayableRecording): Promise<Source[]> {
  const sources: Source[] = recording.chunks.map((c) => ({ seq: c.seq, from: 0, size: c.sizeBytes }));
  const size = sources.reduce((sum, s) => sum + sourceSize(s), 0);
  if (size === 0 || !recording.durationMs || !/^(video|audio)\/webm$/i.test(baseContentType(recording.contentType))) return sources;
  const first = new Uint8Array(await new Response(concatenated(recording, sources, { start: 0, end: Math.min(size, WEBM_HEADER_BYTES) - 1 })).arrayBuffer());
  const patch = webmDurationPatch(first, recording.durationMs);
  if (!patch) return sources;
  // The patched head, then everything after the bytes it replaces (which may span chunks).
  const rest: Source[] = [];
  let offset = 0;
  for (const source of sources) {
    const skip = Math.min(sourceSize(source), Math.max(0, patch.replaces - offset));
    offset += sourceSize(source);
    if (skip < sourceSize(source) && !("bytes" in source)) rest.push({ seq: source.seq, from: source.from + skip, size: source.size - skip });
  }
  return [{ bytes: patch.head }, ...rest];
}

const sourceSize = (source: Source) => ("bytes" in source ? source.bytes.length : source.size);

/** The played bytes from `start` to `end` (inclusive), read chunk by chunk as the player pulls. */
function concatenated(recording: PlayableRecording, sources: Source[], { start, end }: Range): ReadableStream<Uint8Array> {
  const parts: Array<{ source: Source; from: number; to: number }> = [];
  let offset = 0;
  for (const source of sources) {
    const sourceEnd = offset + sourceSize(source) - 1;
    if (sourceEnd >= start && offset <= end) parts.push({ source, from: Math.max(start, offset) - offset, to: Math.min(end, sourceEnd) - offset });
    offset += sourceSize(source);
  }
  let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (!reader) {
          const part = parts.shift();
          if (!part) return controller.close();
          const { source } = part;
          if ("bytes" in source) return controller.enqueue(source.bytes.slice(part.from, part.to + 1));
          const stream = await storage().get(chunkKey(recording.interviewId, recording.id, source.seq), { start: source.from + part.from, end: source.from + part.to });
          if (!stream) return controller.error(new Error(`recording ${recording.id}: chunk ${source.seq} is missing from storage`));
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
export async function mediaResponse(request: Request, recording: PlayableRecording): Promise<Response> {
  const sources = await playedSources(recording);
  const size = sources.reduce((sum, s) => sum + sourceSize(s), 0);
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
  const body = request.method === "HEAD" || size === 0 ? null : concatenated(recording, sources, span);
  return new Response(body, { status: range ? 206 : 200, headers });
}
