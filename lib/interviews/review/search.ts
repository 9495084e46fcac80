import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";
import { managesInterviews } from "@/lib/accounts/roles";
import { db } from "@/lib/db";
import { SEARCH_QUERY_MAX } from "@/lib/limits";
import type { Viewer } from "../recruiter/manager";

/** Where a highlighted word starts and stops in a snippet: private-use characters, split into <mark> by the page. */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

export const SEARCH_PAGE_SIZE = 20;

/** How many matches are ranked: the newest ones. More are counted but not shown (narrow the search). */
export const RANKED_MAX = 1_000;

// Two fragments around the matches, as search engines show them. The delimiter is quoted because
// it holds spaces; the markers cannot be typed by a candidate (they are stripped from the text first).
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxFragments=2, MaxWords=28, MinWords=10, FragmentDelimiter=" … "`;

export interface SearchFilters {
  q: string;
  jobId?: string;
  status?: InterviewStatus;
  /** Inclusive lower bound of the answer's submittedAt. */
  from?: Date;
  /** Exclusive upper bound of the answer's submittedAt. */
  to?: Date;
  page?: number;
  limit?: number;
}

export interface SearchHit {
  answerId: string;
  interviewId: string;
  interviewStatus: InterviewStatus;
  candidateName: string;
  jobTitle: string;
  /** 1-based, as the review page numbers questions. */
  questionNumber: number;
  prompt: string;
  kind: "written" | "transcript";
  /** The snippet: plain text and highlighted words, in order. */
  snippet: Array<{ text: string; mark: boolean }>;
  /** For a transcript hit, where the first matching segment starts (s, one decimal); null otherwise. */
  seconds: number | null;
  submittedAt: Date | null;
  rank: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every match the viewer may see; the pages hold the best of the newest RANKED_MAX. */
  total: number;
  hasNext: boolean;
}

type Row = Omit<SearchHit, "snippet" | "seconds" | "questionNumber"> & { headline: string; startMs: number | null; position: number; total: bigint | number };

/**
 * Answers of the viewer's visible interviews whose written text or finished (DONE) transcript
 * matches `q` (web-search syntax: words, "phrases", -not, or), best match first.
 */
export async function searchAnswers(viewer: Viewer, filters: SearchFilters): Promise<SearchResult> {
  // NUL cannot reach PostgreSQL in a text parameter; a bounded query bounds the work.
  const q = filters.q.replaceAll("\u0000", "").slice(0, SEARCH_QUERY_MAX).trim();
  if (!q) return { hits: [], total: 0, hasNext: false };
  const limit = Math.min(Math.max(1, filters.limit ?? SEARCH_PAGE_SIZE), 100);
  const offset = (Math.max(1, filters.page ?? 1) - 1) * limit;
  const prisma = await db();
  const rows = await prisma.$queryRaw<Row[]>(searchSql(viewer, { ...filters, q }, limit + 1, offset));
  const hits = rows.slice(0, limit).map(({ headline, startMs, position, total: _total, ...row }) => ({
    ...row,
    rank: Number(row.rank),
    questionNumber: position + 1,
    snippet: splitMarks(headline),
    seconds: row.kind === "transcript" && startMs !== null ? Math.round(startMs / 100) / 10 : null,
  }));
  return { hits, total: rows.length ? Number(rows[0]!.total) : 0, hasNext: rows.length > limit };
}

/** The interviews' conditions (organisation, role, filters) on `i` (the interview) and `a` (the answer). */
function interviewConditions(viewer: Viewer, filters: SearchFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`i."organizationId" = ${viewer.organizationId}`, Prisma.sql`i."contentDeletedAt" IS NULL`];
  // The same rule as visibleInterviews (recruiter/visibility.ts): a reviewer sees what they were asked
  // to review, and the completed interviews of jobs whose hiring team they are on.
  if (!managesInterviews(viewer.role)) {
    parts.push(Prisma.sql`(EXISTS (SELECT 1 FROM "ReviewRequest" rr WHERE rr."interviewId" = i.id AND rr."reviewerId" = ${viewer.userId})
      OR (i.status = 'COMPLETED' AND EXISTS (SELECT 1 FROM "JobReviewer" jr WHERE jr."jobId" = i."jobId" AND jr."userId" = ${viewer.userId})))`);
  }
  if (filters.jobId) parts.push(Prisma.sql`i."jobId" = ${filters.jobId}`);
  if (filters.status) parts.push(Prisma.sql`i.status = ${filters.status}::"InterviewStatus"`);
  if (filters.from) parts.push(Prisma.sql`a."submittedAt" >= ${filters.from}`);
  if (filters.to) parts.push(Prisma.sql`a."submittedAt" < ${filters.to}`);
  return Prisma.join(parts, " AND ");
}

/**
 * One statement. The first query finds the matches through the GIN indexes — its expressions are
 * exactly the indexed ones, to_tsvector('english', "text") — and counts them; only the newest
 * RANKED_MAX of them are ranked (ranking parses each text again: ranking every answer that says
 * "team" took seconds at 100,000 answers); one page of those is kept, and only for that page come
 * the costly parts: the headline and, for a transcript, the first segment that matches.
 */
function searchSql(viewer: Viewer, filters: SearchFilters, limit: number, offset: number): Prisma.Sql {
  const tsq = Prisma.sql`websearch_to_tsquery('english', ${filters.q})`;
  const where = interviewConditions(viewer, filters);
  return Prisma.sql`
    WITH matches AS (
      SELECT a.id AS "answerId", 'written' AS kind, a."submittedAt"
      FROM "InterviewAnswer" a JOIN "Interview" i ON i.id = a."interviewId"
      WHERE to_tsvector('english', a."text") @@ ${tsq} AND a."answerType" = 'TEXT' AND ${where}
      UNION ALL
      SELECT a.id, 'transcript', a."submittedAt"
      FROM "Transcript" t JOIN "InterviewAnswer" a ON a.id = t."answerId" JOIN "Interview" i ON i.id = t."interviewId"
      WHERE to_tsvector('english', t."text") @@ ${tsq} AND t.status = 'DONE' AND t."organizationId" = ${viewer.organizationId} AND ${where}
    ), newest AS (
      SELECT m.*, count(*) OVER () AS total FROM matches m
      ORDER BY m."submittedAt" DESC NULLS LAST, m."answerId", m.kind
      LIMIT ${RANKED_MAX}
    ), page AS (
      SELECT n.*, ts_rank_cd(to_tsvector('english', CASE WHEN n.kind = 'written' THEN a."text" ELSE t."text" END), ${tsq}) AS rank
      FROM newest n JOIN "InterviewAnswer" a ON a.id = n."answerId"
      LEFT JOIN "Transcript" t ON n.kind = 'transcript' AND t."answerId" = n."answerId"
      ORDER BY rank DESC, n."submittedAt" DESC NULLS LAST, n."answerId", n.kind
      LIMIT ${limit} OFFSET ${offset}
    )
    SELECT p."answerId", p.kind, p.rank, p.total, p."submittedAt", i.id AS "interviewId", i.status AS "interviewStatus",
      c.name AS "candidateName", j.title AS "jobTitle", a.position, a.prompt,
      ts_headline('english', translate(CASE WHEN p.kind = 'written' THEN a."text" ELSE t."text" END, ${MARK_START + MARK_STOP}, ''), ${tsq}, ${HEADLINE_OPTIONS}) AS headline,
      -- The first segment with the whole query, else the first with any of its words (OFFSET 0 keeps
      -- each segment's vector computed once rather than once per use).
      (SELECT (s.segment->>'startMs')::int FROM jsonb_array_elements(t.segments) WITH ORDINALITY AS s(segment, n),
          LATERAL (SELECT to_tsvector('english', COALESCE(s.segment->>'text', '')) AS v OFFSET 0) sv
        WHERE ts_rank(sv.v, ${tsq}) > 0
        ORDER BY sv.v @@ ${tsq} DESC, s.n LIMIT 1) AS "startMs"
    FROM page p
    JOIN "InterviewAnswer" a ON a.id = p."answerId"
    JOIN "Interview" i ON i.id = a."interviewId"
    JOIN "Candidate" c ON c.id = i."candidateId"
    JOIN "Job" j ON j.id = i."jobId"
    LEFT JOIN "Transcript" t ON p.kind = 'transcript' AND t."answerId" = p."answerId"
    ORDER BY p.rank DESC, p."submittedAt" DESC NULLS LAST, p."answerId", p.kind`;
}

/** ts_headline's text with its markers, as plain and highlighted parts. */
export function splitMarks(headline: string): Array<{ text: string; mark: boolean }> {
  const parts: Array<{ text: string; mark: boolean }> = [];
  for (const [i, piece] of headline.split(MARK_START).entries()) {
    if (i === 0) {
      if (piece) parts.push({ text: piece, mark: false });
      continue;
    }
    const stop = piece.indexOf(MARK_STOP);
    const marked = stop === -1 ? piece : piece.slice(0, stop);
    const rest = stop === -1 ? "" : piece.slice(stop + MARK_STOP.length);
    if (marked) parts.push({ text: marked, mark: true });
    if (rest) parts.push({ text: rest.replaceAll(MARK_STOP, ""), mark: false });
  }
  return parts;
}
