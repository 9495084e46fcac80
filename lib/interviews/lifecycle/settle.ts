import "server-only";
import type { Tx } from "@/lib/db";
import { cancelPendingEmails, enqueueEmail } from "@/lib/email/outbox";
import { AnswerType, EmailKind, InterviewMode, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import { recordEvent, type Actor } from "../audit";
import { project } from "../model/progress";
import { queueTranscription } from "../transcripts/queue";
import { answersReceivedEmail, interviewDashboardUrl, loadEmailContext, notifyRecruiters } from "../notify";

// The interview engine's writes: what the clock decided (timed-out answers, questions shown), and
// completion — shared by the candidate's steps, the deletion request and the background sweep.

/** The answer columns the engine reads (the candidate's page reads the same ones). */
export const answerFields = {
  id: true,
  position: true,
  prompt: true,
  answerType: true,
  prepSeconds: true,
  answerSeconds: true,
  presentedAt: true,
  answerStartedAt: true,
  submittedAt: true,
  text: true,
  savedAt: true,
  retakes: true,
  takeStartedAt: true,
} as const;

/** An interview as the engine needs it, read under its row lock (the caller holds it). */
export async function readForSettle(tx: Tx, interviewId: string) {
  return tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      id: true,
      organizationId: true,
      status: true,
      mode: true,
      scheduledAt: true,
      opensMinutesBefore: true,
      closesMinutesAfter: true,
      dueAt: true,
      answers: { select: answerFields, orderBy: { position: "asc" } },
    },
  });
}

export type SettleableInterview = Awaited<ReturnType<typeof readForSettle>>;

/** The due time project() paces a started interview by: DEADLINE's dueAt (pauses between questions), null for SCHEDULED. */
export function pacingDueAt(interview: { mode: InterviewMode; dueAt: Date | null }): Date | null {
  return interview.mode === InterviewMode.DEADLINE ? interview.dueAt : null;
}
export type EngineAnswer = SettleableInterview["answers"][number];

/** Writes down what the clock decided (timed-out answers, questions shown) and completes a finished interview. */
export async function settle(tx: Tx, interview: SettleableInterview, at: Date, actor: Actor) {
  const projection = project(interview.answers, at, pacingDueAt(interview));
  for (const { id, submittedAt } of projection.timedOut) {
    await tx.interviewAnswer.update({ where: { id }, data: { submittedAt } });
    await closeRecordings(tx, interview.answers.find((a) => a.id === id)!, submittedAt);
  }
  for (const { id, presentedAt } of projection.presented) await tx.interviewAnswer.update({ where: { id }, data: { presentedAt } });
  if (!projection.current && projection.finishedAt) await completeInterview(tx, interview.id, interview.organizationId, projection.finishedAt, actor);
  return projection;
}

/**
 * Completes the interview at `at`: the recruiters hear its answers are ready, and the candidate that
 * their answers arrived (both queued in the caller's transaction, so exactly once per completion).
 */
export async function completeInterview(tx: Tx, interviewId: string, organizationId: string, at: Date, actor: Actor): Promise<void> {
  const interview = await tx.interview.update({
    where: { id: interviewId },
    data: { status: InterviewStatus.COMPLETED, completedAt: at },
    select: { organization: { select: { retentionDays: true } }, candidate: { select: { name: true } }, job: { select: { title: true } } },
  });
  await recordEvent(tx, { organizationId, interviewId, actor, type: "interview.completed", at });
  // A DEADLINE interview's reminders of its due time have nothing left to remind of.
  await cancelPendingEmails(tx, interviewId, [EmailKind.DEADLINE_REMINDER], "interview completed");
  await notifyRecruiters(tx, interviewId, "candidate-completed", {
    candidateName: interview.candidate.name,
    jobTitle: interview.job.title,
    completedAt: at.toISOString(),
    reviewUrl: interviewDashboardUrl(interviewId),
  });
  await enqueueEmail(tx, await answersReceivedEmail(await loadEmailContext(tx, interviewId), at, interview.organization.retentionDays));
}

/**
 * A submitted (or timed-out) answer's recording takes no more chunks: what it has is the answer,
 * and its transcript is queued in the same transaction.
 */
export async function closeRecordings(tx: Tx, answer: { id: string; answerType: AnswerType }, at: Date): Promise<void> {
  if (answer.answerType === AnswerType.TEXT) return;
  await tx.recording.updateMany({ where: { answerId: answer.id, status: RecordingStatus.RECORDING }, data: { status: RecordingStatus.FINISHED, finishedAt: at } });
  await queueTranscription(tx, answer, at);
}
