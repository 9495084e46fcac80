import "server-only";
import { z } from "zod";
import { appUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { AnswerType, TranscriptStatus, type ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { summarise } from "@/lib/interviews/review/summary";
import { iso, timestamp } from "./shared";

// An interview as the API shows it: the list's summary, and the detail with its timeline, answers,
// the submitted scorecards' summary and the decision. Read as an owner or admin sees it (a key is
// created by one), in two queries for the detail.

const transcriptSchema = z
  .object({
    status: z.enum(["queued", "processing", "done", "failed", "skipped"]).meta({ description: "done: text and segments are the transcript; failed or skipped: there will be none (the organisation's switch, the deployment's engine, or audio that could not be read)." }),
    text: z.string().meta({ description: "The whole transcript; empty until done, and when the recording held no recognisable speech." }),
    segments: z.array(z.object({ start_ms: z.number().int(), end_ms: z.number().int(), text: z.string() })).meta({ description: "In order; times in ms from the start of the answer's recording, its parts played one after another." }),
    engine: z.string().nullable().meta({ description: "offline (on the deployment's own server) or openai (an OpenAI-compatible service); null until it ran." }),
    completed_at: timestamp.nullable(),
  })
  .nullable()
  .meta({ id: "Transcript", description: "A recorded answer's transcript; null for a written answer, or a recorded one not queued for transcription." });

const decisionSchema = z.object({ outcome: z.enum(["advance", "hold", "reject"]), comment: z.string(), decided_at: timestamp }).nullable();

export const interviewSchema = z
  .object({
    id: z.string(),
    status: z.enum(["scheduled", "in_progress", "completed", "cancelled", "expired"]),
    mode: z.enum(["scheduled", "deadline"]).meta({ description: "scheduled: at a booked time (starts_at) with a join window; deadline: any time from opens_at to due_at." }),
    job: z.object({ id: z.string(), title: z.string() }),
    candidate: z.object({ id: z.string(), name: z.string(), email: z.string(), external_id: z.string().nullable() }),
    starts_at: timestamp,
    opens_at: timestamp.nullable(),
    due_at: timestamp.nullable(),
    duration_minutes: z.number().int(),
    time_zone: z.string().meta({ description: "The candidate's zone when it was scheduled: emails show times in it." }),
    started_at: timestamp.nullable(),
    completed_at: timestamp.nullable(),
    decision: decisionSchema,
    external_id: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    review_url: z.string().meta({ description: "The interview's page in Kairos (members sign in)." }),
    created_at: timestamp,
  })
  .meta({ id: "Interview" });

export const interviewDetailSchema = interviewSchema
  .extend({
    timeline: z.array(z.object({ type: z.string(), at: timestamp, actor: z.enum(["user", "candidate", "system", "share_link", "api_key"]) })),
    answers: z.array(
      z.object({
        id: z.string(),
        position: z.number().int(),
        prompt: z.string(),
        answer_type: z.enum(["text", "video", "audio"]),
        text: z.string().nullable(),
        submitted_at: timestamp.nullable(),
        recordings: z.array(z.object({ id: z.string(), content_type: z.string(), duration_ms: z.number().int().nullable(), url: z.string().meta({ description: "GET with the same key (recordings:read); supports Range." }) })),
        transcript: transcriptSchema,
      }),
    ),
    scorecards: z.object({
      submitted: z.number().int(),
      overall_mean: z.number().nullable(),
      recommendations: z.object({ strong_yes: z.number().int(), yes: z.number().int(), no: z.number().int(), strong_no: z.number().int() }),
      questions: z.array(z.object({ answer_id: z.string(), position: z.number().int(), mean: z.number().nullable(), spread: z.number().nullable() })),
    }),
  })
  .meta({ id: "InterviewDetail" });

export const INTERVIEW_SUMMARY = {
  id: true,
  status: true,
  mode: true,
  scheduledAt: true,
  opensAt: true,
  dueAt: true,
  durationMinutes: true,
  candidateTimeZone: true,
  startedAt: true,
  completedAt: true,
  decision: true,
  decisionComment: true,
  decidedAt: true,
  externalId: true,
  metadata: true,
  createdAt: true,
  job: { select: { id: true, title: true } },
  candidate: { select: { id: true, name: true, email: true, externalId: true } },
} as const;

type SummaryRow = {
  id: string;
  status: string;
  mode: string;
  scheduledAt: Date;
  opensAt: Date | null;
  dueAt: Date | null;
  durationMinutes: number;
  candidateTimeZone: string;
  startedAt: Date | null;
  completedAt: Date | null;
  decision: string | null;
  decisionComment: string;
  decidedAt: Date | null;
  externalId: string | null;
  metadata: unknown;
  createdAt: Date;
  job: { id: string; title: string };
  candidate: { id: string; name: string; email: string; externalId: string | null };
};

export function interviewJson(row: SummaryRow) {
  return {
    id: row.id,
    status: row.status.toLowerCase(),
    mode: row.mode.toLowerCase(),
    job: row.job,
    candidate: { id: row.candidate.id, name: row.candidate.name, email: row.candidate.email, external_id: row.candidate.externalId },
    starts_at: iso(row.scheduledAt),
    opens_at: iso(row.opensAt),
    due_at: iso(row.dueAt),
    duration_minutes: row.durationMinutes,
    time_zone: row.candidateTimeZone,
    started_at: iso(row.startedAt),
    completed_at: iso(row.completedAt),
    decision: row.decision && row.decidedAt ? { outcome: row.decision.toLowerCase(), comment: row.decisionComment, decided_at: iso(row.decidedAt) } : null,
    external_id: row.externalId,
    metadata: (row.metadata ?? null) as Record<string, unknown> | null,
    review_url: `${appUrl()}/interviews/${row.id}`,
    created_at: iso(row.createdAt),
  };
}

/** One interview of the organisation in full, or NotFoundError. */
export async function interviewDetailJson(organizationId: string, id: string) {
  const prisma = await db();
  // One statement, PostgreSQL building the nested lists: the API's most-read answer, where
  // Prisma's nested select would be seven round trips, each query compiled anew (README, Benchmarks).
  const [row] = await prisma.$queryRaw<DetailRow[]>`
    SELECT i.id, i.status::text, i.mode::text, i."scheduledAt", i."opensAt", i."dueAt", i."durationMinutes", i."candidateTimeZone",
      i."startedAt", i."completedAt", i.decision::text, i."decisionComment", i."decidedAt", i."externalId", i.metadata, i."createdAt",
      json_build_object('id', j.id, 'title', j.title) AS job,
      json_build_object('id', c.id, 'name', c.name, 'email', c.email, 'externalId', c."externalId") AS candidate,
      (SELECT COALESCE(json_agg(json_build_object('type', e.type, 'actorType', e."actorType", 'createdAt', e."createdAt") ORDER BY e."createdAt", e.id), '[]')
        FROM "AuditEvent" e WHERE e."interviewId" = i.id) AS events,
      (SELECT COALESCE(json_agg(json_build_object('id', a.id, 'position', a.position, 'prompt', a.prompt, 'answerType', a."answerType", 'text', a.text, 'submittedAt', a."submittedAt",
          'recordings', (SELECT COALESCE(json_agg(json_build_object('id', r.id, 'contentType', r."contentType", 'durationMs', r."durationMs") ORDER BY r.take, r.segment), '[]')
            FROM "Recording" r WHERE r."answerId" = a.id AND r.status <> 'DISCARDED'),
          'transcript', CASE WHEN t.id IS NULL THEN NULL
            ELSE json_build_object('status', t.status, 'text', t.text, 'segments', t.segments, 'engine', t.engine, 'completedAt', t."completedAt") END) ORDER BY a.position), '[]')
        FROM "InterviewAnswer" a LEFT JOIN "Transcript" t ON t."answerId" = a.id WHERE a."interviewId" = i.id) AS answers,
      (SELECT COALESCE(json_agg(json_build_object('reviewerName', s."reviewerName", 'recommendation', s.recommendation, 'submittedAt', s."submittedAt",
          'ratings', (SELECT COALESCE(json_agg(json_build_object('answerId', sr."answerId", 'rating', sr.rating)), '[]') FROM "ScorecardRating" sr WHERE sr."scorecardId" = s.id))), '[]')
        FROM "Scorecard" s WHERE s."interviewId" = i.id AND s."submittedAt" IS NOT NULL) AS scorecards
    FROM "Interview" i JOIN "Job" j ON j.id = i."jobId" JOIN "Candidate" c ON c.id = i."candidateId"
    WHERE i.id = ${id} AND i."organizationId" = ${organizationId}`;
  if (!row) throw new NotFoundError("Interview");
  const { events, answers, scorecards, ...summary } = row;
  const tally = summarise(
    scorecards.map((card) => ({ ...card, recommendation: card.recommendation as ScoreRecommendation | null, submittedAt: utc(card.submittedAt) })),
    answers,
  );
  return {
    ...interviewJson(summary),
    timeline: events.map((event) => ({ type: event.type, at: iso(utc(event.createdAt)), actor: event.actorType.toLowerCase() })),
    answers: answers.map((answer) => ({
      id: answer.id,
      position: answer.position,
      prompt: answer.prompt,
      answer_type: answer.answerType.toLowerCase(),
      text: answer.answerType === AnswerType.TEXT ? answer.text : null,
      submitted_at: iso(utc(answer.submittedAt)),
      recordings: answer.recordings.map((r) => ({ id: r.id, content_type: r.contentType, duration_ms: r.durationMs, url: `${appUrl()}/api/v1/recordings/${r.id}` })),
      transcript: answer.transcript && transcriptJson(answer.transcript),
    })),
    scorecards: {
      submitted: tally.submitted,
      overall_mean: tally.overallMean,
      recommendations: { strong_yes: tally.recommendations.STRONG_YES, yes: tally.recommendations.YES, no: tally.recommendations.NO, strong_no: tally.recommendations.STRONG_NO },
      questions: tally.questions.map((q) => ({ answer_id: q.answerId, position: q.position, mean: q.mean, spread: q.spread })),
    },
  };
}

/** A transcript as the API writes it: lower-case status, snake_case segments; text only once it is done. */
function transcriptJson(t: TranscriptRow) {
  const done = t.status === TranscriptStatus.DONE;
  return {
    status: t.status.toLowerCase(),
    text: done ? t.text : "",
    segments: done ? t.segments.map((segment) => ({ start_ms: segment.startMs, end_ms: segment.endMs, text: segment.text })) : [],
    engine: t.engine,
    completed_at: iso(utc(t.completedAt)),
  };
}

/** A timestamp inside json_build_object: PostgreSQL writes `timestamp(3)` (stored UTC) without a zone. */
function utc(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}Z`);
}

type TranscriptRow = { status: TranscriptStatus; text: string; segments: Array<{ startMs: number; endMs: number; text: string }>; engine: string | null; completedAt: string | null };

type DetailRow = Omit<SummaryRow, "job" | "candidate"> & {
  job: { id: string; title: string };
  candidate: SummaryRow["candidate"];
  events: Array<{ type: string; actorType: string; createdAt: string }>;
  answers: Array<{
    id: string;
    position: number;
    prompt: string;
    answerType: string;
    text: string;
    submittedAt: string | null;
    recordings: Array<{ id: string; contentType: string; durationMs: number | null }>;
    transcript: TranscriptRow | null;
  }>;
  scorecards: Array<{ reviewerName: string; recommendation: string | null; submittedAt: string | null; ratings: Array<{ answerId: string; rating: number | null }> }>;
};
