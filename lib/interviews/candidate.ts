import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { cancelPendingEmails, enqueueEmail, type Tx } from "@/lib/email/outbox";
import { NotFoundError } from "@/lib/errors";
import { Prisma, type InterviewAnswer } from "@/lib/generated/prisma/client";
import { lockInterview } from "@/lib/interviews/lock";
import { renderEmail } from "@/lib/email/templates";
import { ActorType, AnswerType, EmailKind, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import { recordEvent, type Actor } from "./audit";
import { interviewDashboardUrl, REMINDER_KINDS, summariseQuestions } from "./emails";
import { answerTimes, phaseAt, project } from "./progress";
import { windowPosition } from "./window";

/** A candidate action the interview's state does not allow; `reason` picks what the page says. */
export class CandidateActionError extends Error {
  constructor(readonly reason: "not_open" | "consent_required" | "time_up" | "not_current" | "not_in_progress" | "already_requested") {
    super(reason);
    this.name = "CandidateActionError";
  }
}

const candidate = { type: ActorType.CANDIDATE } as const;
export const answerFields = {
  id: true,
  position: true,
  prompt: true,
  answerType: true,
  prepSeconds: true,
  answerSeconds: true,
  presentedAt: true,
  answerStartedAt: true,
  submittedAt: true,
  text: true,
  savedAt: true,
  retakes: true,
  takeStartedAt: true,
} as const;

export async function lock(tx: Tx, interviewId: string) {
  await lockInterview(tx, interviewId);
  return tx.interview.findUniqueOrThrow({
    where: { id: interviewId },
    select: {
      id: true,
      organizationId: true,
      status: true,
      scheduledAt: true,
      opensMinutesBefore: true,
      closesMinutesAfter: true,
      answers: { select: answerFields, orderBy: { position: "asc" } },
    },
  });
}

/**
 * Starts the interview (a POST, after consent): snapshots the job's questions so later edits to
 * the job cannot change it, and shows the first question now.
 */
export async function startInterview(interviewId: string, consent: boolean, at = clockNow()) {
  if (!consent) throw new CandidateActionError("consent_required");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const interview = await lock(tx, interviewId);
    if (interview.status === InterviewStatus.IN_PROGRESS) return; // a second tab, or a double click
    if (interview.status !== InterviewStatus.SCHEDULED || windowPosition(interview, at) !== "open") throw new CandidateActionError("not_open");
    const { job, extraTimePercent, extraRetakes } = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: { extraTimePercent: true, extraRetakes: true, job: { select: { questions: { orderBy: { position: "asc" } } } } },
    });
    // Accommodations are part of the snapshot: the timers and the retake count the candidate
    // sees are the ones the server enforces.
    const extended = (seconds: number) => Math.round((seconds * (100 + extraTimePercent)) / 100);
    await tx.interviewAnswer.createMany({
      data: job.questions.map((q, position) => ({
        interviewId,
        position,
        prompt: q.prompt,
        answerType: q.answerType,
        prepSeconds: extended(q.prepSeconds),
        answerSeconds: extended(q.answerSeconds),
        retakes: q.answerType === AnswerType.TEXT ? 0 : q.retakes + extraRetakes,
        presentedAt: position === 0 ? at : null,
      })),
    });
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.IN_PROGRESS, startedAt: at, consentedAt: at } });
    // Reminders still queued are pointless now.
    await cancelPendingEmails(tx, interviewId, REMINDER_KINDS, "interview started");
    await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: candidate, type: "interview.started", at });
  });
}

/** Writes down what the clock decided (timed-out answers, questions shown) and completes a finished interview. */
export async function settle(tx: Tx, interview: Awaited<ReturnType<typeof lock>>, at: Date, actor: Actor = candidate) {
  const projection = project(interview.answers, at);
  for (const { id, submittedAt } of projection.timedOut) await tx.interviewAnswer.update({ where: { id }, data: { submittedAt } });
  for (const { id, presentedAt } of projection.presented) await tx.interviewAnswer.update({ where: { id }, data: { presentedAt } });
  if (!projection.current && projection.finishedAt) await complete(tx, interview.id, interview.organizationId, projection.finishedAt, actor);
  return projection;
}

async function complete(tx: Tx, interviewId: string, organizationId: string, at: Date, actor: Actor = candidate) {
  const interview = await tx.interview.update({
    where: { id: interviewId },
    data: { status: InterviewStatus.COMPLETED, completedAt: at },
    select: { candidateTimeZone: true, candidate: { select: { name: true } }, job: { select: { title: true } }, createdBy: { select: { name: true, email: true } } },
  });
  await recordEvent(tx, { organizationId, interviewId, actor, type: "interview.completed", at });
  if (!interview.createdBy) return;
  const rendered = await renderEmail({
    template: "candidate-completed",
    props: {
      recruiterName: interview.createdBy.name,
      candidateName: interview.candidate.name,
      jobTitle: interview.job.title,
      completedAt: at.toISOString(),
      timeZone: interview.candidateTimeZone,
      reviewUrl: interviewDashboardUrl(interviewId),
    },
  });
  await enqueueEmail(tx, {
    organizationId,
    interviewId,
    kind: EmailKind.CANDIDATE_COMPLETED,
    toEmail: interview.createdBy.email,
    toName: interview.createdBy.name,
    ...rendered,
  });
}

