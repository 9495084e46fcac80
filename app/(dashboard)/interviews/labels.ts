import type { Decision, ScoreRecommendation } from "@/lib/generated/prisma/enums";

export const DECISION_LABELS: Record<Decision, string> = { ADVANCE: "Advance", HOLD: "Hold", REJECT: "Reject" };
export const DECISION_TONES: Record<Decision, "success" | "warning" | "danger"> = { ADVANCE: "success", HOLD: "warning", REJECT: "danger" };

/** A reviewer's recommendation on their scorecard, weakest first (the order the form and the tally show). */
export const SCORE_RECOMMENDATION_LABELS: Record<ScoreRecommendation, string> = { STRONG_NO: "Strong no", NO: "No", YES: "Yes", STRONG_YES: "Strong yes" };

/** Seconds as m:ss, e.g. 72 → "1:12". */
export function formatSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
