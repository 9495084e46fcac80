import "server-only";
import { NotFoundError, StateError } from "@/lib/errors";
import { TranscriptStatus } from "@/lib/generated/prisma/enums";
import { anyStatus, withInterviewLock } from "../model/guard";
import type { Manager } from "../recruiter/manager";
import { db } from "@/lib/db";

/**
 * A recruiter asks for a failed transcript to be made again: back in the queue, due now, its
 * attempts counted afresh. Only a FAILED one (a queued, running, finished or skipped one is left as
 * it is); another organisation's answer is "not found", like a missing one.
 */
export async function retryTranscription(by: Manager, answerId: string, at?: Date): Promise<{ interviewId: string }> {
  const prisma = await db();
  const answer = await prisma.interviewAnswer.findFirst({ where: { id: answerId, interview: { organizationId: by.organizationId } }, select: { interviewId: true } });
  if (!answer) throw new NotFoundError("Answer");
  await withInterviewLock(
    answer.interviewId,
    { organizationId: by.organizationId },
    anyStatus,
    async (tx, _interview, now) => {
      const transcript = await tx.transcript.findFirst({ where: { answerId, interviewId: answer.interviewId }, select: { status: true } });
      if (!transcript) throw new NotFoundError("Transcript");
      if (transcript.status !== TranscriptStatus.FAILED) throw new StateError("This transcript has not failed, so there is nothing to try again.");
      await tx.transcript.update({
        where: { answerId },
        data: { status: TranscriptStatus.QUEUED, attempts: 0, nextAttemptAt: now, leaseUntil: null, reason: null },
      });
    },
    at,
  );
  return { interviewId: answer.interviewId };
}
