import type { AnswerType, WorkplaceType } from "@/lib/generated/prisma/enums";

export const WORKPLACE_LABELS: Record<WorkplaceType, string> = { ONSITE: "On-site", HYBRID: "Hybrid", REMOTE: "Remote" };
export const ANSWER_TYPE_LABELS: Record<AnswerType, string> = { TEXT: "Text", VIDEO: "Video", AUDIO: "Audio" };

/** Seconds as words: 45 → "45 s", 120 → "2 min", 150 → "2 min 30 s". */
function duration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** A question's times (and retakes, for recorded answers): "30 s to prepare · 2 min to answer · 1 retake". */
export function describeTimes(q: { answerType: AnswerType; prepSeconds: number; answerSeconds: number; retakes: number }): string {
  const parts = [q.prepSeconds ? `${duration(q.prepSeconds)} to prepare` : "no preparation time", `${duration(q.answerSeconds)} to answer`];
  if (q.answerType !== "TEXT") parts.push(q.retakes === 0 ? "no retakes" : q.retakes === 1 ? "1 retake" : `${q.retakes} retakes`);
  return parts.join(" · ");
}
