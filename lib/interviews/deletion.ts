import "server-only";
import { addDays, addMinutes } from "date-fns";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { ActorType, EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { FINISHED_STATUSES, MediaDeletionError, purgeInterviewContent, type PurgeReason } from "@/lib/retention";
import { recordEvent } from "./audit";
import { lock, settle } from "./candidate";
import { interviewDashboardUrl } from "./emails";
import type { Manager } from "./manage";
import { CandidateRequestError, notifyRecipients, requestRecipients } from "./requests";

/**
 * From the thank-you page: the candidate asks for their answers and recordings to be deleted, once;
 * the recruiter is emailed and decides (the retention policy deletes them later in any case).
 * `interviewId` must come from the candidate's resolved key, never from the request.
 */
export async function requestDeletion(interviewId: string, at = clockNow()): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const locked = await lock(tx, interviewId);
    // The thank-you page also shows when the last question's time ran out before the sweep
    // completed the interview: write down what the clock decided first.
    if (locked.status === InterviewStatus.IN_PROGRESS) await settle(tx, locked, at, { type: ActorType.SYSTEM });
    const interview = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        organizationId: true,
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
    await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: { type: ActorType.CANDIDATE }, type: "deletion.requested", at });
    const completedAt = interview.completedAt;
    await notifyRecipients(
      tx,
      { organizationId: interview.organizationId, interviewId, kind: EmailKind.DELETION_REQUESTED },
      await requestRecipients(tx, interviewId),
      (recipient) => ({
        template: "deletion-requested",
        props: {
          recruiterName: recipient.name,
          recipientRole: recipient.role,
          candidateName: interview.candidate.name,
          candidateEmail: interview.candidate.email,
          jobTitle: interview.job.title,
          completedAt: completedAt.toISOString(),
          retentionEndsAt: addDays(completedAt, interview.organization.retentionDays).toISOString(),
          timeZone: interview.candidateTimeZone,
          interviewUrl: interviewDashboardUrl(interviewId),
        },
      }),
    );
  });
}

/**
 * The recruiter deletes a finished interview's answers and recordings now — at the candidate's
 * request when there is one. Deleting content already deleted changes nothing.
 */
export async function deleteInterviewContent(by: Manager, interviewId: string, at = clockNow()): Promise<void> {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({ where: { id: interviewId, organizationId: by.organizationId }, select: { deletionRequestedAt: true } });
  if (!interview) throw new NotFoundError("Interview");
  const reason: PurgeReason = interview.deletionRequestedAt ? "candidate request" : "recruiter";
  try {
    await purgeInterviewContent(interviewId, by.organizationId, { reason, actor: { type: ActorType.USER, id: by.userId }, at });
  } catch (error) {
    if (!(error instanceof MediaDeletionError)) throw error;
    console.error("deleting an interview's media failed", { organizationId: by.organizationId, interviewId, error: error.cause });
    throw new StateError("The recordings could not be deleted just now, so nothing was deleted. Please try again in a few minutes.");
  }
}

/** What the interview's page says about deletion, or null when the interview is not this organisation's. */
export async function findContentState(organizationId: string, interviewId: string) {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({
    where: { id: interviewId, organizationId },
    select: {
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      startedAt: true,
      completedAt: true,
      accommodationRequest: true,
      deletionRequestedAt: true,
      contentDeletedAt: true,
      organization: { select: { retentionDays: true } },
      events: { where: { type: "content.deleted" }, orderBy: { createdAt: "desc" }, take: 1, select: { data: true } },
    },
  });
  if (!interview) return null;
  const { events, organization, scheduledAt, durationMinutes, startedAt, completedAt, accommodationRequest, ...rest } = interview;
  const reason = (events[0]?.data as { reason?: unknown } | undefined)?.reason;
  // One never started has no answers or media; only a request the candidate wrote, if any.
  const endedWithContent = FINISHED_STATUSES.includes(rest.status) && (startedAt !== null || accommodationRequest !== "");
  // The same end the retention sweep counts from.
  const endedAt = completedAt ?? addMinutes(scheduledAt, durationMinutes);
  return {
    ...rest,
    deletedReason: typeof reason === "string" ? (reason as PurgeReason) : null,
    deletable: endedWithContent && !rest.contentDeletedAt,
    retentionDays: organization.retentionDays,
    /** When the retention policy deletes the content (ended interviews whose content is still there). */
    deletesAt: endedWithContent && !rest.contentDeletedAt ? addDays(endedAt, organization.retentionDays) : null,
  };
}

/** The thank-you page's view of a deletion request (the id comes from the candidate's resolved key). */
export async function findDeletionRequestState(interviewId: string) {
  const prisma = await db();
  return prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { deletionRequestedAt: true, contentDeletedAt: true } });
}
