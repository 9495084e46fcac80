import "server-only";
import type { Tx } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import type { ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { member, recordEvent } from "../audit";
import type { Viewer } from "../recruiter/manager";
import { withReviewLock } from "./access";

export interface RatingInput {
  /** 1–5, or null to clear the rating. */
  rating: number | null;
  notes: string;
}

export interface RecommendationInput {
  /** Null while the reviewer has not chosen one (the draft keeps their comment). */
  recommendation: ScoreRecommendation | null;
  comment: string;
}

const LOCKED = "You have submitted your scorecard, so it is locked. Reopen it to change it.";

/**
 * The viewer's own scorecard on the interview, created as a draft on their first save (with their
 * name kept beside it, for when the account is gone). Refused once submitted. The interview's row
 * lock is held, so two saves of the same reviewer never create two scorecards.
 */
async function ownDraft(tx: Tx, viewer: Viewer, interviewId: string): Promise<{ id: string }> {
  const existing = await tx.scorecard.findFirst({ where: { interviewId, reviewerId: viewer.userId }, select: { id: true, submittedAt: true } });
  if (existing?.submittedAt) throw new StateError(LOCKED);
  if (existing) return existing;
  const user = await tx.user.findFirstOrThrow({ where: { id: viewer.userId, organizationId: viewer.organizationId }, select: { name: true } });
  return tx.scorecard.create({
    data: { organizationId: viewer.organizationId, interviewId, reviewerId: viewer.userId, reviewerName: user.name },
    select: { id: true },
  });
}

/**
 * Saves the viewer's rating (1–5 or none) and notes on one answer, on their own draft scorecard.
 * Nobody else's scorecard is touched, so two reviewers never overwrite each other. No audit event
 * per save: the page saves as the reviewer types, and the trail would show scores before they submit.
 */
export async function saveRating(viewer: Viewer, interviewId: string, answerId: string, input: RatingInput): Promise<void> {
  await withReviewLock(viewer, interviewId, async (tx) => {
    // The answer must belong to this interview: an answer id from elsewhere is "not found".
    const answer = await tx.interviewAnswer.findFirst({ where: { id: answerId, interviewId }, select: { id: true } });
    if (!answer) throw new NotFoundError("Answer");
    const card = await ownDraft(tx, viewer, interviewId);
    await tx.scorecardRating.upsert({
      where: { scorecardId_answerId: { scorecardId: card.id, answerId } },
      create: { scorecardId: card.id, answerId, rating: input.rating, notes: input.notes },
      update: { rating: input.rating, notes: input.notes },
    });
  });
}

/** Saves the viewer's overall recommendation and comment on their own draft scorecard. */
export async function saveRecommendation(viewer: Viewer, interviewId: string, input: RecommendationInput): Promise<void> {
  await withReviewLock(viewer, interviewId, async (tx) => {
    const card = await ownDraft(tx, viewer, interviewId);
    await tx.scorecard.update({ where: { id: card.id }, data: { recommendation: input.recommendation, comment: input.comment } });
  });
}

/**
 * Submits the viewer's scorecard: it is locked, counts in the summary, and the viewer may now read
 * the others'. A recommendation is required (the tally would otherwise count a reviewer who said nothing).
 * `final` (the form's recommendation and comment) is saved first, in the same transaction.
 */
export async function submitScorecard(viewer: Viewer, interviewId: string, final?: RecommendationInput): Promise<void> {
  await withReviewLock(viewer, interviewId, async (tx, at) => {
    const existing = await tx.scorecard.findFirst({ where: { interviewId, reviewerId: viewer.userId }, select: { submittedAt: true } });
    if (existing?.submittedAt) throw new StateError("You have already submitted your scorecard.");
    // The form's last recommendation and comment are saved with the submission, in the same transaction.
    const card = final
      ? await tx.scorecard.update({ where: { id: (await ownDraft(tx, viewer, interviewId)).id }, data: { recommendation: final.recommendation, comment: final.comment }, select: { id: true, recommendation: true } })
      : await tx.scorecard.findFirst({ where: { interviewId, reviewerId: viewer.userId }, select: { id: true, recommendation: true } });
    if (!card?.recommendation) throw new FieldError("recommendation", "Choose your recommendation before submitting.");
    await tx.scorecard.update({ where: { id: card.id }, data: { submittedAt: at } });
    await recordEvent(tx, {
      organizationId: viewer.organizationId,
      interviewId,
      actor: member(viewer.userId),
      type: "scorecard.submitted",
      data: { scorecardId: card.id, recommendation: card.recommendation },
      at,
    });
  });
}

/**
 * Reopens the viewer's own submitted scorecard for changes, while the hiring decision is not made:
 * after it, the scorecards are the record of what the decision was based on.
 */
export async function reopenScorecard(viewer: Viewer, interviewId: string): Promise<void> {
  await withReviewLock(viewer, interviewId, async (tx, at) => {
    const interview = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { decision: true } });
    if (interview.decision) throw new StateError("The hiring decision has been made, so scorecards can no longer be reopened.");
    const card = await tx.scorecard.findFirst({ where: { interviewId, reviewerId: viewer.userId }, select: { id: true, submittedAt: true } });
    if (!card?.submittedAt) throw new StateError("Your scorecard is not submitted, so there is nothing to reopen.");
    await tx.scorecard.update({ where: { id: card.id }, data: { submittedAt: null } });
    await recordEvent(tx, { organizationId: viewer.organizationId, interviewId, actor: member(viewer.userId), type: "scorecard.reopened", data: { scorecardId: card.id }, at });
  });
}
