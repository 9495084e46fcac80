import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma, type InterviewAnswer } from "@/lib/generated/prisma/client";
import type { AnswerType, InterviewMode, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import { answerFields, pacingDueAt } from "../lifecycle/settle";
import { plannedMinutes } from "../model/estimate";
import { answerTimes, phaseAt, project } from "../model/progress";
import { summariseQuestions } from "../model/questions";
import { transcriptionNotice } from "../transcripts/notice";

/** Everything the candidate's page shows, as the clock stands at `at` (nothing is written). */
export async function loadCandidateView(interviewId: string, at = clockNow()) {
  const [interview, answers] = await Promise.all([readInterviewForCandidate(interviewId), readAnswersForCandidate(interviewId)]);
  const dueAt = pacingDueAt(interview);
  const projection = project(answers, at, dueAt);
  const current = projection.current && { ...projection.current, ...answerTimes(projection.current), phase: phaseAt(projection.current, at) };
  const questions = summariseQuestions(interview.questions);
  return {
    status: interview.status,
    companyName: interview.companyName,
    retentionDays: interview.retentionDays,
    accommodationRequestedAt: interview.accommodationRequestedAt,
    jobTitle: interview.jobTitle,
    jobDescription: interview.jobDescription,
    candidateName: interview.candidateName,
    interviewerName: interview.interviewerName ?? interview.companyName,
    interviewerEmail: interview.interviewerEmail,
    scheduledAt: interview.scheduledAt,
    durationMinutes: interview.durationMinutes,
    plannedMinutes: plannedMinutes(interview.durationMinutes, interview.questions, interview.extraTimePercent),
    rescheduleRequested: Boolean(interview.rescheduleRequestedAt),
    ...questions,
    /** What the consent step says about transcripts of recorded answers; null: nothing is transcribed. */
    transcriptionNotice: transcriptionNotice({ answerTypes: questions.answerTypes, transcriptionEnabled: interview.transcriptionEnabled }),
    questionTotal: answers.length,
    current,
    /** DEADLINE: when it is due (null for SCHEDULED). */
    dueAt,
    /** Questions answered (or whose time ran out) so far. */
    answeredCount: projection.answers.filter((a) => a.submittedAt).length,
    /** Whether the current question is the last one left to answer (after a reopen, not always the last one). */
    currentIsLast: projection.answers.filter((a) => !a.submittedAt).length === 1,
    /** DEADLINE, between questions: the number of the question the candidate opens next. */
    nextNumber: projection.next ? projection.next.position + 1 : null,
    finished: !projection.current && !projection.next && projection.answers.length > 0,
  };
}

/*
 * The candidate's page reads: SQL rather than Prisma queries, because they run on every candidate
 * request and Prisma 6.19 compiles each query on the event loop — about 1.8 ms of CPU for the
 * nested read these replace (no query plan cache before Prisma 7.4; see README, Benchmarks).
 */

interface CandidateInterviewRow {
  status: InterviewStatus;
  mode: InterviewMode;
  dueAt: Date | null;
  scheduledAt: Date;
  durationMinutes: number;
  extraTimePercent: number;
  rescheduleRequestedAt: Date | null;
  accommodationRequestedAt: Date | null;
  companyName: string;
  retentionDays: number;
  transcriptionEnabled: boolean;
  candidateName: string;
  /** The recruiter who scheduled it, else the organisation's first owner (as in the emails). */
  interviewerName: string | null;
  interviewerEmail: string | null;
  jobTitle: string;
  jobDescription: string;
  questions: Array<{ answerType: AnswerType; prepSeconds: number; answerSeconds: number }>;
}

async function readInterviewForCandidate(interviewId: string): Promise<CandidateInterviewRow> {
  const prisma = await db();
  const [row] = await prisma.$queryRaw<CandidateInterviewRow[]>`
    SELECT i.status, i.mode, i."dueAt", i."scheduledAt", i."durationMinutes", i."extraTimePercent", i."rescheduleRequestedAt", i."accommodationRequestedAt",
      o.name AS "companyName", o."retentionDays", o."transcriptionEnabled", c.name AS "candidateName",
      COALESCE(u.name, owner.name) AS "interviewerName", COALESCE(u.email, owner.email) AS "interviewerEmail",
      j.title AS "jobTitle", j.description AS "jobDescription",
      (SELECT COALESCE(json_agg(json_build_object('answerType', q."answerType", 'prepSeconds', q."prepSeconds", 'answerSeconds', q."answerSeconds")), '[]'::json)
         FROM "Question" q WHERE q."jobId" = j.id) AS questions
    FROM "Interview" i
      JOIN "Organization" o ON o.id = i."organizationId"
      JOIN "Candidate" c ON c.id = i."candidateId"
      JOIN "Job" j ON j.id = i."jobId"
      LEFT JOIN "User" u ON u.id = i."createdById"
      -- The scheduler's account is gone: the candidate reaches the first owner (lib/interviews/notify.ts, candidateContact).
      LEFT JOIN LATERAL (
        SELECT name, email FROM "User" WHERE u.id IS NULL AND "organizationId" = i."organizationId" AND role = 'OWNER'
        ORDER BY "createdAt" LIMIT 1
      ) owner ON true
    WHERE i.id = ${interviewId}`;
  if (!row) throw new NotFoundError("Interview");
  return row;
}

type CandidateAnswerRow = Pick<InterviewAnswer, keyof typeof answerFields> & { recordings: Array<{ id: string; take: number; status: RecordingStatus; durationMs: number | null }> };

/** answerFields as SQL columns: the raw read returns exactly the fields its type claims. */
const ANSWER_COLUMNS = Prisma.raw(Object.keys(answerFields).map((field) => `a."${field}"`).join(", "));

/** Every answer in order, each with the latest segment of its current take (whether a reload interrupted it, and which take it is). */
async function readAnswersForCandidate(interviewId: string): Promise<CandidateAnswerRow[]> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<Array<Omit<CandidateAnswerRow, "recordings"> & { recordingId: string | null; recordingTake: number | null; recordingStatus: RecordingStatus | null; recordingDurationMs: number | null }>>`
    SELECT ${ANSWER_COLUMNS}, r.id AS "recordingId", r.take AS "recordingTake", r.status AS "recordingStatus", r."durationMs" AS "recordingDurationMs"
    FROM "InterviewAnswer" a
      LEFT JOIN LATERAL (
        SELECT id, take, status, "durationMs" FROM "Recording"
        WHERE "answerId" = a.id AND status <> 'DISCARDED'
        ORDER BY take DESC, segment DESC LIMIT 1
      ) r ON true
    WHERE a."interviewId" = ${interviewId}
    ORDER BY a.position`;
  return rows.map(({ recordingId, recordingTake, recordingStatus, recordingDurationMs, ...answer }) => ({
    ...answer,
    recordings: recordingId ? [{ id: recordingId, take: recordingTake!, status: recordingStatus!, durationMs: recordingDurationMs }] : [],
  }));
}
