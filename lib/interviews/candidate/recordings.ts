import "server-only";
import { db, type Tx } from "@/lib/db";
import { ExpectedError } from "@/lib/errors";
import { AnswerType, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import { storage } from "@/lib/storage";
import { CANDIDATE } from "../audit";
import { readForSettle, settle, type EngineAnswer } from "../lifecycle/settle";
import { chunkKey, discardRecordingMedia } from "../media";
import { anyStatus, SessionEndedError, withInterviewLock } from "../model/guard";
import { answerTimes, phaseAt } from "../model/progress";
import { acceptsContentType, baseContentType, CHUNK_MAX_BYTES, MAX_CHUNK_SEQ, maxTakeBytes } from "../model/recording-rules";
import type { CandidateSession } from "./access";
import { onCurrent } from "./answering";
import { CandidateActionError } from "./errors";

export type RecordingErrorCode = "not_found" | "wrong_type" | "too_large" | "empty" | "closed" | "time_up" | "not_current" | "no_retakes" | "not_recorded";

/** A refused recording request: `code` decides the HTTP status, `message` is for the candidate. */
export class RecordingError extends ExpectedError {
  constructor(
    readonly code: RecordingErrorCode,
    message: string,
  ) {
    super(message, code);
    this.name = "RecordingError";
  }
}

const fromCandidateError = (error: unknown) => {
  if (error instanceof SessionEndedError) return new RecordingError("not_found", error.message);
  if (!(error instanceof CandidateActionError)) return error;
  if (error.reason === "time_up") return new RecordingError("time_up", "Time is up for this question. What you recorded was kept.");
  return new RecordingError("not_current", "This question is no longer open.");
};

/**
 * Starts recording on the current question. The first take starts answering (ending the
 * preparation early if need be); after an interruption (a reload mid-recording) it continues the
 * same take in a new segment, against the same deadline; after a finished take it is a retake —
 * allowed while retakes remain — which discards the previous take and restarts the answer time.
 */
export async function startRecording(candidate: CandidateSession, answerId: string, contentType: string, at?: Date) {
  const { interviewId } = candidate;
  const discarded: string[] = [];
  const started = await onCurrent(candidate, answerId, at, async (tx, current, at) => {
    if (current.answerType === AnswerType.TEXT) throw new RecordingError("not_recorded", "This question takes a written answer.");
    if (!acceptsContentType(current.answerType, contentType)) {
      throw new RecordingError("wrong_type", `This question needs ${current.answerType === AnswerType.VIDEO ? "a video" : "an audio"} recording (WebM, MP4${current.answerType === AnswerType.AUDIO ? " or Ogg" : ""}).`);
    }
    const latest = await tx.recording.findFirst({
      where: { answerId, status: { not: RecordingStatus.DISCARDED } },
      orderBy: [{ take: "desc" }, { segment: "desc" }],
      select: { id: true, take: true, segment: true, status: true },
    });
    // The answer stays open a while after its deadline for chunks on their way; nothing new is recorded then.
    if (at > answerTimes(current).deadline) throw new CandidateActionError("time_up");
    let take = 1;
    let segment = 1;
    const timing = { ...current };
    if (!latest) {
      if (phaseAt(current, at) === "preparing") {
        await tx.interviewAnswer.update({ where: { id: answerId }, data: { answerStartedAt: at } });
        timing.answerStartedAt = at;
      }
    } else if (latest.status === RecordingStatus.RECORDING) {
      await tx.recording.update({ where: { id: latest.id }, data: { status: RecordingStatus.FINISHED, finishedAt: at } });
      take = latest.take;
      segment = latest.segment + 1;
    } else {
      if (latest.take > current.retakes) throw new RecordingError("no_retakes", "You have used all your retakes for this question.");
      const old = await tx.recording.findMany({ where: { answerId, take: latest.take }, select: { id: true } });
      discarded.push(...old.map((r) => r.id));
      await tx.recordingChunk.deleteMany({ where: { recordingId: { in: discarded } } });
      await tx.recording.updateMany({ where: { id: { in: discarded } }, data: { status: RecordingStatus.DISCARDED, sizeBytes: 0, chunkCount: 0 } });
      await tx.interviewAnswer.update({ where: { id: answerId }, data: { takeStartedAt: at } });
      timing.takeStartedAt = at;
      take = latest.take + 1;
    }
    const recording = await tx.recording.create({
      data: { interviewId, answerId, take, segment, contentType: contentType.trim(), startedAt: at },
      select: { id: true },
    });
    const { deadline } = answerTimes(timing);
    return { recordingId: recording.id, take, segment, takesAllowed: current.retakes + 1, deadline, maxBytes: maxTakeBytes(current) };
  }).catch((error: unknown) => {
    throw fromCandidateError(error);
  });
  // The candidate chose the retake: the old take's media goes now, not at retention time.
  await discardRecordingMedia(interviewId, discarded, "a discarded take's");
  return started;
}

/**
 * Stores chunk `seq` of a recording of the answer on screen. Refused, with nothing stored: another
 * interview's recording, a closed one (finished, replaced by a retake, or its answer submitted or
 * timed out), a wrong content type, an oversize chunk or take. A chunk already stored is never
 * replaced: the same chunk sent again (a retry whose answer was lost) is acknowledged as it is.
 *
 * The chunk's row is claimed under the interview's lock, then its bytes are written outside it; a
 * write that fails gives the claim back, so the page's retry (or its finish, which lists what is
 * missing) sends it again.
 */
export async function storeChunk(candidate: CandidateSession, recordingId: string, seq: number, body: Uint8Array, contentType: string, at?: Date) {
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_CHUNK_SEQ) throw new RecordingError("not_found", "This part of the recording does not exist.");
  if (body.byteLength === 0) throw new RecordingError("empty", "The upload was empty.");
  if (body.byteLength > CHUNK_MAX_BYTES) throw new RecordingError("too_large", `Each part of a recording may be at most ${CHUNK_MAX_BYTES / 1024 / 1024} MB.`);
  const { interviewId } = candidate;
  const claimed = await onRecording(candidate, recordingId, at, contentType, async (tx, recording, current, at) => {
    const existing = await tx.recordingChunk.findUnique({ where: { recordingId_seq: { recordingId, seq } }, select: { sizeBytes: true } });
    if (existing) {
      if (existing.sizeBytes === body.byteLength) return { contentType: recording.contentType, fresh: false };
      throw new RecordingError("closed", "This part of the recording was already stored.");
    }
    const take = await tx.recordingChunk.aggregate({ where: { recording: { answerId: current.id, status: { not: RecordingStatus.DISCARDED } } }, _sum: { sizeBytes: true } });
    if ((take._sum.sizeBytes ?? 0) + body.byteLength > maxTakeBytes(current)) throw new RecordingError("too_large", "This recording is larger than this question allows.");
    await tx.recordingChunk.create({ data: { recordingId, seq, sizeBytes: body.byteLength, receivedAt: at } });
    await tx.recording.update({ where: { id: recordingId }, data: { sizeBytes: { increment: body.byteLength }, chunkCount: { increment: 1 } } });
    return { contentType: recording.contentType, fresh: true };
  });
  if (!claimed.fresh) return;
  const key = chunkKey(interviewId, recordingId, seq);
  try {
    await storage().put(key, body, claimed.contentType);
  } catch (error) {
    await releaseChunk(interviewId, recordingId, seq, body.byteLength);
    throw error;
  }
  // A retake may have discarded this recording while the bytes were on their way: they go too.
  const prisma = await db();
  if (!(await prisma.recordingChunk.findUnique({ where: { recordingId_seq: { recordingId, seq } }, select: { seq: true } }))) {
    await storage().deletePrefix(key).catch(() => undefined);
  }
}

