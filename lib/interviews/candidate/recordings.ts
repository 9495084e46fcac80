import "server-only";
import { addSeconds } from "date-fns";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError } from "@/lib/errors";
import { AnswerType, RecordingStatus } from "@/lib/generated/prisma/enums";
import { storage } from "@/lib/storage";
import { chunkKey, recordingPrefix } from "../media";
import { answerTimes, phaseAt } from "../model/progress";
import { acceptsContentType, baseContentType, CHUNK_MAX_BYTES, MAX_CHUNK_SEQ, maxTakeBytes, UPLOAD_GRACE_SECONDS } from "../model/recording-rules";
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
export async function startRecording(interviewId: string, answerId: string, contentType: string, at?: Date) {
  const discarded: string[] = [];
  const started = await onCurrent(interviewId, answerId, at, async (tx, current, at) => {
    if (current.answerType === AnswerType.TEXT) throw new RecordingError("not_recorded", "This question takes a written answer.");
    if (!acceptsContentType(current.answerType, contentType)) {
      throw new RecordingError("wrong_type", `This question needs ${current.answerType === AnswerType.VIDEO ? "a video" : "an audio"} recording (WebM, MP4${current.answerType === AnswerType.AUDIO ? " or Ogg" : ""}).`);
    }
    const latest = await tx.recording.findFirst({
      where: { answerId, status: { not: RecordingStatus.DISCARDED } },
      orderBy: [{ take: "desc" }, { segment: "desc" }],
      select: { id: true, take: true, segment: true, status: true },
    });
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
  for (const id of discarded) await storage().deletePrefix(recordingPrefix(interviewId, id)).catch((error: Error) => console.error("discarding a take's media failed", { recordingId: id, error: error.message }));
  return started;
}

/**
 * Stores chunk `seq` of a recording of this interview (a retried chunk overwrites itself). Refused,
 * with nothing stored: another interview's recording, a closed one, a wrong content type, an
 * oversize chunk or take, or a chunk arriving after the answer's deadline and the upload grace.
 */
export async function storeChunk(interviewId: string, recordingId: string, seq: number, body: Uint8Array, contentType: string, at = clockNow()) {
  const prisma = await db();
  const recording = await prisma.recording.findFirst({
    where: { id: recordingId, interviewId },
    select: {
      status: true,
      contentType: true,
      answer: {
        select: { id: true, position: true, answerType: true, prepSeconds: true, answerSeconds: true, presentedAt: true, answerStartedAt: true, submittedAt: true, takeStartedAt: true },
      },
    },
  });
  if (!recording) throw new RecordingError("not_found", "This recording does not exist.");
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_CHUNK_SEQ) throw new RecordingError("not_found", "This part of the recording does not exist.");
  if (baseContentType(contentType) !== baseContentType(recording.contentType)) {
    throw new RecordingError("wrong_type", `This recording is ${baseContentType(recording.contentType)}; a ${baseContentType(contentType) || "untyped"} upload cannot be part of it.`);
  }
  if (body.byteLength === 0) throw new RecordingError("empty", "The upload was empty.");
  if (body.byteLength > CHUNK_MAX_BYTES) throw new RecordingError("too_large", `Each part of a recording may be at most ${CHUNK_MAX_BYTES / 1024 / 1024} MB.`);
  if (recording.status !== RecordingStatus.RECORDING) throw new RecordingError("closed", "This recording has ended.");
  const { answer } = recording;
  if (at > addSeconds(answerTimes(answer).deadline, UPLOAD_GRACE_SECONDS)) throw new RecordingError("time_up", "Time is up for this question. What you recorded was kept.");
  const limit = maxTakeBytes(answer);
  const takeBytes = async (client: Pick<typeof prisma, "recordingChunk">) =>
    (
      await client.recordingChunk.aggregate({
        where: { recording: { answerId: answer.id, status: { not: RecordingStatus.DISCARDED } }, NOT: { recordingId, seq } },
        _sum: { sizeBytes: true },
      })
    )._sum.sizeBytes ?? 0;
  if ((await takeBytes(prisma)) + body.byteLength > limit) throw new RecordingError("too_large", "This recording is larger than this question allows.");

  const key = chunkKey(interviewId, recordingId, seq);
  await storage().put(key, body, recording.contentType);
  const kept = await prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ status: RecordingStatus }>>`SELECT status FROM "Recording" WHERE id = ${recordingId} FOR UPDATE`;
    if (!locked || locked.status === RecordingStatus.DISCARDED) return false;
    // Two chunks in flight at once: the limit holds for their sum.
    if ((await takeBytes(tx)) + body.byteLength > limit) return "too_large" as const;
    await tx.recordingChunk.upsert({
      where: { recordingId_seq: { recordingId, seq } },
      create: { recordingId, seq, sizeBytes: body.byteLength, receivedAt: at },
      update: { sizeBytes: body.byteLength, receivedAt: at },
    });
    const totals = await tx.recordingChunk.aggregate({ where: { recordingId }, _sum: { sizeBytes: true }, _count: true });
    await tx.recording.update({ where: { id: recordingId }, data: { sizeBytes: totals._sum.sizeBytes ?? 0, chunkCount: totals._count } });
    return true;
  });
  if (kept !== true) {
    // Nothing half-written: the object goes when its row cannot be written.
    await storage().deletePrefix(key).catch(() => undefined);
    if (kept === "too_large") throw new RecordingError("too_large", "This recording is larger than this question allows.");
    throw new RecordingError("closed", "This recording has ended.");
  }
}

/**
 * The candidate stopped recording: the segment is finished once chunks 0…count-1 are all stored.
 * Otherwise the missing ones are listed for the browser to send again. Repeating it is harmless.
 */
export async function finishRecording(interviewId: string, recordingId: string, chunkCount: number, at = clockNow()) {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ status: RecordingStatus }>>`
      SELECT status FROM "Recording" WHERE id = ${recordingId} AND "interviewId" = ${interviewId} FOR UPDATE`;
    if (!locked) throw new RecordingError("not_found", "This recording does not exist.");
    if (locked.status === RecordingStatus.DISCARDED) throw new RecordingError("closed", "This recording was replaced by a retake.");
    const stored = new Set((await tx.recordingChunk.findMany({ where: { recordingId }, select: { seq: true } })).map((c) => c.seq));
    const missing = Array.from({ length: Math.min(chunkCount, MAX_CHUNK_SEQ + 1) }, (_, seq) => seq).filter((seq) => !stored.has(seq));
    if (missing.length > 0) return { finished: false, missing };
    if (locked.status === RecordingStatus.RECORDING) await tx.recording.update({ where: { id: recordingId }, data: { status: RecordingStatus.FINISHED, finishedAt: at } });
    return { finished: true, missing };
  });
}
