import "server-only";
import { addDays, addMinutes } from "date-fns";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { actorOf } from "../audit";
import { purgeInterviewContent, type PurgeReason } from "../lifecycle/retention";
import { MediaDeletionError } from "../media";
import { FINISHED_STATUSES } from "../model/status";
import type { Manager } from "./manager";

/**
 * The recruiter deletes a finished interview's answers and recordings now — at the candidate's
 * request when there is one. Deleting content already deleted changes nothing.
 */
export async function deleteInterviewContent(by: Manager, interviewId: string, at?: Date): Promise<void> {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({ where: { id: interviewId, organizationId: by.organizationId }, select: { deletionRequestedAt: true } });
  if (!interview) throw new NotFoundError("Interview");
  const reason: PurgeReason = interview.deletionRequestedAt ? "candidate request" : "recruiter";
  try {
    await purgeInterviewContent(interviewId, by.organizationId, { reason, actor: actorOf(by), at });
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