/** Gives back a chunk's claim whose bytes could not be stored (under the interview's lock, like the claim). */
async function releaseChunk(interviewId: string, recordingId: string, seq: number, sizeBytes: number) {
  await withInterviewLock(interviewId, "unscoped", anyStatus, async (tx) => {
    const { count } = await tx.recordingChunk.deleteMany({ where: { recordingId, seq } });
    if (count) await tx.recording.update({ where: { id: recordingId }, data: { sizeBytes: { decrement: sizeBytes }, chunkCount: { decrement: 1 } } });
  });
}

/**
 * The candidate stopped recording: the segment is finished once chunks 0…count-1 are all stored.
 * Otherwise the missing ones are listed for the browser to send again. The length the page measured
 * is kept, bounded (see takeLength). Repeating it is harmless,
 * and so is finishing a segment its answer's submission already closed.
 */
export async function finishRecording(candidate: CandidateSession, recordingId: string, { chunks: chunkCount, durationMs = null }: { chunks: number; durationMs?: number | null }, at?: Date) {
  const { interviewId, sessionId } = candidate;
  return withInterviewLock(interviewId, { sessionId }, anyStatus, async (tx, _interview, at) => {
    const recording = await tx.recording.findFirst({
      where: { id: recordingId, interviewId },
      select: { status: true, startedAt: true, durationMs: true, answer: { select: { answerSeconds: true } } },
    });
    if (!recording) throw new RecordingError("not_found", "This recording does not exist.");
    if (recording.status === RecordingStatus.DISCARDED) throw new RecordingError("closed", "This recording was replaced by a retake.");
    const stored = new Set((await tx.recordingChunk.findMany({ where: { recordingId }, select: { seq: true } })).map((c) => c.seq));
    const missing = Array.from({ length: Math.min(chunkCount, MAX_CHUNK_SEQ + 1) }, (_, seq) => seq).filter((seq) => !stored.has(seq));
    // The length the page measured, once, within what the server saw: the take cannot be longer
    // than it was open here, nor than the question's answer time.
    const length = recording.durationMs === null ? takeLength(durationMs, at.getTime() - recording.startedAt.getTime(), recording.answer.answerSeconds) : undefined;
    // A segment its answer's submission already closed is finished whatever is missing: nothing more can arrive.
    if (recording.status !== RecordingStatus.RECORDING) {
      if (length !== undefined) await tx.recording.update({ where: { id: recordingId }, data: { durationMs: length } });
      return { finished: true, missing };
    }
    if (missing.length > 0) return { finished: false, missing };
    await tx.recording.update({ where: { id: recordingId }, data: { status: RecordingStatus.FINISHED, finishedAt: at, durationMs: length } });
    return { finished: true, missing };
  }, at).catch((error: unknown) => {
    throw fromCandidateError(error);
  });
}