type Current = Awaited<ReturnType<typeof lock>>["answers"][number];

/** Runs a candidate change on the current question of an interview in progress. */
export async function onCurrent<T>(interviewId: string, answerId: string, at: Date, fn: (tx: Tx, current: Current) => Promise<T>) {
  const prisma = await db();
  const outcome = await prisma.$transaction(async (tx) => {
    const interview = await lock(tx, interviewId);
    if (interview.status !== InterviewStatus.IN_PROGRESS) throw new CandidateActionError("not_in_progress");
    const { current, answers } = await settle(tx, interview, at);
    if (!current || current.id !== answerId) {
      // The question this request was about has closed (or it is not open yet, or not this
      // interview's). Refused after the commit: throwing here would roll back what settle() wrote.
      return { refused: new CandidateActionError(answers.some((a) => a.id === answerId && a.submittedAt) ? "time_up" : "not_current") };
    }
    return { result: await fn(tx, current) };
  });
  if ("refused" in outcome) throw outcome.refused;
  return outcome.result;
}

/** Autosave: keeps the latest text while the question is open (and its grace seconds). */
export async function saveDraft(interviewId: string, answerId: string, text: string, at = clockNow()) {
  return onCurrent(interviewId, answerId, at, async (tx, current) => {
    await tx.interviewAnswer.update({ where: { id: current.id }, data: { text, savedAt: at } });
    return { savedAt: at };
  });
}

/** Skips the rest of the preparation time. */
export async function startAnswering(interviewId: string, answerId: string, at = clockNow()) {
  return onCurrent(interviewId, answerId, at, async (tx, current) => {
    const answer = await tx.interviewAnswer.findUniqueOrThrow({ where: { id: current.id }, select: answerFields });
    if (phaseAt(answer, at) === "preparing") await tx.interviewAnswer.update({ where: { id: current.id }, data: { answerStartedAt: at } });
  });
}

/** Submits the current answer and shows the next question, or completes the interview after the last one. */
export async function submitAnswer(interviewId: string, answerId: string, text: string, at = clockNow()) {
  return onCurrent(interviewId, answerId, at, async (tx, current) => {
    const answer = await tx.interviewAnswer.update({ where: { id: current.id }, data: { text, savedAt: at, submittedAt: at }, select: { position: true, interview: { select: { organizationId: true } } } });
    const next = await tx.interviewAnswer.findUnique({ where: { interviewId_position: { interviewId, position: answer.position + 1 } }, select: { id: true } });
    if (next) {
      await tx.interviewAnswer.update({ where: { id: next.id }, data: { presentedAt: at } });
      return { done: false };
    }
    await complete(tx, interviewId, answer.interview.organizationId, at);
    return { done: true };
  });
}

/** From the expired page: asks the recruiter for a new time, once. */
export async function requestReschedule(interviewId: string, at = clockNow()) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    await lockInterview(tx, interviewId);
    const interview = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        organizationId: true,
        status: true,
        rescheduleRequestedAt: true,
        scheduledAt: true,
        opensMinutesBefore: true,
        closesMinutesAfter: true,
        candidateTimeZone: true,
        candidate: { select: { name: true, email: true } },
        job: { select: { title: true } },
        createdBy: { select: { name: true, email: true } },
      },
    });
    // The window may have closed before the sweep got to it: the clock has expired it either way.
    const closedUnstarted = interview.status === InterviewStatus.SCHEDULED && windowPosition(interview, at) === "closed";
    if (interview.status !== InterviewStatus.EXPIRED && !closedUnstarted) throw new CandidateActionError("not_open");
    if (interview.rescheduleRequestedAt) throw new CandidateActionError("already_requested");
    if (closedUnstarted) {
      await cancelPendingEmails(tx, interviewId, REMINDER_KINDS, "interview expired");
      await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: { type: ActorType.SYSTEM }, type: "interview.expired", at });
    }
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.EXPIRED, rescheduleRequestedAt: at } });
    await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: candidate, type: "reschedule.requested", at });
    if (!interview.createdBy) return;
    const rendered = await renderEmail({
      template: "reschedule-requested",
      props: {
        recruiterName: interview.createdBy.name,
        candidateName: interview.candidate.name,
        candidateEmail: interview.candidate.email,
        jobTitle: interview.job.title,
        missedStartsAt: interview.scheduledAt.toISOString(),
        timeZone: interview.candidateTimeZone,
        interviewUrl: interviewDashboardUrl(interviewId),
      },
    });
    await enqueueEmail(tx, {
      organizationId: interview.organizationId,
      interviewId,
      kind: EmailKind.RESCHEDULE_REQUESTED,
      toEmail: interview.createdBy.email,
      toName: interview.createdBy.name,
      ...rendered,
    });
  });
}

