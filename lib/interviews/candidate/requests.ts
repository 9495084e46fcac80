import "server-only";
import { addDays } from "date-fns";
import { db } from "@/lib/db";
import { cancelPendingEmails } from "@/lib/email/outbox";
import { FieldError } from "@/lib/errors";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { ACCOMMODATION_MESSAGE_MAX, ACCOMMODATION_REQUEST_INTERVAL_MINUTES, ACCOMMODATION_REQUESTS_MAX } from "@/lib/limits";
import { CANDIDATE, recordEvent, SYSTEM } from "../audit";
import { readForSettle, settle } from "../lifecycle/settle";
import { anyStatus, withInterviewLock } from "../model/guard";
import { accessPosition } from "../model/window";
import { interviewDashboardUrl, notifyRecruiters, ALL_REMINDER_KINDS } from "../notify";
import type { CandidateSession } from "./access";
import { CandidateRequestError } from "./errors";

// What a candidate can ask the recruiter for from the portal: a new time (missed window), an
// accommodation (lobby), deletion of their answers (thank-you page). `candidate` always comes
// from the candidate's resolved key, never from the request; `at` pins the time for tests.

/** From the expired page: asks the recruiter for a new time, once. */
export async function requestReschedule({ interviewId, sessionId }: CandidateSession, at?: Date): Promise<void> {
  await withInterviewLock(interviewId, { sessionId }, anyStatus, async (tx, locked, at) => {
    const interview = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        rescheduleRequestedAt: true,
        mode: true,
        scheduledAt: true,
        opensMinutesBefore: true,
        closesMinutesAfter: true,
        opensAt: true,
        dueAt: true,
        candidateTimeZone: true,
        candidate: { select: { name: true, email: true } },
        job: { select: { title: true } },
      },
    });
    // The window may have closed before the sweep got to it: the clock has expired it either way.
    const closedUnstarted = locked.status === InterviewStatus.SCHEDULED && accessPosition(interview, at) === "closed";
    if (locked.status !== InterviewStatus.EXPIRED && !closedUnstarted) throw new CandidateRequestError("not_open");
    if (interview.rescheduleRequestedAt) throw new CandidateRequestError("already_asked_new_time");
    if (closedUnstarted) {
      await cancelPendingEmails(tx, interviewId, ALL_REMINDER_KINDS, "interview expired");
      await recordEvent(tx, { organizationId: locked.organizationId, interviewId, actor: SYSTEM, type: "interview.expired", at });
    }
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.EXPIRED, rescheduleRequestedAt: at } });
    await recordEvent(tx, { organizationId: locked.organizationId, interviewId, actor: CANDIDATE, type: "reschedule.requested", at });
    await notifyRecruiters(tx, interviewId, "reschedule-requested", {
      candidateName: interview.candidate.name,
      candidateEmail: interview.candidate.email,
      jobTitle: interview.job.title,
      missedStartsAt: (interview.mode === InterviewMode.DEADLINE && interview.dueAt ? interview.dueAt : interview.scheduledAt).toISOString(),
      interviewUrl: interviewDashboardUrl(interviewId),
      ...(interview.mode === InterviewMode.DEADLINE && { deadline: true }),
    });
  }, at);
}

/**
 * From the lobby: the candidate asks for an accommodation in their own words; the recruiter is
 * emailed. Allowed until the join window closes, at most ACCOMMODATION_REQUESTS_MAX times and
 * ACCOMMODATION_REQUEST_INTERVAL_MINUTES apart. Returns how many more requests are allowed.
 */
