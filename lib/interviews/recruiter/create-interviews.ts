import "server-only";
import { randomUUID } from "node:crypto";
import { addDays, addHours, addMinutes, addSeconds } from "date-fns";
import { db, type Tx } from "@/lib/db";
import { insertRows, type ColumnTypes } from "@/lib/db-insert";
import { enqueueEmailBatch, enqueueEmails, type OutgoingEmail } from "@/lib/email/outbox";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerType } from "@/lib/generated/prisma/enums";
import { EmailKind, InterviewMode, InterviewStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { DAYS_TO_COMPLETE } from "@/lib/limits";
import { actorOf, recordEventBatch, recordEvents, type AuditEventInput } from "../audit";
import { estimateMinutes } from "../model/estimate";
import { summariseQuestions } from "../model/questions";
import { newSessionKey } from "../model/session-keys";
import { dueAtOn } from "../model/window";
import { invitationToCompose, linkEmail, reminderEmails, type InterviewEmailContext } from "../notify";
import type { Manager } from "./manager";

// How an interview comes into being, whether one is scheduled (schedule.ts) or many are invited at
// once (bulk/confirm.ts): its key and emails are made before any transaction opens (prepareInterview;
// a batch's are composed later, by the dispatcher),
// then the interview, its one active key, its invitation and reminders in the outbox and its audit
// event are written in the caller's transaction: one through Prisma (writeInterviews), a batch's
// with set-based statements, a few per hundred interviews (writeInterviewBatch).

/**
 * How far in the past a start may be before it is refused. The form picks whole minutes, so its
 * "Now" is up to a minute behind already; add a slow form and clock skew. The join window stays
 * open 15 minutes after the start, so such an interview is still one the candidate can take.
 */
export const PAST_START_TOLERANCE_SECONDS = 180;

/**
 * The start a form asked for, at `at`: "now" opens the link at once, null is one hour from now
 * (a DEADLINE link: now); refused when past.
 */
export function resolveStart(requested: Date | "now" | null, at: Date, mode: InterviewMode = InterviewMode.SCHEDULED): Date {
  const scheduledAt = requested === "now" ? at : (requested ?? (mode === InterviewMode.DEADLINE ? at : addHours(at, 1)));
  if (scheduledAt < addSeconds(at, -PAST_START_TOLERANCE_SECONDS)) {
    throw new FieldError("scheduledAt", "Choose a start time in the future.");
  }
  return scheduledAt;
}

/** What every interview of one scheduling or one batch shares: who, where, which job, when. */
export interface InterviewPlan {
  organizationId: string;
  organizationName: string;
  /** Named in the candidate's emails and their Reply-To. */
  recruiter: { name: string; email: string };
  job: { id: string; title: string; questions: Array<{ answerType: AnswerType; prepSeconds: number; answerSeconds: number }> };
  /** SCHEDULED: the booked start. DEADLINE: when the link opens (opensAt). */
  scheduledAt: Date;
  mode: InterviewMode;
  /**
   * DEADLINE only: when it is due, either one instant for everyone or a date ("2026-12-05") that
   * each candidate is due on at the end of their own working day, in their zone (see dueAtFor).
   */
  due: { at: Date } | { date: string } | null;
  /** Never shorter than the questions take (see loadPlan). */
  durationMinutes: number;
  notes: string;
  /** When it is being scheduled: reminders already due are not planned. */
  at: Date;
}

/** The organisation, the recruiter and the job an interview plan needs, read once; refuses a job that cannot be scheduled. */
export async function loadPlan(
  by: Manager,
  jobId: string,
  fields: Pick<InterviewPlan, "scheduledAt" | "mode" | "due" | "durationMinutes" | "notes" | "at">,
): Promise<InterviewPlan> {
  const prisma = await db();
  const { organizationId } = by;
  const [organization, recruiter, job] = await Promise.all([
    prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    prisma.user.findFirst({ where: { id: by.userId, organizationId }, select: { name: true, email: true } }),
    prisma.job.findFirst({
      where: { id: jobId, organizationId },
      select: { id: true, title: true, status: true, questions: { select: { answerType: true, prepSeconds: true, answerSeconds: true } } },
    }),
  ]);
  if (!recruiter) throw new NotFoundError("User");
  if (!job) throw new FieldError("jobId", "Choose a job from the list.");
  if (job.status !== JobStatus.OPEN) throw new FieldError("jobId", "This job is archived. Reopen it to schedule interviews.");
  if (job.questions.length === 0) throw new FieldError("jobId", "This job has no questions yet.");
  if (fields.mode === InterviewMode.DEADLINE && !fields.due) throw new FieldError("dueDate", "Choose the date to complete it by.");
  // Never shorter than the questions take: the invitation and the lobby say the same length.
  const durationMinutes = Math.max(fields.durationMinutes, estimateMinutes(job.questions));
  return { organizationId, organizationName: organization.name, recruiter, job, ...fields, durationMinutes };
}

/**
 * When a DEADLINE interview of this plan is due for a candidate in `timeZone` (null for a
 * SCHEDULED one); refuses a due time too far away or too soon to take the interview at all.
 */
export function dueAtFor(plan: InterviewPlan, timeZone: string): Date | null {
  if (plan.mode !== InterviewMode.DEADLINE || !plan.due) return null;
  const dueAt = "at" in plan.due ? plan.due.at : dueAtOn(plan.due.date, timeZone);
  if (!dueAt) throw new FieldError("dueDate", "Enter a date, like 2026-12-05.");
  if (dueAt > addDays(plan.scheduledAt, DAYS_TO_COMPLETE.max + 1)) throw new FieldError("dueDate", `Give the candidate at most ${DAYS_TO_COMPLETE.max} days.`);
  // A due time the candidate could not make even starting at once is no deadline.
  if (dueAt < addMinutes(plan.scheduledAt, plan.durationMinutes)) throw new FieldError("dueDate", "Choose a later date: the candidate needs time to take it.");
  return dueAt;
}

/** One interview ready to be written: its id, its key's hash and its emails (the invitation carries the raw key). */
export interface PreparedInterview {
  id: string;
  keyHash: string;
  candidateTimeZone: string;
  dueAt: Date | null;
  emails: OutgoingEmail[];
  reminders: EmailKind[];
}

/**
 * One candidate's interview of a plan, with a fresh key, and its invitation and reminders: rendered
 * now, or with `composeOnSend` (a batch) queued with their subjects alone for the dispatcher to
 * compose as it sends them. Nothing is written.
 */
export async function prepareInterview(
  plan: InterviewPlan,
  candidate: { name: string; email: string; timeZone: string },
  { composeOnSend = false } = {},
): Promise<PreparedInterview> {
  const dueAt = dueAtFor(plan, candidate.timeZone);
  const id = randomUUID();
  const { key, keyHash } = newSessionKey();
  const ctx: InterviewEmailContext = {
    interviewId: id,
    organizationId: plan.organizationId,
    organizationName: plan.organizationName,
    scheduledAt: plan.scheduledAt,
    durationMinutes: plan.durationMinutes,
    opensMinutesBefore: dueAt ? 0 : 15,
    mode: plan.mode,
    dueAt,
    candidateTimeZone: candidate.timeZone,
    icsSequence: 0,
    job: { title: plan.job.title, ...summariseQuestions(plan.job.questions) },
    candidate: { name: candidate.name, email: candidate.email },
    recruiter: plan.recruiter,
  };
  const [invitation, reminders] = await Promise.all([
    composeOnSend ? invitationToCompose(ctx, key) : linkEmail(ctx, key, EmailKind.INVITATION),
    reminderEmails(ctx, plan.at, { composeOnSend }),
  ]);
  return { id, keyHash, candidateTimeZone: candidate.timeZone, dueAt, emails: [invitation, ...reminders], reminders: reminders.map((r) => r.kind) };
}

/** Test seam: runs inside the transaction right after the interview rows are written. */
export interface CreateHooks {
  afterInterviewInsert?: (tx: Tx) => Promise<void>;
}

type Item = { prepared: PreparedInterview; candidateId: string };
/** What an API client keeps on the interview (external_id, metadata), echoed in its payloads. */
export interface ExternalRef {
  externalId?: string | null;
  metadata?: Record<string, unknown> | null;
}
type Marks = { requestToken?: string; invitationBatchId?: string } & ExternalRef;

/**
 * Writes prepared interviews, each for its (existing, locked) candidate, in the caller's
 * transaction: the interviews, one active session each, every email, and an "interview.scheduled"
 * event each. `extra` marks the rows (the single form's request token).
 */
export async function writeInterviews(tx: Tx, by: Manager, plan: InterviewPlan, items: Item[], extra: Marks = {}, hooks: CreateHooks = {}): Promise<void> {
  await tx.interview.createMany({ data: items.map((item) => interviewRow(by, plan, item, extra)) });
  await hooks.afterInterviewInsert?.(tx);
  const sessions = await tx.interviewSession.createManyAndReturn({
    data: items.map(({ prepared }) => ({ interviewId: prepared.id, keyHash: prepared.keyHash })),
    select: { id: true, interviewId: true },
  });
  const sessionOf = new Map(sessions.map((s) => [s.interviewId, s.id]));
  await enqueueEmails(
    tx,
    items.flatMap(({ prepared }) => prepared.emails),
  );
  await recordEvents(
    tx,
    items.map(({ prepared }) => scheduledEvent(by, plan, prepared, sessionOf.get(prepared.id)!, extra)),
  );
}

/**
 * writeInterviews for a batch of thousands (a bulk invitation, `extra` its id): the same rows,
 * written WRITE_CHUNK interviews at a time with set-based statements (lib/db-insert.ts), which
 * cost a fraction of the time and memory of Prisma's createMany at this size.
 */
export async function writeInterviewBatch(tx: Tx, by: Manager, plan: InterviewPlan, items: Item[], extra: Marks = {}, hooks: CreateHooks = {}): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_CHUNK) {
    await writeChunk(tx, by, plan, items.slice(start, start + WRITE_CHUNK), extra, start === 0 ? hooks : {});
  }
}

