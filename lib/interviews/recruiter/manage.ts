import "server-only";
import { addDays, addMinutes, addSeconds } from "date-fns";
import { now } from "@/lib/clock";
import { cancelPendingEmails, enqueueEmail, enqueueEmails } from "@/lib/email/outbox";
import { FieldError, StateError } from "@/lib/errors";
import { EmailKind, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { assertMayEmailOutsiders } from "@/lib/accounts/sending-limits";
import { CANCEL_REASON_MAX, DAYS_TO_COMPLETE } from "@/lib/limits";
import { actorOf, recordEvent } from "../audit";
import { statusIn, withInterviewLock } from "../model/guard";
import { statusInSentence } from "../model/status";
import { dueAtOn } from "../model/window";
import { estimateMinutes } from "../model/estimate";
import { discardRecordingMedia } from "../media";
import { answersReopenedEmail, cancellationEmail, deadlineExtendedEmail, LINK_KINDS, linkEmail, linkEmailCount, loadEmailContext, ALL_REMINDER_KINDS, reminderEmails } from "../notify";
import type { Manager } from "./manager";
import { PAST_START_TOLERANCE_SECONDS } from "./schedule";
import { revokeActiveSession, rotateSession } from "./sessions";

/** A recruiter's change allowed only in these statuses; any other is refused with what the status is, and what to do instead. */
const changeableWhen = (...allowed: InterviewStatus[]) =>
  statusIn(allowed, (status) =>
    status === InterviewStatus.IN_PROGRESS
      ? new StateError("The candidate has already started this interview, so it can no longer be rescheduled or sent again. If it should not go on, cancel it.")
      : new StateError(`This interview is ${statusInSentence(status)} and can no longer be changed.`),
  );

/**
 * Moves an interview to a new time: a fresh key, a "new time" email with an updated calendar
 * entry, reminders re-planned. An expired interview (the candidate missed it) can be given a new
 * time too, and is scheduled again.
 */
export async function rescheduleInterview(by: Manager, interviewId: string, input: { scheduledAt: Date; durationMinutes: number }) {
  await assertMayEmailOutsiders(by, linkEmailCount(input.scheduledAt, now()));
  const check = changeableWhen(InterviewStatus.SCHEDULED, InterviewStatus.EXPIRED);
  return withInterviewLock(interviewId, { organizationId: by.organizationId }, check, async (tx, interview, at) => {
    if (input.scheduledAt < addSeconds(at, -PAST_START_TOLERANCE_SECONDS)) {
      throw new FieldError("scheduledAt", "Choose a start time in the future.");
    }
    const { scheduledAt: previousStart, mode } = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { scheduledAt: true, mode: true } });
    // A deadline is moved by extending it, not by booking a time (extension: issue 14, not built yet).
    if (mode === InterviewMode.DEADLINE) throw new StateError("This interview is completed by a deadline, so it has no time to move. Cancel it and schedule a new one.");
    await cancelPendingEmails(tx, interviewId, [...LINK_KINDS, ...ALL_REMINDER_KINDS], "superseded by a reschedule");
    await tx.interview.update({
      where: { id: interviewId },
      data: {
        status: InterviewStatus.SCHEDULED,
        scheduledAt: input.scheduledAt,
        durationMinutes: input.durationMinutes,
        icsSequence: { increment: 1 },
        rescheduleRequestedAt: null,
        // A new link email: a bounce of the old one no longer describes it.
        bouncedAt: null,
      },
    });
    const { key, sessionId } = await rotateSession(tx, interviewId, at);
    const ctx = await loadEmailContext(tx, interviewId);
    await enqueueEmail(tx, await linkEmail(ctx, key, EmailKind.RESCHEDULED, previousStart));
    for (const reminder of await reminderEmails(ctx, at)) await enqueueEmail(tx, reminder);
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: actorOf(by),
      type: "interview.rescheduled",
      data: { from: previousStart.toISOString(), to: input.scheduledAt.toISOString(), sessionId, ...(interview.status === InterviewStatus.EXPIRED && { wasExpired: true }) },
      at,
    });
  });
}

/**
 * Gives the candidate of a DEADLINE interview more time: a later due date (`dueDate`, at 17:00 in
 * the candidate's zone), one email with a fresh key (the previous link stops working, like every
 * link email). An expired interview is open again; one in progress carries on where it was, its
 * answers kept. A completed one is not reopened here.
 */
