import "server-only";
import { randomUUID } from "node:crypto";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { insertRows, type ColumnTypes } from "@/lib/db-insert";
import { assertMayEmailOutsiders } from "@/lib/accounts/sending-limits";
import { FieldError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InterviewMode } from "@/lib/generated/prisma/enums";
import { linkEmailCount } from "../../notify";
import { loadPlan, prepareInterview, resolveStart, WRITE_CHUNK, writeInterviewBatch, type CreateHooks, type PreparedInterview } from "../create-interviews";
import type { Manager } from "../manager";
import { openInterviewsFor } from "../open-interviews";
import { classifyRows, invitableJob, type InvitationInput, type PreviewRow } from "./preview";

// Confirming a bulk invitation: for every row the preview calls valid, the candidate (created when
// new), the interview, its key, its invitation and reminders in the outbox and its audit event, all
// in one transaction with the batch itself. The batch's id comes from the form, so a double submit,
// a retry after a crash or two confirms at once find the one batch and invite nobody twice.

export interface ConfirmInput extends InvitationInput {
  /** The form's id for this batch (a UUID it made when the invitation was started). */
  batchId: string;
  /** UTC; "now" opens the links at once; null means one hour from now (DEADLINE: now). */
  scheduledAt: Date | "now" | null;
  /** SCHEDULED (the default) or DEADLINE: each candidate completes theirs by `dueDate`. */
  mode?: InterviewMode;
  /** DEADLINE only: the date ("2026-12-05") each candidate is due on, at 17:00 in their own zone. */
  dueDate?: string | null;
  durationMinutes: number;
}

/** A row the batch did not invite, as its page lists it. */
export type NotInvitedRow = Pick<PreviewRow, "source" | "line" | "name" | "email" | "class" | "reason" | "interviewId">;

/** A generous bound for one batch's transaction (5,000 rows of inserts on a busy machine); Prisma's default is 5 s. */
const BATCH_TRANSACTION_MS = 120_000;

/**
 * Confirms a bulk invitation of `input` to a job and returns the batch's id; `created` is false
 * when this batch id was confirmed before (nothing more is written). Every row is classified again
 * under the candidates' row locks, so one invited elsewhere meanwhile is skipped here, not invited twice.
 */
