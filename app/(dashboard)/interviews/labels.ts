import type { Recommendation } from "@/lib/generated/prisma/enums";

export const RECOMMENDATION_LABELS: Record<Recommendation, string> = { ADVANCE: "Advance", HOLD: "Hold", REJECT: "Reject" };
export const RECOMMENDATION_TONES: Record<Recommendation, "success" | "warning" | "danger"> = { ADVANCE: "success", HOLD: "warning", REJECT: "danger" };

/** Seconds as m:ss, e.g. 72 → "1:12". */
export function formatSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
