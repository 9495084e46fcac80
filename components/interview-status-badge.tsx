import { Badge } from "@/components/ui/badge";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";
import type { BadgeTone } from "@/lib/interviews/model/email-labels";

const TONES: Record<InterviewStatus, "neutral" | "accent" | "success" | "warning" | "danger"> = {
  SCHEDULED: "accent",
  IN_PROGRESS: "warning",
  COMPLETED: "success",
  CANCELLED: "neutral",
  EXPIRED: "danger",
};
const LABELS: Record<InterviewStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};

export function InterviewStatusBadge({ status }: { status: InterviewStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}

/** The interview's email badge (lib/interviews/model/email-labels.ts decides what it says), if it has one. */
export function EmailBadge({ badge }: { badge: { text: string; tone: BadgeTone } | null }) {
  return badge ? <Badge tone={badge.tone}>{badge.text}</Badge> : null;
}
