import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { managesInterviews } from "@/lib/accounts/roles";
import { db } from "@/lib/db";
import { AnswerType, Decision, InterviewStatus, RecordingStatus } from "@/lib/generated/prisma/enums";
import type { Viewer } from "../recruiter/manager";
import { visibleInterviews } from "../recruiter/visibility";

export const COMPARE_SORTS = ["completed", "mean-desc", "mean-asc"] as const;
export type CompareSort = (typeof COMPARE_SORTS)[number];
export const COMPARE_DECISIONS = ["all", "advance", "hold", "reject", "undecided"] as const;
export type CompareDecision = (typeof COMPARE_DECISIONS)[number];

export interface CompareFilters {
  sort: CompareSort;
  decision: CompareDecision;
  /** Only interviews the viewer has not submitted a scorecard for. */
  notReviewedByMe: boolean;
  /** 0-based position of the question shown. */
  question: number;
}

const DECISION_OF: Record<Exclude<CompareDecision, "all" | "undecided">, Decision> = { advance: Decision.ADVANCE, hold: Decision.HOLD, reject: Decision.REJECT };

/**
 * The scorecards whose ratings a viewer may count in a mean, as a `where` on Scorecard: submitted
 * ones, and — for a reviewer — only on interviews where their own is submitted too (blind review).
 * Recruiters and above always see submitted scorecards.
 */
function countedScorecards(viewer: Viewer): Prisma.ScorecardWhereInput {
  if (managesInterviews(viewer.role)) return { submittedAt: { not: null } };
  return { submittedAt: { not: null }, interview: { scorecards: { some: { reviewerId: viewer.userId, submittedAt: { not: null } } } } };
}

/**
 * The job whose candidates the viewer may compare, or null: another organisation's or an unknown
 * job, or — for a reviewer — one none of whose interviews they were asked to review (they do not
 * learn that it exists). One query: the page's layout asks it before anything streams, for a real 404.
 */
export async function findComparableJob(viewer: Viewer, jobId: string): Promise<{ id: string; title: string } | null> {
  const prisma = await db();
  return prisma.job.findFirst({
    where: { id: jobId, organizationId: viewer.organizationId, ...(managesInterviews(viewer.role) ? {} : { interviews: { some: visibleInterviews(viewer) } }) },
    select: { id: true, title: true },
  });
}

/**
 * A job's completed interviews side by side for one question: each candidate's answer to it, the
 * team's mean rating on it and overall (only what the viewer may see: submitted scorecards, and for
 * a reviewer only once their own on that interview is submitted — decided in the queries, so a
 * blind reviewer's result holds no one else's score), and the viewer's own rating. Sorted and
 * filtered as asked. Null where findComparableJob is. Five queries, all at once after the job's, whatever the number of interviews.
 */
export async function compareJob(viewer: Viewer, jobId: string, filters: CompareFilters) {
  const prisma = await db();
  const visible = { jobId, status: InterviewStatus.COMPLETED, ...visibleInterviews(viewer) } satisfies Prisma.InterviewWhereInput;
  const [job, completedCount] = await Promise.all([
    prisma.job.findFirst({
      where: { id: jobId, organizationId: viewer.organizationId },
      select: { id: true, title: true, questions: { orderBy: { position: "asc" }, select: { position: true, prompt: true, answerType: true } } },
    }),
    prisma.interview.count({ where: visible }),
  ]);
  if (!job) return null;
  if (!managesInterviews(viewer.role) && completedCount === 0 && !(await findComparableJob(viewer, jobId))) return null;
  const questionCount = job.questions.length;
  const position = Math.min(Math.max(0, filters.question), Math.max(0, questionCount - 1));

  const where: Prisma.InterviewWhereInput = {
    ...visible,
    ...(filters.decision === "undecided" ? { decision: null } : filters.decision !== "all" ? { decision: DECISION_OF[filters.decision] } : {}),
    ...(filters.notReviewedByMe ? { NOT: { scorecards: { some: { reviewerId: viewer.userId, submittedAt: { not: null } } } } } : {}),
  };
  const [interviews, sums, owners] = await Promise.all([
    prisma.interview.findMany({
      where,
      orderBy: [{ completedAt: "desc" }, { id: "asc" }],
      select: {
        id: true,
        completedAt: true,
        decision: true,
        candidate: { select: { name: true } },
        // The viewer's own scorecard only: its state, and its rating of the question shown.
        scorecards: {
          where: { reviewerId: viewer.userId },
          select: { submittedAt: true, ratings: { where: { answer: { position } }, select: { answerId: true, rating: true, notes: true } } },
        },
        answers: {
          where: { position },
          select: {
            id: true,
            answerType: true,
            text: true,
            submittedAt: true,
            recordings: {
              where: { status: { not: RecordingStatus.DISCARDED } },
              orderBy: [{ take: "asc" }, { segment: "asc" }],
              select: { id: true, segment: true, durationMs: true },
            },
          },
        },
      },
    }),
    // Sums and counts of the ratings the viewer may count, per answer: the means without reading a single scorecard row.
    prisma.scorecardRating.groupBy({
      by: ["answerId"],
      where: { rating: { not: null }, scorecard: countedScorecards(viewer), answer: { interview: where } },
      _sum: { rating: true },
      _count: { rating: true },
    }),
    // Which interview each answer belongs to, to add the per-answer sums up (by the same filter: no list of ids).
    prisma.interviewAnswer.findMany({ where: { interview: where }, select: { id: true, interviewId: true } }),
  ]);
  const rows = rowsOf(interviews, sums, owners, filters.sort);
  // What the page tells a reviewer about an empty mean: hidden until they submit, not "nobody rated".
  const blind = !managesInterviews(viewer.role);
  return { job: { id: job.id, title: job.title }, questions: job.questions, position, completedCount, rows: rows.map((row) => ({ ...row, meansHidden: blind && !row.submittedByMe })) };
}

