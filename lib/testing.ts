import "server-only";
import { createOwnerAccount } from "@/lib/accounts/members";
import { hashPassword } from "@/lib/accounts/passwords";
import { startSession } from "@/lib/accounts/sessions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { RecordingStatus, TranscriptStatus, type Role } from "@/lib/generated/prisma/enums";

/** True only where the e2e suite turned test hooks on (KAIROS_TEST_HOOKS=1); never in a deployment. */
export function testHooksEnabled(): boolean {
  return process.env.KAIROS_TEST_HOOKS === "1";
}

/**
 * Moves one interview's timeline `seconds` into the past — the same as the clock moving forward
 * for that interview alone, so browser tests running in parallel do not disturb each other.
 */
export async function shiftInterviewIntoPast(interviewId: string, seconds: number): Promise<boolean> {
  const prisma = await db();
  const interval = `${Math.trunc(seconds)} seconds`;
  const moved = await prisma.$executeRaw`
    UPDATE "Interview" SET
      "scheduledAt" = "scheduledAt" - ${interval}::interval,
      "opensAt" = "opensAt" - ${interval}::interval,
      "dueAt" = "dueAt" - ${interval}::interval,
      "consentedAt" = "consentedAt" - ${interval}::interval,
      "startedAt" = "startedAt" - ${interval}::interval,
      "completedAt" = "completedAt" - ${interval}::interval
    WHERE id = ${interviewId}`;
  await prisma.$executeRaw`
    UPDATE "InterviewAnswer" SET
      "presentedAt" = "presentedAt" - ${interval}::interval,
      "answerStartedAt" = "answerStartedAt" - ${interval}::interval,
      "submittedAt" = "submittedAt" - ${interval}::interval,
      "savedAt" = "savedAt" - ${interval}::interval,
      "takeStartedAt" = "takeStartedAt" - ${interval}::interval
    WHERE "interviewId" = ${interviewId}`;
  await prisma.$executeRaw`
    UPDATE "Recording" SET
      "startedAt" = "startedAt" - ${interval}::interval,
      "finishedAt" = "finishedAt" - ${interval}::interval
    WHERE "interviewId" = ${interviewId}`;
  return moved > 0;
}

/** Seconds from now until the interview's join window opens (negative once open). */
export async function secondsUntilOpen(interviewId: string, at: Date): Promise<number | null> {
  const prisma = await db();
  const interview = await prisma.interview.findUnique({ where: { id: interviewId }, select: { scheduledAt: true, opensMinutesBefore: true } });
  if (!interview) return null;
  return (interview.scheduledAt.getTime() - interview.opensMinutesBefore * 60_000 - at.getTime()) / 1000;
}

/**
 * Test hooks only: how long the schedule hook holds back its post-commit wake
 * (KAIROS_TEST_WAKE_DELAY_MS), so the reliability runs can kill a server between an interview's
 * commit and its invitation's send. 0 (no delay) without KAIROS_TEST_HOOKS=1.
 */
export function testWakeDelayMs(): number {
  if (!testHooksEnabled()) return 0;
  const ms = Number(process.env.KAIROS_TEST_WAKE_DELAY_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}

export interface DatabaseMatch {
  table: string;
  column: string;
  rows: number;
  /** True when found inside a base64 string of a JSON column (an email attachment), decoded and unfolded. */
  decoded: boolean;
}

const SEARCHABLE_TYPES = ["text", "character varying", "character", "json", "jsonb", "ARRAY"];
const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Every column of every table that holds `needle` (e2e: a secret must be nowhere). The columns
 * come from information_schema, so a table added tomorrow is searched too. JSON columns are also
 * searched inside their base64 strings (attachments), unfolded as calendar files fold long lines.
 */
export async function findInDatabase(needle: string): Promise<DatabaseMatch[]> {
  const prisma = await db();
  // information_schema's identifiers are of type `name`, which Prisma cannot read from PostgreSQL: cast them.
  const columns = await prisma.$queryRaw<Array<{ schema: string; table: string; column: string; type: string }>>`
    SELECT c.table_schema::text AS "schema", c.table_name::text AS "table", c.column_name::text AS "column", c.data_type::text AS "type"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE'
      AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
      AND c.data_type IN (${Prisma.join(SEARCHABLE_TYPES)})
    ORDER BY c.table_name, c.ordinal_position`;
  const matches: DatabaseMatch[] = [];
  for (const { schema, table, column, type } of columns) {
    const from = `${quote(schema)}.${quote(table)}`;
    const [plain] = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM ${from} WHERE strpos(${quote(column)}::text, $1) > 0`,
      needle,
    );
    if (plain!.n > 0) matches.push({ table, column, rows: plain!.n, decoded: false });
    if (type !== "json" && type !== "jsonb") continue;
    // CASE keeps decode() away from strings that are not base64.
    const [inBase64] = await prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(DISTINCT r.ctid)::int AS n
       FROM ${from} AS r, LATERAL jsonb_path_query(r.${quote(column)}::jsonb, 'strict $.**') AS v(value)
       WHERE jsonb_typeof(v.value) = 'string'
         AND strpos(CASE WHEN length(v.value #>> '{}') % 4 = 0 AND (v.value #>> '{}') ~ '^[A-Za-z0-9+/]{16,}={0,2}$'
           THEN regexp_replace(encode(decode(v.value #>> '{}', 'base64'), 'escape'), E'\\r?\\n[ \\t]', '', 'g') END, $1) > 0`,
      needle,
    );
    if (inBase64!.n > 0) matches.push({ table, column, rows: inBase64!.n, decoded: true });
  }
  return matches;
}

