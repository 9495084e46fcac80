import "server-only";
import { db } from "@/lib/db";
import { EmailKind, InterviewMode } from "@/lib/generated/prisma/enums";
import { deliveryLabel, type DeliveryLabel } from "../../model/email-labels";
import type { NotInvitedRow } from "./confirm";
import { EXTENDABLE } from "./extend";

/** How far a batch's invitations have got: how many are waiting, went to the provider, arrived, came back. */
export interface BatchProgress {
  total: number;
  /** Queued, sending or retrying. */
  waiting: number;
  /** Taken by the provider (delivered, delayed and bounced ones included: they were sent). */
  sent: number;
  delivered: number;
  bounced: number;
  /** Failed for good, or withdrawn (the interview was cancelled before it went out). */
  notSent: number;
}

const WAITING: readonly DeliveryLabel[] = ["queued", "sending", "retrying"];
const NOT_SENT: readonly DeliveryLabel[] = ["failed", "withdrawn"];

/**
 * A batch of this organisation's job, for its page: who was invited with how far each invitation
 * has got (from the outbox and the provider's reports), and the rows not invited with their reasons.
 * Null when there is no such batch for this job in this organisation.
 */
export async function findInvitationBatch(organizationId: string, jobId: string, batchId: string) {
  const prisma = await db();
  const batch = await prisma.invitationBatch.findFirst({
    where: { id: batchId, organizationId, jobId },
    select: {
      id: true,
      createdAt: true,
      invitedCount: true,
      newCandidateCount: true,
      skippedCount: true,
      invalidCount: true,
      notInvited: true,
      createdBy: { select: { name: true } },
      job: { select: { id: true, title: true } },
      interviews: {
        orderBy: [{ candidate: { name: "asc" } }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          mode: true,
          dueAt: true,
          candidateTimeZone: true,
          candidate: { select: { name: true, email: true } },
          emails: {
            where: { kind: EmailKind.INVITATION },
            orderBy: { createdAt: "asc" },
            take: 1,
            select: { status: true, deliveryState: true, attempts: true, toEmail: true },
          },
        },
      },
    },
  });
  if (!batch) return null;
  const invited = batch.interviews.map((i) => {
    const email = i.emails[0];
    return {
      interviewId: i.id,
      status: i.status,
      dueAt: i.mode === InterviewMode.DEADLINE ? i.dueAt : null,
      candidateTimeZone: i.candidateTimeZone,
      name: i.candidate.name,
      email: email?.toEmail ?? i.candidate.email,
      invitation: email ? deliveryLabel(email) : ("withdrawn" as DeliveryLabel),
    };
  });
  const progress: BatchProgress = { total: invited.length, waiting: 0, sent: 0, delivered: 0, bounced: 0, notSent: 0 };
  for (const { invitation } of invited) {
    if (WAITING.includes(invitation)) progress.waiting++;
    else if (NOT_SENT.includes(invitation)) progress.notSent++;
    else progress.sent++;
    if (invitation === "delivered") progress.delivered++;
    if (invitation === "bounced") progress.bounced++;
  }
  const notInvited = (Array.isArray(batch.notInvited) ? batch.notInvited : []) as unknown as NotInvitedRow[];
  // Those to complete by a deadline and not finished: the ones "Extend the deadline" gives more time.
  const extendable = invited.filter((i) => i.dueAt && EXTENDABLE.includes(i.status));
  return { ...batch, notInvited, invited, progress, extendable };
}

/** How many of a job's batches its page lists, newest first. */
export const BATCHES_SHOWN = 10;

/** A job's bulk invitations, newest first, for the job's page: when, by whom, how many invited. */
export async function listInvitationBatches(organizationId: string, jobId: string) {
  const prisma = await db();
  return prisma.invitationBatch.findMany({
    where: { organizationId, jobId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: BATCHES_SHOWN,
    select: { id: true, createdAt: true, invitedCount: true, skippedCount: true, invalidCount: true, createdBy: { select: { name: true } } },
  });
}
