import "server-only";
import { addSeconds } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { cancelPendingEmails, enqueueEmail, type Tx } from "@/lib/email/outbox";
import { FieldError, StateError } from "@/lib/errors";
import { lockInterview } from "@/lib/interviews/lock";
import { ActorType, EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { recordEvent } from "./audit";
import { cancellationEmail, linkEmail, loadEmailContext, REMINDER_KINDS, reminderEmails } from "./emails";
import { PAST_START_TOLERANCE_SECONDS } from "./schedule";
import { revokeActiveSession, rotateSession } from "./sessions";
import { isChangeable, STATUS_LABELS } from "./status";

export interface Manager {
  userId: string;
  organizationId: string;
}

const LINK_KINDS = [EmailKind.INVITATION, EmailKind.RESCHEDULED];

/**
 * Runs a change on one of the organisation's interviews that is still changeable, holding its
 * row lock so two recruiters' changes apply one after the other.
 */
async function change<T>(
  by: Manager,
  interviewId: string,
  fn: (tx: Tx, interview: { scheduledAt: Date; status: InterviewStatus }, at: Date) => Promise<T>,
  { allowExpired = false, allowInProgress = false } = {},
): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockInterview(tx, interviewId, by.organizationId);
    const interview = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { status: true, scheduledAt: true } });
    const allowed =
      isChangeable(interview.status) ||
      (allowExpired && interview.status === InterviewStatus.EXPIRED) ||
      (allowInProgress && interview.status === InterviewStatus.IN_PROGRESS);
    if (!allowed) {
      throw new StateError(`This interview is ${STATUS_LABELS[interview.status].toLowerCase()} and can no longer be changed.`);
    }
    return fn(tx, interview, now());
  });
}

/**
 * Moves an interview to a new time: a fresh key, a "new time" email with an updated calendar
 * entry, reminders re-planned. An expired interview (the candidate missed it) can be given a new
 * time too, and is scheduled again.
 */
export async function rescheduleInterview(by: Manager, interviewId: string, input: { scheduledAt: Date; durationMinutes: number }) {
  return change(by, interviewId, async (tx, interview, at) => {
    if (input.scheduledAt < addSeconds(at, -PAST_START_TOLERANCE_SECONDS)) {
      throw new FieldError("scheduledAt", "Choose a start time in the future.");
    }
    await cancelPendingEmails(tx, interviewId, [...LINK_KINDS, ...REMINDER_KINDS], "superseded by a reschedule");
    await tx.interview.update({
      where: { id: interviewId },
      data: {
        status: InterviewStatus.SCHEDULED,
        scheduledAt: input.scheduledAt,
        durationMinutes: input.durationMinutes,
        icsSequence: { increment: 1 },
        rescheduleRequestedAt: null,
      },
    });
    const { key, sessionId } = await rotateSession(tx, interviewId, at);
    const ctx = await loadEmailContext(tx, interviewId);
    await enqueueEmail(tx, await linkEmail(ctx, key, EmailKind.RESCHEDULED, interview.scheduledAt));
    const reminders = await reminderEmails(ctx, at);
    for (const reminder of reminders) await enqueueEmail(tx, reminder);
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: { type: ActorType.USER, id: by.userId },
      type: "interview.rescheduled",
      data: { from: interview.scheduledAt.toISOString(), to: input.scheduledAt.toISOString(), sessionId, ...(interview.status === InterviewStatus.EXPIRED && { wasExpired: true }) },
      at,
    });
  }, { allowExpired: true });
}

/** Sends the invitation again with a fresh key; the previous link stops working. */
export async function resendInvitation(by: Manager, interviewId: string) {
  return change(by, interviewId, async (tx, _interview, at) => {
    await cancelPendingEmails(tx, interviewId, LINK_KINDS, "superseded by a newer invitation");
    const { key, sessionId } = await rotateSession(tx, interviewId, at);
    const ctx = await loadEmailContext(tx, interviewId);
    await enqueueEmail(tx, await linkEmail(ctx, key, EmailKind.INVITATION));
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: { type: ActorType.USER, id: by.userId },
      type: "invitation.resent",
      data: { sessionId },
      at,
    });
  });
}

/**
 * Cancels an interview — also one in progress: its key stops working (the candidate's next action
 * lands on the cancelled page), unsent emails are withdrawn, the candidate gets a cancellation.
 */
export async function cancelInterview(by: Manager, interviewId: string) {
  return change(by, interviewId, async (tx, _interview, at) => {
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.CANCELLED, icsSequence: { increment: 1 } } });
    await revokeActiveSession(tx, interviewId, at);
    await cancelPendingEmails(tx, interviewId, [...LINK_KINDS, ...REMINDER_KINDS], "interview cancelled");
    await enqueueEmail(tx, await cancellationEmail(await loadEmailContext(tx, interviewId)));
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: { type: ActorType.USER, id: by.userId },
      type: "interview.cancelled",
      at,
    });
  }, { allowInProgress: true });
}
