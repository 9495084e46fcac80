import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { ConflictError, DuplicateError, FieldError, isUniqueViolation } from "@/lib/errors";
import { InterviewMode } from "@/lib/generated/prisma/enums";
import { assertMayEmailOutsiders } from "@/lib/accounts/sending-limits";
import { linkEmailCount } from "../notify";
import { loadPlan, PAST_START_TOLERANCE_SECONDS, prepareInterview, resolveStart, writeInterviews, type CreateHooks, type ExternalRef } from "./create-interviews";
import type { Manager } from "./manager";
import { openInterviewsFor } from "./open-interviews";

export interface ScheduleInput {
  candidate: { id: string } | { name: string; email: string; timeZone: string };
  jobId: string;
  /**
   * UTC; "now" opens the link at once; null means one hour from now (DEADLINE: now). For DEADLINE
   * it is when the link opens (opensAt).
   */
  scheduledAt: Date | "now" | null;
  /** SCHEDULED (a booked time; the default) or DEADLINE (complete by `dueAt`). */
  mode?: InterviewMode;
  /** DEADLINE only: when it is due (UTC), after the link opens by at least the interview's length. */
  dueAt?: Date | null;
  /** DEADLINE only, instead of dueAt: the date ("2026-12-05") it is due on, at 17:00 in the candidate's zone (DUE_HOUR). */
  dueDate?: string | null;
  durationMinutes: number;
  notes: string;
  /** The form's one-time token (the API's Idempotency-Key): submitting the same form twice yields one interview. */
  requestToken: string;
  /** The API client's id and JSON for the interview. */
  external?: ExternalRef;
}

/** Test seam: runs inside the transaction right after the interview row is written. */
export type ScheduleHooks = CreateHooks;

export { PAST_START_TOLERANCE_SECONDS };

/**
 * Schedules an interview: the interview, its session key, its invitation (and reminders) in the
 * outbox and the audit event commit together or not at all. The email itself is sent later by
 * the dispatcher, so this never waits on the email provider.
 */
export async function scheduleInterview(by: Manager, input: ScheduleInput, hooks: ScheduleHooks = {}) {
  const prisma = await db();
  const { organizationId } = by;
  const previous = await findByRequestToken(organizationId, input.requestToken);
  if (previous) return { interviewId: previous, created: false };

  const at = now();
  const mode = input.mode ?? InterviewMode.SCHEDULED;
  const scheduledAt = resolveStart(input.scheduledAt, at, mode);
  const due = mode !== InterviewMode.DEADLINE ? null : input.dueAt ? { at: input.dueAt } : input.dueDate ? { date: input.dueDate } : null;

  const [, plan, existingCandidate] = await Promise.all([
    // Nothing is written unless the scheduler's address is proven and the day's cap has room.
    assertMayEmailOutsiders(by, linkEmailCount(scheduledAt, at, mode)),
    loadPlan(by, input.jobId, { scheduledAt, mode, due, durationMinutes: input.durationMinutes, notes: input.notes, at }),
    "id" in input.candidate
      ? prisma.candidate.findFirst({ where: { id: input.candidate.id, organizationId }, select: { id: true, name: true, email: true, timeZone: true } })
      : Promise.resolve(null),
  ]);
  if ("id" in input.candidate && !existingCandidate) throw new FieldError("candidateId", "Choose a candidate from the list.");
  const candidate = existingCandidate ?? (input.candidate as { name: string; email: string; timeZone: string });
  // Rendered before the transaction opens, so it holds its locks for the writes alone.
  const prepared = await prepareInterview(plan, candidate);

  try {
    await prisma.$transaction(async (tx) => {
      if (existingCandidate) await refuseSecondOpenInterview(tx, organizationId, existingCandidate, plan.job);
      const candidateId =
        existingCandidate?.id ??
        (await tx.candidate.create({ data: { organizationId, ...candidate }, select: { id: true } }).catch((error) => {
          if (isUniqueViolation(error)) {
            throw new DuplicateError("newCandidateEmail", "A candidate with this email already exists. Choose them from the list instead.");
          }
          throw error;
        })).id;
      await writeInterviews(tx, by, plan, [{ prepared, candidateId }], { requestToken: input.requestToken, ...input.external }, hooks);
    });
  } catch (error) {
    // The same form submitted twice at once: the other request created it (and, for an inline
    // new candidate, that candidate too, so this one collides on the email first; for an existing
    // one, this one then finds the other's interview open).
    if (isUniqueViolation(error) || error instanceof DuplicateError || error instanceof ConflictError) {
      const winner = await findByRequestToken(organizationId, input.requestToken);
      if (winner) return { interviewId: winner, created: false };
    }
    throw error;
  }
  return { interviewId: prepared.id, created: true };
}

/**
 * Refuses a second open interview of one candidate for one job — scheduled and its link not yet
 * closed, or under way — naming the open one. A second link to the same questions only confuses
 * the candidate, and what a second interview could be for (a new time, a new link, more time) is
 * done on the open one; a recruiter who really wants a fresh start cancels it first. Decided under
 * the candidate's row lock, so different forms for the same pair submitted at once go one by one.
 */
async function refuseSecondOpenInterview(tx: Tx, organizationId: string, candidate: { id: string; name: string }, job: { id: string; title: string }) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Candidate" WHERE id = ${candidate.id} AND "organizationId" = ${organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new FieldError("candidateId", "Choose a candidate from the list.");
  const still = (await openInterviewsFor(tx, organizationId, job.id, [candidate.id], now())).get(candidate.id);
  if (still) {
    throw new ConflictError(
      `${candidate.name} already has an open interview for ${job.title}. Open it to reschedule it or resend the invitation, or cancel it before scheduling a new one.`,
      still,
    );
  }
}

async function findByRequestToken(organizationId: string, requestToken: string): Promise<string | null> {
  const prisma = await db();
  const found = await prisma.interview.findUnique({
    where: { organizationId_requestToken: { organizationId, requestToken } },
    select: { id: true },
  });
  return found?.id ?? null;
}
