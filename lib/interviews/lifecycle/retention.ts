import "server-only";
import { managesTeam } from "@/lib/accounts/roles";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import { RETENTION_DAYS } from "@/lib/limits";
import { member, recordEvent, SYSTEM, type Actor } from "../audit";
import { deleteInterviewMedia } from "../media";
import { anyStatus, withInterviewLock } from "../model/guard";
import { FINISHED_STATUSES, statusInSentence } from "../model/status";
import type { Manager } from "../recruiter/manager";

/** Why an interview's content was deleted (kept in the "content.deleted" audit event). */
export type PurgeReason = "retention" | "candidate request" | "recruiter";

export interface PurgeResult {
  answers: number;
  recordings: number;
  signals: number;
  objects: number;
}

/**
 * Deletes a finished interview's content — its answers, recordings (their chunks cascade),
 * integrity signals, the candidate's accommodation request and the media under
 * recordings/<interviewId>/ — and keeps the interview itself, marked with contentDeletedAt and a
 * "content.deleted" audit event.
 *
 * Media goes first, rows second. A storage failure throws before anything in the database
 * changed, so the interview still looks due (contentDeletedAt null) and the next sweep round, or
 * the recruiter's next click, simply tries again; the reverse order would leave media that no
 * row remembers. Deleting a prefix twice is harmless, so processes racing on one interview only
 * repeat that step, and the row lock lets one of them write the rest.
 * Returns null when the content was already deleted.
 */
export async function purgeInterviewContent(
  interviewId: string,
  organizationId: string,
  { reason, actor, at }: { reason: PurgeReason; actor: Actor; at?: Date },
): Promise<PurgeResult | null> {
  const prisma = await db();
  const before = await prisma.interview.findFirst({ where: { id: interviewId, organizationId }, select: { status: true, contentDeletedAt: true } });
  if (!before) throw new NotFoundError("Interview");
  if (before.contentDeletedAt) return null;
  // Content only grows while an interview runs; deleting it then would pull it from under the candidate.
  if (!FINISHED_STATUSES.includes(before.status)) {
    throw new StateError(`This interview is ${statusInSentence(before.status)}; its answers can be deleted once it has ended.`);
  }
  const objects = await deleteInterviewMedia([interviewId]);
  const result = await withInterviewLock(interviewId, { organizationId }, anyStatus, async (tx, _interview, at) => {
    const current = await tx.interview.findUnique({ where: { id: interviewId }, select: { contentDeletedAt: true } });
    if (!current) throw new NotFoundError("Interview");
    if (current.contentDeletedAt) return null; // another process finished first
    const signals = await tx.integritySignal.deleteMany({ where: { interviewId } });
    const recordings = await tx.recording.deleteMany({ where: { interviewId } });
    const answers = await tx.interviewAnswer.deleteMany({ where: { interviewId } });
    // The recruiter's copy of an accommodation request quotes the candidate (it may describe a
    // disability): it goes with the answers. One still waiting to be sent is left to go out.
    await tx.outboxEmail.deleteMany({
      where: { interviewId, kind: EmailKind.ACCOMMODATION_REQUESTED, status: { in: [EmailStatus.SENT, EmailStatus.FAILED, EmailStatus.CANCELLED] } },
    });
    await tx.interview.update({ where: { id: interviewId }, data: { contentDeletedAt: at, accommodationRequest: "" } });
    const result = { answers: answers.count, recordings: recordings.count, signals: signals.count, objects };
    await recordEvent(tx, { organizationId, interviewId, actor, type: "content.deleted", data: { reason, ...result }, at });
    return result;
  }, at);
  if (result) {
    // Once more: a chunk uploaded just as the interview ended can land between the first pass
    // and the commit. Its rows are gone now, so a failure here can only be logged.
    await deleteInterviewMedia([interviewId]).catch((error: unknown) => {
      console.error("purge: media may be left in storage", { organizationId, interviewId, error });
    });
  }
  return result;
}

/**
 * The retention policy: deletes the content of finished interviews whose end (completion, else
 * the scheduled start plus the duration) lies at least their organisation's retentionDays before
 * `at`. Walks the due interviews in id order, `batchSize` at a time, at most `maxBatches` batches a
 * round. Safe to run from several processes at once (see purgeInterviewContent). An interview it
 * cannot purge (storage down) is logged and left due, so a later round tries it again.
 */
export async function sweepRetention(at = clockNow(), { batchSize = 50, maxBatches = 20 } = {}) {
  const prisma = await db();
  let purged = 0;
  let failed = 0;
  let cursor = "";
  for (let batch = 0; batch < maxBatches; batch++) {
    const due = await prisma.$queryRaw<Array<{ id: string; organizationId: string }>>`
      SELECT i.id, i."organizationId" FROM "Interview" i JOIN "Organization" o ON o.id = i."organizationId"
      WHERE i."contentDeletedAt" IS NULL
        AND i.status IN ('COMPLETED', 'EXPIRED', 'CANCELLED')
        AND COALESCE(i."completedAt", i."scheduledAt" + make_interval(mins => i."durationMinutes"))
            + make_interval(days => o."retentionDays") <= ${at}
        AND i.id > ${cursor}
      ORDER BY i.id LIMIT ${batchSize}`;
    for (const { id, organizationId } of due) {
      try {
        if (await purgeInterviewContent(id, organizationId, { reason: "retention", actor: SYSTEM, at })) purged++;
      } catch (error) {
        failed++;
        console.error("retention: could not delete an interview's content; the next round tries again", { interviewId: id, organizationId, error });
      }
    }
    if (due.length < batchSize) break;
    cursor = due.at(-1)!.id;
  }
  return { purged, purgeFailed: failed };
}

/** The organisation's retention setting. */
export async function findRetentionSetting(organizationId: string): Promise<{ retentionDays: number }> {
  const prisma = await db();
  const org = await prisma.organization.findUnique({ where: { id: organizationId }, select: { retentionDays: true } });
  if (!org) throw new NotFoundError("Organization");
  return org;
}

/** Changes how long answers and recordings are kept (admins and owners; 30–730 days). */
export async function setRetentionDays(by: Manager, retentionDays: number, at = clockNow()): Promise<void> {
  if (!Number.isInteger(retentionDays) || retentionDays < RETENTION_DAYS.min || retentionDays > RETENTION_DAYS.max) {
    throw new FieldError("retentionDays", `Enter a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}.`);
  }
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const actor = await tx.user.findFirst({ where: { id: by.userId, organizationId: by.organizationId }, select: { role: true } });
    if (!actor || !managesTeam(actor.role)) throw new StateError("Only an admin or owner can change how long answers are kept.");
    const [before] = await tx.$queryRaw<Array<{ retentionDays: number }>>`
      SELECT "retentionDays" FROM "Organization" WHERE id = ${by.organizationId} FOR UPDATE`;
    if (!before) throw new NotFoundError("Organization");
    await tx.organization.update({ where: { id: by.organizationId }, data: { retentionDays } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      actor: member(by.userId),
      type: "retention.changed",
      data: { from: before.retentionDays, to: retentionDays },
      at,
    });
  });
}