/** Test hooks only: how many interviews, candidates, keys and emails the organisation of a job has (null: no such job). */
export async function countJobOrganizationRows(jobId: string) {
  const prisma = await db();
  const job = await prisma.job.findUnique({ where: { id: jobId }, select: { organizationId: true } });
  if (!job) return null;
  const organizationId = job.organizationId;
  const [interviews, candidates, sessions, emails] = await Promise.all([
    prisma.interview.count({ where: { organizationId } }),
    prisma.candidate.count({ where: { organizationId } }),
    prisma.interviewSession.count({ where: { interview: { organizationId } } }),
    prisma.outboxEmail.count({ where: { organizationId } }),
  ]);
  return { interviews, candidates, sessions, emails };
}

/**
 * An organisation and its signed-in owner in one step, as a confirmed sign-up leaves them (the same
 * createOwnerAccount, a real password hash, a real session row): for specs about what comes after
 * signing up. The sign-up itself has its own specs (e2e/auth.spec.ts).
 */
export async function createSignedInOwner(input: { name: string; email: string; password: string; organizationName: string; timeZone: string }) {
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  const { userId, organizationId } = await prisma.$transaction((tx) => createOwnerAccount(tx, { ...input, passwordHash, emailVerifiedAt: now() }));
  return { userId, organizationId, sessionId: await startSession(userId) };
}

/**
 * Another member of the organisation `ownerEmail` belongs to, with `role` and a signed-in session
 * (a real password hash and session row): for specs that act as each role without inviting and
 * accepting through email (e2e/team.spec.ts does that). Null when no such account exists.
 */
export async function createSignedInMember(input: { ownerEmail: string; role: Role; name: string; email: string; password: string }) {
  const prisma = await db();
  const owner = await prisma.user.findUnique({ where: { email: input.ownerEmail.toLowerCase() }, select: { organizationId: true } });
  if (!owner) return null;
  const user = await prisma.user.create({
    data: { email: input.email.toLowerCase(), name: input.name, passwordHash: await hashPassword(input.password), role: input.role, organizationId: owner.organizationId, emailVerifiedAt: now() },
    select: { id: true },
  });
  return { userId: user.id, organizationId: owner.organizationId, sessionId: await startSession(user.id) };
}

/** Test hooks only: what a transcript row says (null: the answer has none). */
export async function transcriptState(answerId: string) {
  const prisma = await db();
  return prisma.transcript.findUnique({ where: { answerId }, select: { status: true, attempts: true, reason: true } });
}

/**
 * Test hooks only: an answer's transcript written as the pipeline would leave it (replacing any),
 * its parts the answer's kept recordings one after another. Null when there is no such answer.
 */
export async function putTranscript(input: {
  answerId: string;
  status: TranscriptStatus;
  text: string;
  segments: Array<{ startMs: number; endMs: number; text: string }>;
  reason: string | null;
  engine: string;
}) {
  const prisma = await db();
  const answer = await prisma.interviewAnswer.findUnique({
    where: { id: input.answerId },
    select: { interviewId: true, interview: { select: { organizationId: true } }, recordings: { where: { status: { not: RecordingStatus.DISCARDED } }, orderBy: [{ take: "asc" }, { segment: "asc" }], select: { id: true, durationMs: true } } },
  });
  if (!answer) return null;
  let offsetMs = 0;
  const parts = answer.recordings.map((r) => {
    const part = { recordingId: r.id, offsetMs, durationMs: r.durationMs ?? 0 };
    offsetMs += part.durationMs;
    return part;
  });
  const at = now();
  const done = input.status === TranscriptStatus.DONE || input.status === TranscriptStatus.FAILED || input.status === TranscriptStatus.SKIPPED;
  const fields = {
    status: input.status,
    attempts: input.status === TranscriptStatus.FAILED ? 3 : 0,
    nextAttemptAt: at,
    reason: input.reason,
    language: "en",
    engine: input.engine,
    model: "test",
    text: input.text,
    segments: input.segments,
    parts,
    audioMs: offsetMs,
    completedAt: done ? at : null,
  };
  // A new row, as queueTranscription replaces one: a worker still holding the old row writes nothing.
  await prisma.$transaction([
    prisma.transcript.deleteMany({ where: { answerId: input.answerId } }),
    prisma.transcript.create({ data: { answerId: input.answerId, interviewId: answer.interviewId, organizationId: answer.interview.organizationId, ...fields } }),
  ]);
  return { interviewId: answer.interviewId, parts };
}