export async function extendDeadline(by: Manager, interviewId: string, input: { dueDate: string }) {
  // The new link and as many reminders as the new due time could bring.
  await assertMayEmailOutsiders(by, linkEmailCount(now(), now(), InterviewMode.DEADLINE));
  const extendable = statusIn([InterviewStatus.SCHEDULED, InterviewStatus.EXPIRED, InterviewStatus.IN_PROGRESS], (status) => new StateError(`This interview is ${statusInSentence(status)}, so its deadline can no longer be extended.`));
  return withInterviewLock(interviewId, { organizationId: by.organizationId }, extendable, async (tx, interview, at) => {
    const current = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { mode: true, dueAt: true, durationMinutes: true, candidateTimeZone: true } });
    if (current.mode !== InterviewMode.DEADLINE || !current.dueAt) throw new StateError("This interview is taken at a time, not by a deadline: reschedule it instead.");
    const dueAt = newDueAt(input.dueDate, current, at);
    if (dueAt <= current.dueAt) throw new FieldError("dueDate", "Choose a date after the current due date.");
    // The reminders are planned again for the new due time.
    await cancelPendingEmails(tx, interviewId, [...LINK_KINDS, EmailKind.DEADLINE_REMINDER], "superseded by a new due date");
    await tx.interview.update({
      where: { id: interviewId },
      data: {
        dueAt,
        ...(interview.status === InterviewStatus.EXPIRED && { status: InterviewStatus.SCHEDULED }),
        rescheduleRequestedAt: null,
        bouncedAt: null,
      },
    });
    const { key, sessionId } = await rotateSession(tx, interviewId, at);
    const ctx = await loadEmailContext(tx, interviewId);
    await enqueueEmails(tx, [await deadlineExtendedEmail(ctx, key, current.dueAt), ...(await reminderEmails(ctx, at))]);
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: actorOf(by),
      type: "deadline.extended",
      data: { from: current.dueAt.toISOString(), to: dueAt.toISOString(), sessionId, ...(interview.status === InterviewStatus.EXPIRED && { wasExpired: true }) },
      at,
    });
  });
}

/** A new due date from the recruiter's `dueDate`: at the due hour in the candidate's zone, time enough to take it, not too far. */
function newDueAt(dueDate: string, interview: { candidateTimeZone: string; durationMinutes: number }, at: Date): Date {
  const dueAt = dueAtOn(dueDate, interview.candidateTimeZone);
  if (!dueAt) throw new FieldError("dueDate", "Enter a date, like 2026-12-05.");
  if (dueAt < addMinutes(at, interview.durationMinutes)) throw new FieldError("dueDate", "Choose a later date: the candidate needs time to take it.");
  if (dueAt > addDays(at, DAYS_TO_COMPLETE.max + 1)) throw new FieldError("dueDate", `Give the candidate at most ${DAYS_TO_COMPLETE.max} days.`);
  return dueAt;
}

/**
 * Reopens chosen answers of a completed DEADLINE interview (the candidate answers those questions
 * again, by `dueDate`): the answers, every reviewer's ratings and notes on them, their recordings and transcripts and the integrity
 * signals raised on them are cleared; the interview is in progress again, the candidate gets one
 * email naming the questions, with a fresh key (the previous link stops working), and reminders of
 * the new due time. Questions not chosen stay as they were: one never answered is closed, so the
 * candidate is asked only what was reopened. The media goes from storage after the commit.
 */
