import "server-only";
import type { Viewer } from "./recruiter/manager";
import { visibleInterviews } from "./recruiter/visibility";
import { db } from "@/lib/db";
import { RecordingStatus } from "@/lib/generated/prisma/enums";
import { storage } from "@/lib/storage";

// Where an interview's recorded media lives in storage, and who may read it back.

/** The storage prefix of every object of one interview (retention and deletion remove it whole). */
export const interviewMediaPrefix = (interviewId: string) => `recordings/${interviewId}/`;
/** The storage prefix of one recording segment's chunks. */
export const recordingPrefix = (interviewId: string, recordingId: string) => `${interviewMediaPrefix(interviewId)}${recordingId}/`;
/** Fixed-width names, so one chunk's key is never a prefix of another's ("…/00001" vs "…/00010"). */
export const chunkKey = (interviewId: string, recordingId: string, seq: number) => `${recordingPrefix(interviewId, recordingId)}${String(seq).padStart(5, "0")}`;

/** Storage refused to delete an interview's media; nothing else was deleted. */
export class MediaDeletionError extends Error {
  constructor(cause: unknown) {
    super("Could not delete media from storage", { cause });
    this.name = "MediaDeletionError";
  }
}

/** Deletes the media of these interviews from storage; throws MediaDeletionError on the first failure. */
export async function deleteInterviewMedia(interviewIds: string[]): Promise<number> {
  let objects = 0;
  for (const id of interviewIds) {
    try {
      objects += await storage().deletePrefix(interviewMediaPrefix(id));
    } catch (error) {
      throw new MediaDeletionError(error);
    }
  }
  return objects;
}

/**
 * Deletes the media of recordings whose rows are already gone or discarded (a retake, a reopened
 * answer), after the change that dropped them committed. One that storage refuses is logged, not
 * thrown: the change stands, and the interview's retention deletes its media prefix whole.
 */
export async function discardRecordingMedia(interviewId: string, recordingIds: string[], why: string): Promise<void> {
  for (const id of recordingIds) {
    await storage()
      .deletePrefix(recordingPrefix(interviewId, id))
      .catch((error: Error) => console.error(`deleting ${why} media failed`, { recordingId: id, error: error.message }));
  }
}

/** A recording the caller may play, with its chunks in order (null when it is not theirs). */
async function findPlayable(where: { id: string; interviewId?: string; answerId?: { in: string[] }; interview?: { organizationId: string } }) {
  const prisma = await db();
  return prisma.recording.findFirst({
    relationLoadStrategy: "join",
    where: { ...where, status: { not: RecordingStatus.DISCARDED } },
    select: { id: true, interviewId: true, contentType: true, durationMs: true, chunks: { select: { seq: true, sizeBytes: true }, orderBy: { seq: "asc" } } },
  });
}

/** Which recordings a member may play (and read the captions of): those of interviews they may see (a reviewer: those they are asked to review). */
export const memberRecording = (viewer: Viewer, recordingId: string) => ({ id: recordingId, interview: visibleInterviews(viewer) });
/** Which recordings a share link's holder may play: those of the answers the link shows, of its own interview. */
export const shareRecording = (share: { interviewId: string; answerIds: string[] }, recordingId: string) => ({
  id: recordingId,
  interviewId: share.interviewId,
  answerId: { in: share.answerIds },
});

/** For the review player. */
export const findRecordingForMember = (viewer: Viewer, recordingId: string) => findPlayable(memberRecording(viewer, recordingId));
/** For the candidate reviewing their own take: only recordings of the interview their key opens. */
export const findRecordingForCandidate = (interviewId: string, recordingId: string) => findPlayable({ id: recordingId, interviewId });

/** For a share link's holder. */
export const findRecordingForShare = (share: { interviewId: string; answerIds: string[] }, recordingId: string) => findPlayable(shareRecording(share, recordingId));

export type PlayableRecording = NonNullable<Awaited<ReturnType<typeof findPlayable>>>;
