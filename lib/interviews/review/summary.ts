import { ScoreRecommendation } from "@/lib/generated/prisma/enums";

/** What the summary reads of a scorecard (findReview's shape, or any other with these fields). */
export interface ScorecardForSummary {
  reviewerName: string;
  /** Left through a share link by someone without an account. */
  external?: boolean;
  recommendation: ScoreRecommendation | null;
  submittedAt: Date | null;
  ratings: ReadonlyArray<{ answerId: string; rating: number | null }>;
}

export interface QuestionSummary {
  answerId: string;
  position: number;
  /** Mean of the submitted ratings, one decimal; null when nobody rated this answer. */
  mean: number | null;
  /** Highest minus lowest rating (0 with one rating); null when nobody rated it. */
  spread: number | null;
  /** Two points or more apart: worth a conversation before deciding. */
  disagreement: boolean;
  ratings: Array<{ reviewerName: string; external: boolean; rating: number }>;
}

export interface ReviewSummary {
  /** Submitted scorecards: the only ones counted (a draft may still change). */
  submitted: number;
  /**
   * Mean of every submitted rating, one decimal; null when there is none. The compare view's
   * "overall" is the same figure (summed in SQL there): all ratings count alike, not each question's mean.
   */
  overallMean: number | null;
  questions: QuestionSummary[];
  recommendations: Record<ScoreRecommendation, number>;
  /** Who recommended what, in the order the scorecards came. */
  recommendedBy: Array<{ reviewerName: string; external: boolean; recommendation: ScoreRecommendation }>;
}

/** Spread at which reviewers are flagged as disagreeing on an answer. */
export const DISAGREEMENT_SPREAD = 2;

/** The hiring team's scorecards side by side: per question the mean, spread and who gave what; the recommendations tallied. */
export function summarise(scorecards: readonly ScorecardForSummary[], answers: ReadonlyArray<{ id: string; position: number }>): ReviewSummary {
  const submitted = scorecards.filter((card) => card.submittedAt !== null);
  const questions = answers.map((answer): QuestionSummary => {
    const ratings = submitted.flatMap((card) => {
      const rating = card.ratings.find((r) => r.answerId === answer.id)?.rating;
      return typeof rating === "number" ? [{ reviewerName: card.reviewerName, external: card.external === true, rating }] : [];
    });
    if (ratings.length === 0) return { answerId: answer.id, position: answer.position, mean: null, spread: null, disagreement: false, ratings };
    const values = ratings.map((r) => r.rating);
    const spread = Math.max(...values) - Math.min(...values);
    const mean = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    return { answerId: answer.id, position: answer.position, mean, spread, disagreement: spread >= DISAGREEMENT_SPREAD, ratings };
  });
  const recommendations = { [ScoreRecommendation.STRONG_NO]: 0, [ScoreRecommendation.NO]: 0, [ScoreRecommendation.YES]: 0, [ScoreRecommendation.STRONG_YES]: 0 };
  const recommendedBy: ReviewSummary["recommendedBy"] = [];
  for (const card of submitted) {
    if (!card.recommendation) continue;
    recommendations[card.recommendation] += 1;
    recommendedBy.push({ reviewerName: card.reviewerName, external: card.external === true, recommendation: card.recommendation });
  }
  const all = questions.flatMap((q) => q.ratings.map((r) => r.rating));
  const overallMean = all.length ? Math.round((all.reduce((a, b) => a + b, 0) / all.length) * 10) / 10 : null;
  return { submitted: submitted.length, overallMean, questions, recommendations, recommendedBy };
}