type Interviews = Array<{
  id: string;
  completedAt: Date | null;
  decision: Decision | null;
  candidate: { name: string };
  scorecards: Array<{ submittedAt: Date | null; ratings: Array<{ answerId: string; rating: number | null; notes: string }> }>;
  answers: Array<{ id: string; answerType: AnswerType; text: string; submittedAt: Date | null; recordings: Array<{ id: string; segment: number; durationMs: number | null }> }>;
}>;
type Sums = Array<{ answerId: string; _sum: { rating: number | null }; _count: { rating: number } }>;

function rowsOf(interviews: Interviews, sums: Sums, owners: Array<{ id: string; interviewId: string }>, sort: CompareSort) {
  const interviewOf = new Map(owners.map((a) => [a.id, a.interviewId]));
  const totals = new Map<string, { sum: number; count: number }>();
  const byAnswer = new Map<string, { sum: number; count: number }>();
  for (const s of sums) {
    const sum = s._sum.rating ?? 0;
    byAnswer.set(s.answerId, { sum, count: s._count.rating });
    const id = interviewOf.get(s.answerId)!;
    const t = totals.get(id) ?? { sum: 0, count: 0 };
    totals.set(id, { sum: t.sum + sum, count: t.count + s._count.rating });
  }
  const mean = (t: { sum: number; count: number } | undefined) => (t && t.count > 0 ? Math.round((t.sum / t.count) * 10) / 10 : null);
  const rows = interviews.map((interview) => {
    const own = interview.scorecards[0] ?? null;
    const answer = interview.answers[0] ?? null;
    const mine = answer ? own?.ratings.find((r) => r.answerId === answer.id) : undefined;
    return {
      interviewId: interview.id,
      candidateName: interview.candidate.name,
      completedAt: interview.completedAt,
      decision: interview.decision,
      /** Mean of every counted rating on the interview; null when none (or hidden from the viewer). */
      overallMean: mean(totals.get(interview.id)),
      ratingCount: totals.get(interview.id)?.count ?? 0,
      submittedByMe: own?.submittedAt != null,
      answer: answer && {
        id: answer.id,
        answerType: answer.answerType,
        text: answer.answerType === AnswerType.TEXT ? answer.text : "",
        submitted: answer.submittedAt !== null,
        recordings: answer.recordings,
        mean: mean(byAnswer.get(answer.id)),
        ratingCount: byAnswer.get(answer.id)?.count ?? 0,
        myRating: mine?.rating ?? null,
        myNotes: mine?.notes ?? "",
      },
    };
  });
  if (sort !== "completed") {
    const direction = sort === "mean-desc" ? -1 : 1;
    // Stable: ties keep the newest-completed-first order; unrated last either way.
    rows.sort((a, b) => (a.overallMean === null ? (b.overallMean === null ? 0 : 1) : b.overallMean === null ? -1 : direction * (a.overallMean - b.overallMean)));
  }
  return rows;
}

export type Comparison = NonNullable<Awaited<ReturnType<typeof compareJob>>>;
export type CompareRow = Comparison["rows"][number];

/** The page's search params as filters: anything unknown falls back to the default. */
export function parseCompareFilters(params: Record<string, string | string[] | undefined>): CompareFilters {
  const one = (key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
  const sort = one("sort");
  const decision = one("decision");
  const question = Number(one("q") ?? "1");
  return {
    sort: (COMPARE_SORTS as readonly string[]).includes(sort ?? "") ? (sort as CompareSort) : "completed",
    decision: (COMPARE_DECISIONS as readonly string[]).includes(decision ?? "") ? (decision as CompareDecision) : "all",
    notReviewedByMe: one("mine") === "unreviewed",
    question: Number.isInteger(question) && question >= 1 ? question - 1 : 0,
  };
}