export async function confirmInvitations(by: Manager, jobId: string, input: ConfirmInput, hooks: CreateHooks = {}): Promise<{ batchId: string; created: boolean }> {
  const prisma = await db();
  const { organizationId } = by;
  const previous = await findBatch(organizationId, input.batchId);
  if (previous) return { batchId: previous, created: false };

  const at = now();
  const mode = input.mode ?? InterviewMode.SCHEDULED;
  const scheduledAt = resolveStart(input.scheduledAt, at, mode);
  const due = mode === InterviewMode.DEADLINE && input.dueDate ? { date: input.dueDate } : null;
  await invitableJob(prisma, organizationId, jobId);
  const rows = await classifyRows(prisma, organizationId, jobId, input, at);
  const valid = rows.filter((r) => r.class === "new" || r.class === "existing");
  if (valid.length === 0) {
    throw new FieldError("_form", "Nobody on this list can be invited: every row is skipped or invalid. Nothing was sent.");
  }
  const [, plan] = await Promise.all([
    assertMayEmailOutsiders(by, valid.length * linkEmailCount(scheduledAt, at, mode)),
    loadPlan(by, jobId, { scheduledAt, mode, due, durationMinutes: input.durationMinutes, notes: "", at }),
  ]);
  // Keys and emails made before the transaction opens, so it holds its locks for the writes alone.
  // The emails are composed by the dispatcher as it sends them: rendering thousands here would keep
  // the recruiter waiting, and the server's memory full, for what goes out over minutes anyway.
  const prepared = new Map<PreviewRow, PreparedInterview>();
  for (const row of valid) prepared.set(row, await prepareInterview(plan, { name: row.name, email: row.email, timeZone: row.timeZone }, { composeOnSend: true }));

  try {
    await prisma.$transaction(
      async (tx) => {
        // First, so that a second confirm of this batch waits here and then finds it taken.
        await tx.invitationBatch.create({
          data: { id: input.batchId, organizationId, jobId, createdById: by.userId, invitedCount: 0, newCandidateCount: 0, skippedCount: 0, invalidCount: 0 },
        });
        const fresh = valid.filter((r) => r.class === "new").sort((a, b) => (a.email < b.email ? -1 : 1));
        // Created unless someone added them meanwhile (then they are existing). Sorted by email, so
        // two batches creating the same people take the unique index's locks in one order.
        let created = 0;
        for (let start = 0; start < fresh.length; start += WRITE_CHUNK) {
          // Set-based, as the interviews are (lib/db-insert.ts); stamped as Prisma stamps @default(now()) and @updatedAt.
          const written = new Date();
          created += await insertRows(
            tx,
            "Candidate",
            CANDIDATE_COLUMNS,
            fresh.slice(start, start + WRITE_CHUNK).map((r) => ({ id: randomUUID(), organizationId, name: r.name, email: r.email, timeZone: r.timeZone, phone: r.phone || null, createdAt: written, updatedAt: written })),
            { onConflictDoNothing: true },
          );
        }
        const ids = valid.flatMap((r) => (r.candidateId ? [r.candidateId] : []));
        const emails = fresh.map((r) => r.email);
        // Every candidate's row lock, in id order, before deciding anything about them (as scheduling one does).
        const locked = await tx.$queryRaw<Array<{ id: string; email: string }>>`
          SELECT id, email FROM "Candidate"
          WHERE "organizationId" = ${organizationId} AND (id = ANY(${ids}) OR email = ANY(${emails}))
          ORDER BY id FOR UPDATE`;
        const byId = new Map(locked.map((c) => [c.id, c.id]));
        const byEmail = new Map(locked.map((c) => [c.email, c.id]));
        const open = await openInterviewsFor(tx, organizationId, jobId, locked.map((c) => c.id), now());

        const notInvited: NotInvitedRow[] = rows.filter((r) => r.class === "skipped" || r.class === "invalid").map(notInvitedRow);
        const items: Array<{ prepared: PreparedInterview; candidateId: string }> = [];
        for (const row of valid) {
          const candidateId = row.candidateId ? byId.get(row.candidateId) : byEmail.get(row.email);
          if (!candidateId) {
            notInvited.push(notInvitedRow({ ...row, class: "invalid", reason: "This candidate was deleted before the invitation was confirmed." }));
          } else if (open.has(candidateId)) {
            notInvited.push(notInvitedRow({ ...row, class: "skipped", reason: "Already has an open interview for this job.", interviewId: open.get(candidateId)! }));
          } else {
            items.push({ prepared: prepared.get(row)!, candidateId });
          }
        }
        await writeInterviewBatch(tx, by, plan, items, { invitationBatchId: input.batchId }, hooks);
        await tx.invitationBatch.update({
          where: { id: input.batchId },
          data: {
            invitedCount: items.length,
            newCandidateCount: created,
            skippedCount: notInvited.filter((r) => r.class === "skipped").length,
            invalidCount: notInvited.filter((r) => r.class === "invalid").length,
            notInvited: notInvited as unknown as Prisma.InputJsonValue,
          },
        });
      },
      { timeout: BATCH_TRANSACTION_MS, maxWait: BATCH_TRANSACTION_MS },
    );
  } catch (error) {
    // The same batch confirmed twice at once: the other confirm created it, and this one waited
    // for it on the batch's id.
    if (isUniqueViolation(error)) {
      const winner = await findBatch(organizationId, input.batchId);
      if (winner) return { batchId: winner, created: false };
    }
    throw error;
  }
  return { batchId: input.batchId, created: true };
}

const CANDIDATE_COLUMNS: ColumnTypes<{ id: string; organizationId: string; name: string; email: string; timeZone: string; phone: string | null; createdAt: Date; updatedAt: Date }> = {
  id: "text",
  organizationId: "text",
  name: "text",
  email: "text",
  timeZone: "text",
  phone: "text",
  createdAt: "timestamp",
  updatedAt: "timestamp",
};

function notInvitedRow(row: PreviewRow): NotInvitedRow {
  return { source: row.source, line: row.line, name: row.name, email: row.email, class: row.class, reason: row.reason, interviewId: row.interviewId };
}

/** The batch with this id, if it is this organisation's; another organisation's is "not found". */
async function findBatch(organizationId: string, batchId: string): Promise<string | null> {
  const prisma = await db();
  const batch = await prisma.invitationBatch.findUnique({ where: { id: batchId }, select: { id: true, organizationId: true } });
  if (batch && batch.organizationId !== organizationId) throw new NotFoundError("Invitation");
  return batch?.id ?? null;
}
