import "server-only";
import type { Tx } from "@/lib/db";
import { AnswerType, RecordingStatus, TranscriptStatus } from "@/lib/generated/prisma/enums";
import { engineSetting, transcriptionLanguage } from "@/lib/transcription/config";

// Which recorded answers get a transcript, queued in the transaction that makes the answer final.

/**
 * Queues the transcript of a recorded answer that has just become final (submitted, or timed out),
 * in the caller's transaction, under the interview's lock. An answer without recorded media needs
 * none; one whose organisation turned transcription off, or on a deployment without an engine, gets
 * a SKIPPED row saying so. A transcript already there (an answer reopened and answered again) is
 * replaced by a new row, so a worker still holding the old one writes nothing.
 */
export async function queueTranscription(tx: Tx, answer: { id: string; answerType: AnswerType }, at: Date): Promise<void> {
  if (answer.answerType === AnswerType.TEXT) return;
  const found = await tx.interviewAnswer.findUniqueOrThrow({
    where: { id: answer.id },
    select: {
      interviewId: true,
      interview: { select: { organizationId: true, organization: { select: { transcriptionEnabled: true } } } },
      recordings: { where: { status: { not: RecordingStatus.DISCARDED }, chunkCount: { gt: 0 } }, select: { id: true }, take: 1 },
    },
  });
  await tx.transcript.deleteMany({ where: { answerId: answer.id } });
  if (found.recordings.length === 0) return;
  const skipped = !found.interview.organization.transcriptionEnabled
    ? "Transcription was turned off for this organisation when the answer was recorded."
    : engineSetting() === "none"
      ? "This deployment has no transcription engine (TRANSCRIPTION_ENGINE=none)."
      : null;
  await tx.transcript.create({
    data: {
      answerId: answer.id,
      interviewId: found.interviewId,
      organizationId: found.interview.organizationId,
      status: skipped ? TranscriptStatus.SKIPPED : TranscriptStatus.QUEUED,
      reason: skipped,
      nextAttemptAt: at,
      language: transcriptionLanguage(),
    },
  });
}
