import { addMinutes } from "date-fns";

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
