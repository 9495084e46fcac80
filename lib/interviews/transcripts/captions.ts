import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RecordingStatus, TranscriptStatus } from "@/lib/generated/prisma/enums";
import { webvtt } from "@/lib/webvtt";
import { memberRecording, shareRecording } from "../media";
import type { Viewer } from "../recruiter/manager";
import { partCues, transcriptParts, transcriptSegments } from "./reading";

/**
 * One recorded part's captions as a WebVTT file, or null: the recording is not the caller's to
 * play (see media.ts), its answer has no finished transcript, or the transcript does not cover it.
 */
async function findCaptions(where: Prisma.RecordingWhereInput): Promise<string | null> {
  const prisma = await db();
  const recording = await prisma.recording.findFirst({
    where: { ...where, status: { not: RecordingStatus.DISCARDED } },
    select: { id: true, answer: { select: { transcript: { select: { status: true, segments: true, parts: true } } } } },
  });
  const transcript = recording?.answer.transcript;
  if (!recording || !transcript || transcript.status !== TranscriptStatus.DONE) return null;
  const part = transcriptParts(transcript.parts).find((p) => p.recordingId === recording.id);
  if (!part) return null;
  return webvtt(partCues(transcriptSegments(transcript.segments), part));
}

/** Captions for the review player: the member may play the recording (media.ts decides). */
export const findCaptionsForMember = (viewer: Viewer, recordingId: string) => findCaptions(memberRecording(viewer, recordingId));
/** Captions for a share link's page: only recordings of the answers the link shows. */
export const findCaptionsForShare = (share: { interviewId: string; answerIds: string[] }, recordingId: string) => findCaptions(shareRecording(share, recordingId));
