import "server-only";
import { randomUUID } from "node:crypto";
import { addHours, addSeconds } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/db";
import { enqueueEmails } from "@/lib/email/outbox";
import { ConflictError, DuplicateError, FieldError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { EmailKind, InterviewStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { assertMayEmailOutsiders } from "@/lib/accounts/sending-limits";
import { member, recordEvent } from "../audit";
import { estimateMinutes } from "../model/estimate";
import { summariseQuestions } from "../model/questions";
import { newSessionKey } from "../model/session-keys";
import { linkEmail, linkEmailCount, reminderEmails, type InterviewEmailContext } from "../notify";
import type { Manager } from "./manager";
import { openInterviewsFor } from "./open-interviews";

export interface ScheduleInput {
  candidate: { id: string } | { name: string; email: string; timeZone: string };
  jobId: string;
  /** UTC; "now" opens the link at once; null means one hour from now. */
  scheduledAt: Date | "now" | null;
  durationMinutes: number;
  notes: string;
  /** The form's one-time token: submitting the same form twice yields one interview. */
  requestToken: string;
}

/** Test seam: runs inside the transaction right after the interview row is written. */
export interface ScheduleHooks {
  afterInterviewInsert?: (tx: Tx) => Promise<void>;
}

/**
 * How far in the past a start may be before it is refused. The form picks whole minutes, so its
 * "Now" is up to a minute behind already; add a slow form and clock skew. The join window stays
 * open 15 minutes after the start, so such an interview is still one the candidate can take.
 */
export const PAST_START_TOLERANCE_SECONDS = 180;

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
  const scheduledAt = input.scheduledAt === "now" ? at : (input.scheduledAt ?? addHours(at, 1));
  if (scheduledAt < addSeconds(at, -PAST_START_TOLERANCE_SECONDS)) {
    throw new FieldError("scheduledAt", "Choose a start time in the future.");
  }

  const [, organization, recruiter, job, existingCandidate] = await Promise.all([
    // Nothing is written unless the scheduler's address is proven and the day's cap has room.
    assertMayEmailOutsiders(by, linkEmailCount(scheduledAt, at)),
    prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    prisma.user.findFirst({ where: { id: by.userId, organizationId }, select: { name: true, email: true } }),
    prisma.job.findFirst({
      where: { id: input.jobId, organizationId },
      select: { title: true, status: true, questions: { select: { answerType: true, prepSeconds: true, answerSeconds: true } } },
    }),
    "id" in input.candidate
      ? prisma.candidate.findFirst({ where: { id: input.candidate.id, organizationId }, select: { id: true, name: true, email: true, timeZone: true } })
      : Promise.resolve(null),
  ]);
  if (!recruiter) throw new NotFoundError("User");
  if (!job) throw new FieldError("jobId", "Choose a job from the list.");
  if (job.status !== JobStatus.OPEN) throw new FieldError("jobId", "This job is archived. Reopen it to schedule interviews.");
  if (job.questions.length === 0) throw new FieldError("jobId", "This job has no questions yet.");
  if ("id" in input.candidate && !existingCandidate) throw new FieldError("candidateId", "Choose a candidate from the list.");
  const candidate = existingCandidate ?? (input.candidate as { name: string; email: string; timeZone: string });
  // Never shorter than the questions take: the invitation and the lobby say the same length.
  const durationMinutes = Math.max(input.durationMinutes, estimateMinutes(job.questions));

  const interviewId = randomUUID();
  const { key, keyHash } = newSessionKey();
  const ctx: InterviewEmailContext = {
    interviewId,
    organizationId,
    organizationName: organization.name,
    scheduledAt,
    durationMinutes,
    opensMinutesBefore: 15,
    candidateTimeZone: candidate.timeZone,
    icsSequence: 0,
    job: { title: job.title, ...summariseQuestions(job.questions) },
    candidate: { name: candidate.name, email: candidate.email },
    recruiter,
  };
  // Rendered before the transaction opens, so it holds its locks for the writes alone.
  const [invitation, reminders] = await Promise.all([linkEmail(ctx, key, EmailKind.INVITATION), reminderEmails(ctx, at)]);

  try {
    await prisma.$transaction(async (tx) => {
      if (existingCandidate) await refuseSecondOpenInterview(tx, organizationId, existingCandidate, { id: input.jobId, title: job.title });
      const candidateId =
        existingCandidate?.id ??
        (await tx.candidate.create({ data: { organizationId, ...candidate }, select: { id: true } }).catch((error) => {
          if (isUniqueViolation(error)) {
            throw new DuplicateError("newCandidateEmail", "A candidate with this email already exists. Choose them from the list instead.");
          }
          throw error;
        })).id;
      await tx.interview.create({
        data: {
          id: interviewId,
          organizationId,
          jobId: input.jobId,
          candidateId,
          createdById: by.userId,
          status: InterviewStatus.SCHEDULED,
          scheduledAt,
          durationMinutes,
          candidateTimeZone: candidate.timeZone,
          notes: input.notes,
          requestToken: input.requestToken,
        },
      });
      await hooks.afterInterviewInsert?.(tx);
      const session = await tx.interviewSession.create({ data: { interviewId, keyHash }, select: { id: true } });
      await enqueueEmails(tx, [invitation, ...reminders]);
      await recordEvent(tx, {
        organizationId,
        interviewId,
        actor: member(by.userId),
        type: "interview.scheduled",
        data: { scheduledAt: scheduledAt.toISOString(), sessionId: session.id, reminders: reminders.map((r) => r.kind) },
        at,
      });
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
  return { interviewId, created: true };
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
