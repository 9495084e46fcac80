import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { TranscriptStatus } from "@/lib/generated/prisma/enums";
import type { Cue } from "@/lib/webvtt";

// What the review reads of a transcript: its JSON columns as typed values, and one part's captions.

/** A stretch of the take's audio and what was said in it (ms over the whole take, its parts one after another). */
export interface TranscriptSegment {
  startMs: number;
  endMs: number;
  text: string;
}

/** Where one recorded part (a Recording segment, played by its own player) sits in the take's audio. */
export interface TranscriptPart {
  recordingId: string;
  offsetMs: number;
  durationMs: number;
}

const finite = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const record = (value: unknown): Record<string, unknown> | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

/** The transcript's segments, in time order; anything malformed (the column is JSON) is left out rather than trusted. */
export function transcriptSegments(json: Prisma.JsonValue): TranscriptSegment[] {
  if (!Array.isArray(json)) return [];
  return json
    .flatMap((item) => {
      const s = record(item);
      if (!s || !finite(s.startMs) || !finite(s.endMs) || typeof s.text !== "string" || s.endMs < s.startMs || s.startMs < 0) return [];
      return [{ startMs: s.startMs, endMs: s.endMs, text: s.text }];
    })
    .sort((a, b) => a.startMs - b.startMs);
}

/** The transcript's parts, in time order; malformed ones are left out. */
export function transcriptParts(json: Prisma.JsonValue): TranscriptPart[] {
  if (!Array.isArray(json)) return [];
  return json
    .flatMap((item) => {
      const p = record(item);
      if (!p || typeof p.recordingId !== "string" || !finite(p.offsetMs) || !finite(p.durationMs) || p.offsetMs < 0 || p.durationMs < 0) return [];
      return [{ recordingId: p.recordingId, offsetMs: p.offsetMs, durationMs: p.durationMs }];
    })
    .sort((a, b) => a.offsetMs - b.offsetMs);
}

/**
 * One part's captions: the segments that overlap its [offsetMs, offsetMs + durationMs), clipped to
 * it and shifted to the part's own time (its player starts at 0). A segment across a reload's
 * boundary shows in both parts, each its own side of it.
 */
export function partCues(segments: readonly TranscriptSegment[], part: TranscriptPart): Cue[] {
  const end = part.offsetMs + part.durationMs;
  return segments.flatMap((s) => {
    if (s.endMs <= part.offsetMs || s.startMs >= end) return [];
    return [{ startMs: Math.max(s.startMs, part.offsetMs) - part.offsetMs, endMs: Math.min(s.endMs, end) - part.offsetMs, text: s.text }];
  });
}

/** The recordings a transcript gives captions for: every part it covers, once it is DONE with words in it. */
export function captionedRecordings(transcript: { status: TranscriptStatus; segments: readonly TranscriptSegment[]; parts: readonly TranscriptPart[] } | null): Set<string> {
  if (transcript?.status !== TranscriptStatus.DONE || transcript.segments.length === 0) return new Set();
  return new Set(transcript.parts.map((p) => p.recordingId));
}