/** A recorder stops a moment after the clock says time is up. */
const STOP_SLACK_MS = 2000;

/** A reported take length in whole ms, bounded by how long the take was open and by the answer time; null when none was reported. */
function takeLength(reportedMs: number | null, openMs: number, answerSeconds: number): number | null {
  if (reportedMs === null || !Number.isFinite(reportedMs) || reportedMs <= 0) return null;
  return Math.round(Math.min(reportedMs, Math.max(0, openMs), answerSeconds * 1000 + STOP_SLACK_MS));
}

/**
 * Runs a change on a recording that is still taking chunks: one of this interview's, of the
 * upload's type, still RECORDING, of the answer on screen (not submitted, not timed out: the
 * clock is settled first).
 */
async function onRecording<T>(
  candidate: CandidateSession,
  recordingId: string,
  at: Date | undefined,
  contentType: string,
  fn: (tx: Tx, recording: { contentType: string }, current: EngineAnswer, at: Date) => Promise<T>,
): Promise<T> {
  const { interviewId, sessionId } = candidate;
  const outcome = await withInterviewLock(interviewId, { sessionId }, anyStatus, async (tx, interview, at) => {
    const recording = await tx.recording.findFirst({ where: { id: recordingId, interviewId }, select: { status: true, contentType: true, answerId: true } });
    if (!recording) throw new RecordingError("not_found", "This recording does not exist.");
    if (baseContentType(contentType) !== baseContentType(recording.contentType)) {
      throw new RecordingError("wrong_type", `This recording is ${baseContentType(recording.contentType)}; a ${baseContentType(contentType) || "untyped"} upload cannot be part of it.`);
    }
    if (interview.status !== InterviewStatus.IN_PROGRESS) return { refused: new RecordingError("closed", "This recording has ended.") };
    // What the clock decided is written even when this upload is refused for it.
    const { current } = await settle(tx, await readForSettle(tx, interviewId), at, CANDIDATE);
    const stillRecording = await tx.recording.findUniqueOrThrow({ where: { id: recordingId }, select: { status: true } });
    if (stillRecording.status !== RecordingStatus.RECORDING || !current || current.id !== recording.answerId) {
      return { refused: new RecordingError("closed", "This recording has ended.") };
    }
    return { result: await fn(tx, recording, current, at) };
  }, at).catch((error: unknown) => {
    throw fromCandidateError(error);
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.result;
}
