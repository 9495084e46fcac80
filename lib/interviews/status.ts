import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";

/**
 * Whether an email of `kind` may still go out for an interview in `status`. Compared as the
 * generated enum, never as strings (the original system compared a status to lower-case strings
 * that never matched, and sent nothing).
 */
export function mayEmailGoOut(kind: EmailKind, status: InterviewStatus | null): boolean {
  switch (kind) {
    case EmailKind.INVITATION:
    case EmailKind.RESCHEDULED:
    case EmailKind.REMINDER_24H:
    case EmailKind.REMINDER_1H:
      return status === InterviewStatus.SCHEDULED;
    case EmailKind.CANCELLED:
      return status === InterviewStatus.CANCELLED;
    case EmailKind.CANDIDATE_COMPLETED:
      return status === InterviewStatus.COMPLETED;
    case EmailKind.INVITATION_BOUNCED:
    case EmailKind.TEAM_INVITE:
    case EmailKind.RESCHEDULE_REQUESTED:
    case EmailKind.ACCOMMODATION_REQUESTED:
    case EmailKind.DELETION_REQUESTED:
      return true;
  }
}

/** Whether a recruiter may still reschedule, resend or cancel. */
export function isChangeable(status: InterviewStatus): boolean {
  return status === InterviewStatus.SCHEDULED;
}

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};
