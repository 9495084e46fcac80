import "server-only";
import { managesInterviews } from "@/lib/accounts/roles";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { RecordingStatus, type ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { timeUsedSeconds } from "../model/progress";
import { transcriptParts, transcriptSegments } from "../transcripts/reading";
import type { Viewer } from "../recruiter/manager";
import { visibleInterviews } from "../recruiter/visibility";

const SCORECARD = {
  id: true,
  reviewerId: true,
  reviewerName: true,
  reviewer: { select: { name: true } },
  recommendation: true,
  comment: true,
  submittedAt: true,
  shareLinkId: true,
  ratings: { select: { answerId: true, rating: true, notes: true } },
} as const;

/** An answer as its reviewers read it (a share link's page too): the prompt, the text and the timing. */
export const REVIEWED_ANSWER = {
  id: true,
  position: true,
  prompt: true,
  answerType: true,
  text: true,
  prepSeconds: true,
  answerSeconds: true,
  presentedAt: true,
  answerStartedAt: true,
  submittedAt: true,
  takeStartedAt: true,
} as const;

/** An answer's kept take's recordings (an interrupted take has more than one segment), in order, with `select`'s fields. */
export const keptSegments = <S extends Prisma.RecordingSelect>(select: S) => ({
  where: { status: { not: RecordingStatus.DISCARDED } },
  orderBy: [{ take: "asc" }, { segment: "asc" }] satisfies Prisma.RecordingOrderByWithRelationInput[],
  select,
});

/** What the review reads of an answer's transcript. */
const TRANSCRIPT = { status: true, reason: true, text: true, segments: true, parts: true, engine: true, completedAt: true } as const;

/** A transcript as the review page reads it: its JSON columns typed (and checked). */
function reviewedTranscript({ segments, parts, ...transcript }: Prisma.TranscriptGetPayload<{ select: typeof TRANSCRIPT }>) {
  return { ...transcript, segments: transcriptSegments(segments), parts: transcriptParts(parts) };
}

/**
 * What the review on an interview's page shows the viewer: every answer in order with its time
 * used (no scores on them) and the transcript of a recorded one, the viewer's own scorecard, the others' submitted scorecards — only
 * once the viewer has submitted theirs, or always to a recruiter and above — and the decision.
 * Null when the viewer may not see the interview. External scorecards (left through a share link)
 * are among the others, marked. Others' scorecards are not even read for a
 * reviewer who has not submitted, so no page, payload or log can carry them (blind review).
 */
export async function findReview(viewer: Viewer, interviewId: string) {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({
    where: { id: interviewId, ...visibleInterviews(viewer) },
    select: {
      status: true,
      decision: true,
      decisionComment: true,
      decidedAt: true,
      decidedById: true,
      scorecards: { where: { reviewerId: viewer.userId }, select: SCORECARD },
      answers: {
        orderBy: { position: "asc" },
        select: {
          ...REVIEWED_ANSWER,
          retakes: true,
          recordings: keptSegments({ id: true, take: true, segment: true, status: true, sizeBytes: true, startedAt: true, finishedAt: true, durationMs: true }),
          transcript: { select: TRANSCRIPT },
        },
      },
    },
  });
  if (!interview) return null;
  const { answers, scorecards, decidedById, ...rest } = interview;
  const mine = scorecards[0] ? scorecard(scorecards[0]) : null;
  const seesOthers = managesInterviews(viewer.role) || mine?.submittedAt != null;
  const others = seesOthers
    ? await prisma.scorecard.findMany({
        // Submitted only: a draft may still change, and is its reviewer's own until then.
        // `not` alone would leave out scorecards whose reviewer was removed (null never equals).
        where: { interviewId, submittedAt: { not: null }, OR: [{ reviewerId: null }, { reviewerId: { not: viewer.userId } }] },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        select: SCORECARD,
      })
    : [];
  // decidedById has no relation (the decider may leave); look the name up within the organisation.
  const decider = decidedById ? await prisma.user.findFirst({ where: { id: decidedById, organizationId: viewer.organizationId }, select: { name: true } }) : null;
  return {
    ...rest,
    deciderName: decider?.name ?? null,
    canDecide: managesInterviews(viewer.role),
    mine,
    /** Null: hidden until the viewer submits their own. */
    others: seesOthers ? others.map(scorecard) : null,
    answers: answers.map((answer) => ({
      id: answer.id,
      position: answer.position,
      prompt: answer.prompt,
      answerType: answer.answerType,
      text: answer.text,
      answerSeconds: answer.answerSeconds,
      submitted: answer.submittedAt !== null,
      timeUsedSeconds: timeUsedSeconds(answer),
      takesAllowed: answer.retakes + 1,
      takesUsed: answer.recordings.at(-1)?.take ?? 0,
      recordings: answer.recordings,
      transcript: answer.transcript && reviewedTranscript(answer.transcript),
    })),
  };
}

/** A scorecard as the page reads it: the reviewer's current name while they are a member, the kept one after. */
function scorecard({ reviewer, shareLinkId, ...card }: Omit<ScorecardView, "external"> & { shareLinkId: string | null; reviewer: { name: string } | null }): ScorecardView {
  return { ...card, reviewerName: reviewer?.name ?? card.reviewerName, external: shareLinkId !== null };
}

export interface ScorecardView {
  id: string;
  reviewerId: string | null;
  reviewerName: string;
  recommendation: ScoreRecommendation | null;
  comment: string;
  submittedAt: Date | null;
  /** Left through a share link by someone without an account (their typed-in name). */
  external: boolean;
  ratings: Array<{ answerId: string; rating: number | null; notes: string }>;
}

export type Review = NonNullable<Awaited<ReturnType<typeof findReview>>>;
export type ReviewAnswer = Review["answers"][number];

/** The integrity signals a reviewer reads, oldest first (none when the viewer may not see the interview). */
export async function findSignals(viewer: Viewer, interviewId: string) {
  const prisma = await db();
  return prisma.integritySignal.findMany({
    where: { interviewId, interview: visibleInterviews(viewer) },
    orderBy: { at: "asc" },
    select: { id: true, kind: true, position: true, at: true, detail: true },
  });
}
