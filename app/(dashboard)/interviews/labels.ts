import type { Decision, ScoreRecommendation } from "@/lib/generated/prisma/enums";

export const DECISION_LABELS: Record<Decision, string> = { ADVANCE: "Advance", HOLD: "Hold", REJECT: "Reject" };
export const DECISION_TONES: Record<Decision, "success" | "warning" | "danger"> = { ADVANCE: "success", HOLD: "warning", REJECT: "danger" };

/** A reviewer's recommendation on their scorecard, weakest first (the order the form and the tally show). */
export const SCORE_RECOMMENDATION_LABELS: Record<ScoreRecommendation, string> = { STRONG_NO: "Strong no", NO: "No", YES: "Yes", STRONG_YES: "Strong yes" };

/** A place in a recording, as players' own clocks show it: m:ss, h:mm:ss past an hour (whole seconds, rounded down). */
export function mediaClock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}` : `${m}:${String(s).padStart(2, "0")}`;
}

/** Seconds as m:ss, e.g. 72 → "1:12". */
export function formatSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
