import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { addMilliseconds } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { RecordingStatus, TranscriptStatus } from "@/lib/generated/prisma/enums";
import { backoff } from "@/lib/queue/backoff";
import { claimDue } from "@/lib/queue/claim";
import { storage } from "@/lib/storage";
import { maxAudioSeconds, transcriptionConcurrency } from "@/lib/transcription/config";
import { decodeToWav, decoderUnavailable } from "@/lib/transcription/decode";
import { TranscriptionError, transcriptionEngine, type TranscriptionEngine, type TranscriptResult } from "@/lib/transcription";
import { SYSTEM, recordEvent } from "../audit";
import { chunkKey } from "../media";
import { anyStatus, withInterviewLock } from "../model/guard";

// The transcriber: claims queued transcripts (FOR UPDATE SKIP LOCKED with a lease, as the outbox
// does), decodes the take's chunks to 16 kHz mono with ffmpeg, runs the deployment's engine and
// keeps the transcript; a failed attempt backs off and tries again, up to MAX_ATTEMPTS.

/** Attempts before a transcript is given up (FAILED): about two hours of backoff in all. */
export const MAX_ATTEMPTS = 6;
const BACKOFF = { baseMs: 30_000, capMs: 60 * 60_000 };
/** A worker that dies lets its transcript go after this: the longest take, decoded and transcribed at worst at real time, twice over. */
const leaseMs = () => maxAudioSeconds() * 2 * 1000 + 5 * 60_000;

interface Claimed {
  id: string;
  answerId: string;
  interviewId: string;
  attempts: number;
  language: string;
}

export interface TranscriberStats {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  /** Why this process cannot transcribe (the engine or ffmpeg is missing here): nothing was claimed. */
  unavailable?: string;
}

/**
 * Transcribes due takes, `concurrency` at a time, until none is due or `budgetMs` has passed (a take
 * under way is finished, not cut off). A process that cannot run the engine claims nothing: another
 * one (a worker on a Node host) does the work.
 */
export async function drainTranscriptions({ budgetMs = 60_000, concurrency = transcriptionConcurrency() }: { budgetMs?: number; concurrency?: number } = {}): Promise<TranscriberStats> {
  const stats: TranscriberStats = { claimed: 0, done: 0, retried: 0, failed: 0 };
  const engine = transcriptionEngine();
  if (!engine) return stats;
  const unavailable = (await engine.unavailable()) ?? (await decoderUnavailable());
  if (unavailable) return { ...stats, unavailable };
  const prisma = await db();
  const until = Date.now() + budgetMs;
  while (Date.now() < until) {
    const claimed = await claimDue<Claimed>(prisma, {
      table: "Transcript",
      states: { waiting: "QUEUED", working: "PROCESSING" },
      at: now(),
      leaseMs: leaseMs(),
      limit: concurrency,
      returning: Prisma.sql`q.id, q."answerId", q."interviewId", q.attempts, q.language`,
    });
    if (claimed.length === 0) break;
    stats.claimed += claimed.length;
    const outcomes = await Promise.all(claimed.map((row) => transcribeClaimed(engine, row)));
    for (const outcome of outcomes) stats[outcome]++;
  }
  return stats;
}

/** One claimed transcript: its outcome is written only if the row is still the one claimed (not replaced, not deleted). */
async function transcribeClaimed(engine: TranscriptionEngine, row: Claimed): Promise<"done" | "retried" | "failed"> {
  try {
    const { result, parts, audioMs } = await transcribeTake(engine, row);
    await finish(row, {
      status: TranscriptStatus.DONE,
      reason: null,
      text: result.text,
      segments: result.segments as unknown as Prisma.InputJsonValue,
      parts: parts as unknown as Prisma.InputJsonValue,
      audioMs,
      engine: result.engine,
      model: result.model,
    });
    return "done";
  } catch (error) {
    const known = error instanceof TranscriptionError ? error : null;
    if (!known) console.error("transcription failed unexpectedly", { transcriptId: row.id, error: (error as Error).message });
    const message = known?.message ?? "Something went wrong while transcribing.";
    if ((known?.retryable ?? true) && row.attempts < MAX_ATTEMPTS) {
      const waitMs = Math.max(backoff(row.attempts, BACKOFF), known?.retryAfterMs ?? 0);
      await retryLater(row, message, waitMs);
      return "retried";
    }
    await finish(row, { status: TranscriptStatus.FAILED, reason: message });
    return "failed";
  }
}

