import type { AnswerType, WorkplaceType } from "@/lib/generated/prisma/enums";

export const WORKPLACE_LABELS: Record<WorkplaceType, string> = { ONSITE: "On-site", HYBRID: "Hybrid", REMOTE: "Remote" };
export const ANSWER_TYPE_LABELS: Record<AnswerType, string> = { TEXT: "Text", VIDEO: "Video", AUDIO: "Audio" };
