import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { accessPosition, type AccessTimes } from "./window";

export const STATUS_LABELS: Record<InterviewStatus, string> = {
  SCHEDULED: "Scheduled",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
};

/** Interviews nobody can add answers or media to any more. */
export const FINISHED_STATUSES: readonly InterviewStatus[] = [InterviewStatus.COMPLETED, InterviewStatus.EXPIRED, InterviewStatus.CANCELLED];

/** Interviews still going on: not started yet, or being answered now. */
export const OPEN_STATUSES: readonly InterviewStatus[] = [InterviewStatus.SCHEDULED, InterviewStatus.IN_PROGRESS];

/**
 * The interviews list's tabs by status, not by the clock: "upcoming" is every interview still
 * going on (a candidate answering now, or one whose start has passed but whose link is open, is
 * not "past"), "past" every finished one.
 */
export const LIST_GROUPS = { upcoming: OPEN_STATUSES, past: FINISHED_STATUSES } as const;

/** Whether a recruiter may still reschedule, resend or cancel. Compared as the generated enum, never as a string. */
export function isChangeable(status: InterviewStatus): boolean {
  return status === InterviewStatus.SCHEDULED;
}

/** "scheduled", "in progress"…: a status inside a sentence. */
export function statusInSentence(status: InterviewStatus): string {
  return STATUS_LABELS[status].toLowerCase();
}

/**
 * Whether an interview still counts as the candidate's open one for its job at `at`: under way, or
 * scheduled and its link not yet closed. One whose window has closed is expired in all but name
 * until the background round marks it. A candidate has at most one open interview per job.
 */
export function isOpenAt(interview: AccessTimes & { status: InterviewStatus }, at: Date): boolean {
  if (interview.status === InterviewStatus.IN_PROGRESS) return true;
  // Both modes: a DEADLINE interview's link works until dueAt, not for its (zero-minute) join window.
  return interview.status === InterviewStatus.SCHEDULED && accessPosition(interview, at) !== "closed";
}