export async function requestAccommodation({ interviewId, sessionId }: CandidateSession, rawMessage: string, at?: Date): Promise<{ requestsLeft: number }> {
  const message = rawMessage.trim();
  if (message.length === 0) throw new FieldError("message", "Tell the recruiter what would help you.");
  if (message.length > ACCOMMODATION_MESSAGE_MAX) throw new FieldError("message", `Use at most ${ACCOMMODATION_MESSAGE_MAX.toLocaleString("en-US")} characters.`);
  return withInterviewLock(interviewId, { sessionId }, anyStatus, async (tx, locked, at) => {
    const interview = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        mode: true,
        scheduledAt: true,
        opensMinutesBefore: true,
        closesMinutesAfter: true,
        opensAt: true,
        dueAt: true,
        candidateTimeZone: true,
        accommodationRequestedAt: true,
        candidate: { select: { name: true, email: true } },
        job: { select: { title: true } },
      },
    });
    if (locked.status !== InterviewStatus.SCHEDULED || accessPosition(interview, at) === "closed") throw new CandidateRequestError("not_open");
    const earlier = await tx.auditEvent.count({ where: { interviewId, type: "accommodation.requested" } });
    if (earlier >= ACCOMMODATION_REQUESTS_MAX) throw new CandidateRequestError("too_many");
    if (interview.accommodationRequestedAt) {
      const waitMs = interview.accommodationRequestedAt.getTime() + ACCOMMODATION_REQUEST_INTERVAL_MINUTES * 60_000 - at.getTime();
      if (waitMs > 0) throw new CandidateRequestError("too_soon", Math.ceil(waitMs / 60_000));
    }
    await tx.interview.update({ where: { id: interviewId }, data: { accommodationRequest: message, accommodationRequestedAt: at } });
    // The words stay on the interview (and go out in the email); the audit trail, which outlives
    // the interview's content, keeps only that a request was made.
    await recordEvent(tx, { organizationId: locked.organizationId, interviewId, actor: CANDIDATE, type: "accommodation.requested", data: { characters: message.length }, at });
    await notifyRecruiters(tx, interviewId, "accommodation-requested", {
      candidateName: interview.candidate.name,
      candidateEmail: interview.candidate.email,
      jobTitle: interview.job.title,
      startsAt: interview.scheduledAt.toISOString(),
      message,
      interviewUrl: interviewDashboardUrl(interviewId),
    });
    return { requestsLeft: ACCOMMODATION_REQUESTS_MAX - earlier - 1 };
  }, at);
}

/**
 * From the thank-you page: the candidate asks for their answers and recordings to be deleted, once;
 * the recruiter is emailed and decides (the retention policy deletes them later in any case).
 */
export async function requestDeletion({ interviewId, sessionId }: CandidateSession, at?: Date): Promise<void> {
  await withInterviewLock(interviewId, { sessionId }, anyStatus, async (tx, locked, at) => {
    // The thank-you page also shows when the last question's time ran out before the sweep
    // completed the interview: write down what the clock decided first.
    if (locked.status === InterviewStatus.IN_PROGRESS) await settle(tx, await readForSettle(tx, interviewId), at, SYSTEM);
    const interview = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        status: true,
        completedAt: true,
        deletionRequestedAt: true,
        contentDeletedAt: true,
        candidateTimeZone: true,
        organization: { select: { retentionDays: true } },
        candidate: { select: { name: true, email: true } },
        job: { select: { title: true } },
      },
    });
    if (interview.status !== InterviewStatus.COMPLETED || !interview.completedAt) throw new CandidateRequestError("not_completed");
    if (interview.contentDeletedAt) throw new CandidateRequestError("already_deleted");
    if (interview.deletionRequestedAt) throw new CandidateRequestError("already_requested");
    await tx.interview.update({ where: { id: interviewId }, data: { deletionRequestedAt: at } });
    await recordEvent(tx, { organizationId: locked.organizationId, interviewId, actor: CANDIDATE, type: "deletion.requested", at });
    await notifyRecruiters(tx, interviewId, "deletion-requested", {
      candidateName: interview.candidate.name,
      candidateEmail: interview.candidate.email,
      jobTitle: interview.job.title,
      completedAt: interview.completedAt.toISOString(),
      retentionEndsAt: addDays(interview.completedAt, interview.organization.retentionDays).toISOString(),
      interviewUrl: interviewDashboardUrl(interviewId),
    });
  }, at);
}

/** The thank-you page's view of a deletion request. */
export async function findDeletionRequestState(interviewId: string) {
  const prisma = await db();
  return prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { deletionRequestedAt: true, contentDeletedAt: true } });
}