export async function reopenAnswers(by: Manager, interviewId: string, input: { answerIds: string[]; dueDate: string }) {
  await assertMayEmailOutsiders(by, linkEmailCount(now(), now(), InterviewMode.DEADLINE));
  const reopenable = statusIn([InterviewStatus.COMPLETED], (status) => new StateError(`This interview is ${statusInSentence(status)}; only a completed interview's answers can be reopened.`));
  const chosen = [...new Set(input.answerIds)];
  const reopened = await withInterviewLock(interviewId, { organizationId: by.organizationId }, reopenable, async (tx, _interview, at) => {
    const current = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        mode: true,
        completedAt: true,
        durationMinutes: true,
        candidateTimeZone: true,
        deletionRequestedAt: true,
        contentDeletedAt: true,
        answers: { select: { id: true, position: true, prompt: true, prepSeconds: true, answerSeconds: true, recordings: { select: { id: true } } }, orderBy: { position: "asc" } },
      },
    });
    if (current.mode !== InterviewMode.DEADLINE) throw new StateError("This interview was taken at a booked time, so it cannot be reopened. Schedule a new interview to ask again.");
    if (current.contentDeletedAt) throw new StateError("This interview's answers were deleted, so there is nothing to reopen.");
    if (current.deletionRequestedAt) throw new StateError("The candidate asked for their answers to be deleted, so they cannot be reopened.");
    if (chosen.length === 0) throw new FieldError("answerIds", "Choose at least one question to reopen.");
    const answers = current.answers.filter((a) => chosen.includes(a.id));
    if (answers.length !== chosen.length) throw new FieldError("answerIds", "Choose questions of this interview.");
    const dueAt = newDueAt(input.dueDate, current, at);
    const answerIds = answers.map((a) => a.id);
    const recordingIds = answers.flatMap((a) => a.recordings.map((r) => r.id));
    await tx.recording.deleteMany({ where: { id: { in: recordingIds } } });
    await tx.transcript.deleteMany({ where: { answerId: { in: answerIds } } });
    await tx.integritySignal.deleteMany({ where: { interviewId, position: { in: answers.map((a) => a.position + 1) } } });
    await tx.interviewAnswer.updateMany({
      where: { id: { in: answerIds } },
      data: { presentedAt: null, answerStartedAt: null, submittedAt: null, takeStartedAt: null, savedAt: null, text: "" },
    });
    // Scores of an answer that is about to be replaced would stand for one nobody has seen.
    await tx.scorecardRating.deleteMany({ where: { answerId: { in: answerIds } } });
    // A question the deadline left unopened, not reopened now: closed when the interview was, so it is not asked.
    await tx.interviewAnswer.updateMany({ where: { interviewId, id: { notIn: answerIds }, submittedAt: null }, data: { submittedAt: current.completedAt ?? at } });
    await cancelPendingEmails(tx, interviewId, [...LINK_KINDS, EmailKind.DEADLINE_REMINDER], "superseded by a reopen");
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.IN_PROGRESS, completedAt: null, dueAt, bouncedAt: null } });
    const { key, sessionId } = await rotateSession(tx, interviewId, at);
    const ctx = await loadEmailContext(tx, interviewId);
    const questions = answers.map((a) => ({ number: a.position + 1, prompt: a.prompt }));
    await enqueueEmails(tx, [await answersReopenedEmail(ctx, key, questions, estimateMinutes(answers)), ...(await reminderEmails(ctx, at))]);
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: actorOf(by),
      type: "answers.reopened",
      data: { numbers: questions.map((q) => q.number), dueAt: dueAt.toISOString(), sessionId },
      at,
    });
    return { recordingIds, count: answers.length };
  });
  await discardRecordingMedia(interviewId, reopened.recordingIds, "a reopened answer's");
  return { reopened: reopened.count };
}

/** Sends the invitation again with a fresh key; the previous link stops working. */
export async function resendInvitation(by: Manager, interviewId: string) {
  await assertMayEmailOutsiders(by, 1);
  return withInterviewLock(interviewId, { organizationId: by.organizationId }, changeableWhen(InterviewStatus.SCHEDULED), async (tx, _interview, at) => {
    await cancelPendingEmails(tx, interviewId, LINK_KINDS, "superseded by a newer invitation");
    await tx.interview.update({ where: { id: interviewId }, data: { bouncedAt: null } });
    const { key, sessionId } = await rotateSession(tx, interviewId, at);
    const ctx = await loadEmailContext(tx, interviewId);
    await enqueueEmail(tx, await linkEmail(ctx, key, EmailKind.INVITATION));
    await recordEvent(tx, { organizationId: by.organizationId, interviewId, actor: actorOf(by), type: "invitation.resent", data: { sessionId }, at });
  });
}

/**
 * Cancels an interview — also one in progress: its key stops working (the candidate's next action
 * lands on the cancelled page), unsent emails are withdrawn, the candidate gets a cancellation
 * carrying the recruiter's reason, if they gave one (the timeline notes only that they did).
 */
export async function cancelInterview(by: Manager, interviewId: string, { reason = "" }: { reason?: string } = {}) {
  const given = reason.trim();
  if (given.length > CANCEL_REASON_MAX) throw new FieldError("reason", `Use at most ${CANCEL_REASON_MAX.toLocaleString("en-US")} characters.`);
  const check = changeableWhen(InterviewStatus.SCHEDULED, InterviewStatus.IN_PROGRESS);
  return withInterviewLock(interviewId, { organizationId: by.organizationId }, check, async (tx, _interview, at) => {
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.CANCELLED, icsSequence: { increment: 1 } } });
    await revokeActiveSession(tx, interviewId, at);
    await cancelPendingEmails(tx, interviewId, [...LINK_KINDS, ...ALL_REMINDER_KINDS], "interview cancelled");
    await enqueueEmail(tx, await cancellationEmail(await loadEmailContext(tx, interviewId), given || null));
    await recordEvent(tx, { organizationId: by.organizationId, interviewId, actor: actorOf(by), type: "interview.cancelled", data: { withReason: given.length > 0 }, at });
  });
}