/**
 * Interviews per chunk: each chunk's statements carry its rows' values several times over
 * (parameters, the query plan, the driver's buffers), so a batch of thousands is not one statement.
 */
export const WRITE_CHUNK = 100;

async function writeChunk(tx: Tx, by: Manager, plan: InterviewPlan, items: Item[], extra: Marks, hooks: CreateHooks) {
  // Stamped as Prisma stamps @default(now()) and @updatedAt: when the statement is written.
  const written = new Date();
  await insertRows(tx, "Interview", INTERVIEW_COLUMNS, items.map((item) => ({ ...interviewRow(by, plan, item, extra), createdAt: written, updatedAt: written })));
  await hooks.afterInterviewInsert?.(tx);
  const sessions = items.map(({ prepared }) => ({ id: randomUUID(), interviewId: prepared.id, keyHash: prepared.keyHash, createdAt: written }));
  await insertRows(tx, "InterviewSession", SESSION_COLUMNS, sessions);
  await enqueueEmailBatch(
    tx,
    items.flatMap(({ prepared }) => prepared.emails),
  );
  await recordEventBatch(
    tx,
    items.map(({ prepared }, i) => scheduledEvent(by, plan, prepared, sessions[i]!.id, extra)),
  );
}

function interviewRow(by: Manager, plan: InterviewPlan, { prepared, candidateId }: Item, extra: Marks) {
  return {
    id: prepared.id,
    organizationId: plan.organizationId,
    jobId: plan.job.id,
    candidateId,
    createdById: by.userId,
    status: InterviewStatus.SCHEDULED,
    scheduledAt: plan.scheduledAt,
    durationMinutes: plan.durationMinutes,
    // DEADLINE: no join window; the link works from opensAt (= scheduledAt) to dueAt.
    ...(prepared.dueAt && { mode: InterviewMode.DEADLINE, opensAt: plan.scheduledAt, dueAt: prepared.dueAt, opensMinutesBefore: 0, closesMinutesAfter: 0 }),
    candidateTimeZone: prepared.candidateTimeZone,
    notes: plan.notes,
    requestToken: extra.requestToken ?? null,
    invitationBatchId: extra.invitationBatchId ?? null,
    externalId: extra.externalId ?? null,
    // Left out when unset (the column's null): Prisma takes no plain null for JSON.
    metadata: (extra.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
  };
}

const INTERVIEW_COLUMNS: ColumnTypes<ReturnType<typeof interviewRow> & { createdAt: Date; updatedAt: Date }> = {
  id: "text",
  organizationId: "text",
  jobId: "text",
  candidateId: "text",
  createdById: "text",
  status: { enum: "InterviewStatus" },
  scheduledAt: "timestamp",
  durationMinutes: "integer",
  mode: { enum: "InterviewMode" },
  opensAt: "timestamp",
  dueAt: "timestamp",
  opensMinutesBefore: "integer",
  closesMinutesAfter: "integer",
  candidateTimeZone: "text",
  notes: "text",
  requestToken: "text",
  invitationBatchId: "text",
  externalId: "text",
  metadata: "jsonb",
  createdAt: "timestamp",
  updatedAt: "timestamp",
};

const SESSION_COLUMNS: ColumnTypes<{ id: string; interviewId: string; keyHash: string; createdAt: Date }> = {
  id: "text",
  interviewId: "text",
  keyHash: "text",
  createdAt: "timestamp",
};

function scheduledEvent(by: Manager, plan: InterviewPlan, prepared: PreparedInterview, sessionId: string, extra: Marks): AuditEventInput {
  return {
    organizationId: plan.organizationId,
    interviewId: prepared.id,
    actor: actorOf(by),
    type: "interview.scheduled",
    data: {
      scheduledAt: plan.scheduledAt.toISOString(),
      ...(prepared.dueAt && { mode: InterviewMode.DEADLINE, dueAt: prepared.dueAt.toISOString() }),
      sessionId,
      reminders: prepared.reminders,
      ...(extra.invitationBatchId && { invitationBatchId: extra.invitationBatchId }),
    },
    at: plan.at,
  };
}
