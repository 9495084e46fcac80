import { Badge } from "@/components/ui/badge";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";

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

const DELIVERY_TONES: Record<string, "neutral" | "accent" | "success" | "warning" | "danger"> = {
  queued: "neutral",
  sending: "neutral",
  retrying: "warning",
  sent: "accent",
  delivered: "success",
  delayed: "warning",
  bounced: "danger",
  "marked as spam": "danger",
  failed: "danger",
  withdrawn: "neutral",
  "no invitation": "neutral",
};

export function DeliveryBadge({ label }: { label: string }) {
  return <Badge tone={DELIVERY_TONES[label] ?? "neutral"}>Invitation {label}</Badge>;
}