/** Everything the candidate's page shows, as the clock stands at `at` (nothing is written). */
export async function loadCandidateView(interviewId: string, at = clockNow()) {
  const [interview, answers] = await Promise.all([readInterviewForCandidate(interviewId), readAnswersForCandidate(interviewId)]);
  const projection = project(answers, at);
  const current = projection.current && { ...projection.current, ...answerTimes(projection.current), phase: phaseAt(projection.current, at) };
  return {
    status: interview.status,
    companyName: interview.companyName,
    retentionDays: interview.retentionDays,
    accommodationRequestedAt: interview.accommodationRequestedAt,
    jobTitle: interview.jobTitle,
    jobDescription: interview.jobDescription,
    candidateName: interview.candidateName,
    interviewerName: interview.interviewerName ?? interview.companyName,
    scheduledAt: interview.scheduledAt,
    durationMinutes: interview.durationMinutes,
    rescheduleRequested: Boolean(interview.rescheduleRequestedAt),
    ...summariseQuestions(interview.questions),
    totalSeconds: interview.questions.reduce((sum, q) => sum + q.prepSeconds + q.answerSeconds, 0),
    questionTotal: answers.length,
    current,
    finished: !projection.current && projection.answers.length > 0,
  };
}

/*
 * The candidate's page reads: SQL rather than Prisma queries, because they run on every candidate
 * request and Prisma 6.19 compiles each query on the event loop — about 1.8 ms of CPU for the
 * nested read these replace (no query plan cache before Prisma 7.4; see README, Benchmarks).
 */

interface CandidateInterviewRow {
  status: InterviewStatus;
  scheduledAt: Date;
  durationMinutes: number;
  rescheduleRequestedAt: Date | null;
  accommodationRequestedAt: Date | null;
  companyName: string;
  retentionDays: number;
  candidateName: string;
  interviewerName: string | null;
  jobTitle: string;
  jobDescription: string;
  questions: Array<{ answerType: AnswerType; prepSeconds: number; answerSeconds: number }>;
}

async function readInterviewForCandidate(interviewId: string): Promise<CandidateInterviewRow> {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<CandidateInterviewRow[]>`
    SELECT i.status, i."scheduledAt", i."durationMinutes", i."rescheduleRequestedAt", i."accommodationRequestedAt",
      o.name AS "companyName", o."retentionDays", c.name AS "candidateName", u.name AS "interviewerName",
      j.title AS "jobTitle", j.description AS "jobDescription",
      (SELECT COALESCE(json_agg(json_build_object('answerType', q."answerType", 'prepSeconds', q."prepSeconds", 'answerSeconds', q."answerSeconds")), '[]'::json)
         FROM "Question" q WHERE q."jobId" = j.id) AS questions
    FROM "Interview" i
      JOIN "Organization" o ON o.id = i."organizationId"
      JOIN "Candidate" c ON c.id = i."candidateId"
      JOIN "Job" j ON j.id = i."jobId"
      LEFT JOIN "User" u ON u.id = i."createdById"
    WHERE i.id = ${interviewId}`;
  if (!row) throw new NotFoundError("Interview");
  return row;
}

type CandidateAnswerRow = Pick<InterviewAnswer, keyof typeof answerFields> & { recordings: Array<{ id: string; take: number; status: RecordingStatus }> };

/** answerFields as SQL columns: the raw read returns exactly the fields its type claims. */
const ANSWER_COLUMNS = Prisma.raw(Object.keys(answerFields).map((field) => `a."${field}"`).join(", "));

/** Every answer in order, each with the latest segment of its current take (whether a reload interrupted it, and which take it is). */
async function readAnswersForCandidate(interviewId: string): Promise<CandidateAnswerRow[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<Array<Omit<CandidateAnswerRow, "recordings"> & { recordingId: string | null; recordingTake: number | null; recordingStatus: RecordingStatus | null }>>`
    SELECT ${ANSWER_COLUMNS}, r.id AS "recordingId", r.take AS "recordingTake", r.status AS "recordingStatus"
    FROM "InterviewAnswer" a
      LEFT JOIN LATERAL (
        SELECT id, take, status FROM "Recording"
        WHERE "answerId" = a.id AND status <> 'DISCARDED'
        ORDER BY take DESC, segment DESC LIMIT 1
      ) r ON true
    WHERE a."interviewId" = ${interviewId}
    ORDER BY a.position`;
  return rows.map(({ recordingId, recordingTake, recordingStatus, ...answer }) => ({
    ...answer,
    recordings: recordingId ? [{ id: recordingId, take: recordingTake!, status: recordingStatus! }] : [],
  }));
}
