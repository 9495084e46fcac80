import { addDays, addMinutes } from "date-fns";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { zonedLocalToUtc } from "@/lib/time-zones";

export interface WindowTimes {
  scheduledAt: Date;
  opensMinutesBefore: number;
  closesMinutesAfter: number;
}

export type WindowPosition = "too_early" | "open" | "closed";

/**
 * The join window: from `opensMinutesBefore` before the start to `closesMinutesAfter` after it.
 * Every value is derived from the start, so a window never has an end without a start.
 */
export function joinWindow({ scheduledAt, opensMinutesBefore, closesMinutesAfter }: WindowTimes) {
  const start = scheduledAt;
  return { opensAt: addMinutes(start, -opensMinutesBefore), startsAt: start, closesAt: addMinutes(start, closesMinutesAfter) };
}

/** Where `now` falls: before the window, inside it (both edges included), or after it. */
export function windowPosition(times: WindowTimes, now: Date): WindowPosition {
  const { opensAt, closesAt } = joinWindow(times);
  if (now < opensAt) return "too_early";
  if (now > closesAt) return "closed";
  return "open";
}

// ── Both modes ─────────────────────────────────────────────────────────────────────────────────
// A SCHEDULED interview is taken in its join window; a DEADLINE one any time from opensAt to
// dueAt. The functions below judge either; joinWindow and windowPosition above stay the
// SCHEDULED arithmetic they always were.

/** What judging an interview of either mode reads. DEADLINE rows have opensAt and dueAt (a CHECK in the database). */
export interface AccessTimes extends WindowTimes {
  mode: InterviewMode;
  opensAt: Date | null;
  dueAt: Date | null;
}

/**
 * When the candidate may start: SCHEDULED, the join window around the booked start; DEADLINE,
 * from opensAt to dueAt (startsAt is opensAt: there is no booked start).
 */
export function accessWindow(times: AccessTimes): { opensAt: Date; startsAt: Date; closesAt: Date } {
  if (times.mode !== InterviewMode.DEADLINE) return joinWindow(times);
  if (!times.opensAt || !times.dueAt) throw new Error("a DEADLINE interview needs opensAt and dueAt");
  return { opensAt: times.opensAt, startsAt: times.opensAt, closesAt: times.dueAt };
}

/** Where `now` falls in accessWindow: before it, inside it (both edges included), or after it. */
export function accessPosition(times: AccessTimes, now: Date): WindowPosition {
  if (times.mode !== InterviewMode.DEADLINE) return windowPosition(times, now);
  const { opensAt, closesAt } = accessWindow(times);
  if (now < opensAt) return "too_early";
  if (now > closesAt) return "closed";
  return "open";
}

/** What the candidate's link shows, as far as the interview's status and the clock decide it. */
export type PortalState =
  | { state: "cancelled" }
  | { state: "completed" }
  | { state: "expired" }
  /** dueAt: a DEADLINE interview's due time (absent for SCHEDULED). */
  | { state: "too_early"; opensAt: Date; startsAt: Date; dueAt?: Date }
  | { state: "open" }
  | { state: "in_progress" };

/**
 * The one judgement of an interview for the portal, both modes: not open yet → a countdown; open
 * → the lobby; started → resume (where exactly — a question, a DEADLINE break, done — the
 * answers decide: model/progress.ts); past its window and never started → expired; completed →
 * thank you. `at` is the server's clock.
 */
export function judgeInterview(interview: AccessTimes & { status: InterviewStatus }, at: Date): PortalState {
  switch (interview.status) {
    case InterviewStatus.CANCELLED:
      return { state: "cancelled" };
    case InterviewStatus.COMPLETED:
      return { state: "completed" };
    case InterviewStatus.EXPIRED:
      return { state: "expired" };
    case InterviewStatus.IN_PROGRESS:
      return { state: "in_progress" };
    case InterviewStatus.SCHEDULED: {
      const position = accessPosition(interview, at);
      if (position === "too_early") {
        const { opensAt, startsAt } = accessWindow(interview);
        return { state: "too_early", opensAt, startsAt, ...(interview.mode === InterviewMode.DEADLINE && interview.dueAt && { dueAt: interview.dueAt }) };
      }
      return position === "closed" ? { state: "expired" } : { state: "open" };
    }
  }
}

/**
 * The hour of the due day a DEADLINE interview is due at, in the candidate's zone: 17:00, the end
 * of a working day rather than midnight. "Friday, 17:00" cannot be misread as the start of Friday,
 * the last reminder (2 h before) arrives in the afternoon rather than at 22:00, and a candidate who
 * runs late and asks for more time does so while the recruiter can still read it that day.
 */
export const DUE_HOUR = 17;

/** The calendar date ("2026-12-05") it is at `at` in `zone`. */
export function dateInZone(at: Date, zone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The UTC instant a DEADLINE interview due on `date` ("2026-12-05") is due: DUE_HOUR that day in `zone`, null for no such date. */
export function dueAtOn(date: string, zone: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return zonedLocalToUtc(`${date}T${String(DUE_HOUR).padStart(2, "0")}:00`, zone);
}

/** The date `days` calendar days after the one it is at `at` in `zone` (DST changes in between make no difference). */
export function dueDateAfter(at: Date, days: number, zone: string): string {
  // Noon UTC of the zone's date: adding whole days to it can never cross into another date.
  return addDays(new Date(`${dateInZone(at, zone)}T12:00:00Z`), days).toISOString().slice(0, 10);
}

/** The default due time: `days` days from `at`, at DUE_HOUR in the candidate's zone. */
export function defaultDueAt(at: Date, days: number, zone: string): Date {
  return dueAtOn(dueDateAfter(at, days, zone), zone)!;
}
