import { InterviewStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};

/** Interviews nobody can add answers or media to any more. */
export const FINISHED_STATUSES: readonly InterviewStatus[] = [InterviewStatus.COMPLETED, InterviewStatus.EXPIRED, InterviewStatus.CANCELLED];

/** Whether a recruiter may still reschedule, resend or cancel. Compared as the generated enum, never as a string. */
export function isChangeable(status: InterviewStatus): boolean {
  return status === InterviewStatus.SCHEDULED;
}

/** "scheduled", "in progress"…: a status inside a sentence. */
export function statusInSentence(status: InterviewStatus): string {
  return STATUS_LABELS[status].toLowerCase();
}