/** Decodes the kept take (its parts one after another) and runs the engine on it. */
async function transcribeTake(engine: TranscriptionEngine, row: Claimed) {
  const prisma = await db();
  const recordings = await prisma.recording.findMany({
    where: { answerId: row.answerId, status: { not: RecordingStatus.DISCARDED }, chunkCount: { gt: 0 } },
    orderBy: [{ take: "asc" }, { segment: "asc" }],
    select: { id: true, chunkCount: true },
  });
  const dir = await mkdtemp(path.join(tmpdir(), "kairos-transcribe-"));
  try {
    const audio = await decodeToWav(
      recordings.map((recording) => async () => Readable.from(chunksOf(row.interviewId, recording.id, recording.chunkCount))),
      { dir, maxMs: maxAudioSeconds() * 1000 },
    );
    const parts = recordings.slice(0, audio.parts.length).map((recording, i) => ({ recordingId: recording.id, ...audio.parts[i] }));
    // Silence in, nothing out: an empty take is "no speech", not a failure.
    const result: TranscriptResult =
      audio.durationMs === 0 ? { text: "", segments: [], engine: engine.name, model: engine.model } : await engine.transcribe(audio, { language: row.language });
    return { result, parts, audioMs: audio.durationMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A recording's chunks from storage, in order: together they are one media file. */
async function* chunksOf(interviewId: string, recordingId: string, count: number): AsyncGenerator<Uint8Array> {
  for (let seq = 0; seq < count; seq++) {
    const stream = await storage().get(chunkKey(interviewId, recordingId, seq));
    if (!stream) throw new TranscriptionError("A part of the recording is missing from storage.", true);
    for await (const bytes of stream as unknown as AsyncIterable<Uint8Array>) yield bytes;
  }
}

async function retryLater(row: Claimed, reason: string, waitMs: number) {
  const prisma = await db();
  const at = now();
  await prisma.transcript.updateMany({
    where: { id: row.id, attempts: row.attempts, status: TranscriptStatus.PROCESSING },
    data: { status: TranscriptStatus.QUEUED, reason, leaseUntil: null, nextAttemptAt: addMilliseconds(at, waitMs) },
  });
}

/**
 * Writes the outcome under the interview's lock (the clock read after it), with a
 * "transcript.ready" audit event — which webhooks hear — in the same transaction. Nothing is written
 * when the row is no longer the one claimed: the answer was reopened, or its content deleted.
 */
async function finish(row: Claimed, data: Prisma.TranscriptUpdateManyMutationInput & { status: TranscriptStatus }) {
  await withInterviewLock(row.interviewId, "unscoped", anyStatus, async (tx, interview, at) => {
    const { count } = await tx.transcript.updateMany({
      where: { id: row.id, attempts: row.attempts, status: TranscriptStatus.PROCESSING },
      data: { ...data, leaseUntil: null, completedAt: at },
    });
    if (count === 0) return;
    const answer = await tx.interviewAnswer.findUniqueOrThrow({ where: { id: row.answerId }, select: { position: true } });
    await recordEvent(tx, {
      organizationId: interview.organizationId,
      interviewId: row.interviewId,
      actor: SYSTEM,
      type: "transcript.ready",
      data: { answerId: row.answerId, number: answer.position + 1, status: data.status === TranscriptStatus.DONE ? "done" : "failed" },
      at,
    });
  }).catch((error: unknown) => {
    // The interview itself is gone (its candidate was deleted): so is the transcript.
    if (!(error instanceof NotFoundError)) throw error;
  });
}
