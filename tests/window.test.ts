import { addMinutes, addSeconds } from "date-fns";
import { describe, expect, it } from "vitest";
import { joinWindow, windowPosition, type WindowTimes } from "@/lib/interviews/model/window";

const START = new Date("2026-06-01T12:00:00.000Z");
const DEFAULT: WindowTimes = { scheduledAt: START, opensMinutesBefore: 15, closesMinutesAfter: 15 };

describe("joinWindow", () => {
  it("opens 15 minutes before and closes 15 minutes after the start by default", () => {
    expect(joinWindow(DEFAULT)).toEqual({
      opensAt: new Date("2026-06-01T11:45:00.000Z"),
      startsAt: START,
      closesAt: new Date("2026-06-01T12:15:00.000Z"),
    });
  });

  it.each([
    [0, 0, "2026-06-01T12:00:00.000Z", "2026-06-01T12:00:00.000Z"],
    [0, 30, "2026-06-01T12:00:00.000Z", "2026-06-01T12:30:00.000Z"],
    [5, 60, "2026-06-01T11:55:00.000Z", "2026-06-01T13:00:00.000Z"],
    [90, 1, "2026-06-01T10:30:00.000Z", "2026-06-01T12:01:00.000Z"],
  ])("opens %i min before and closes %i min after", (opensMinutesBefore, closesMinutesAfter, opensAt, closesAt) => {
    expect(joinWindow({ scheduledAt: START, opensMinutesBefore, closesMinutesAfter })).toEqual({
      opensAt: new Date(opensAt),
      startsAt: START,
      closesAt: new Date(closesAt),
    });
  });

  it("does not change the start it was given", () => {
    const scheduledAt = new Date(START);
    joinWindow({ scheduledAt, opensMinutesBefore: 15, closesMinutesAfter: 15 });
    expect(scheduledAt).toEqual(START);
  });
});

describe("windowPosition at the edges", () => {
  const { opensAt, closesAt } = joinWindow(DEFAULT);
  it.each([
    ["1 s before it opens", "too_early", addSeconds(opensAt, -1)],
    ["the moment it opens", "open", opensAt],
    ["1 s after it opens", "open", addSeconds(opensAt, 1)],
    ["1 ms before it opens", "too_early", new Date(opensAt.getTime() - 1)],
    ["the start", "open", START],
    ["1 s before it closes", "open", addSeconds(closesAt, -1)],
    ["the moment it closes", "open", closesAt],
    ["1 ms after it closes", "closed", new Date(closesAt.getTime() + 1)],
    ["1 s after it closes", "closed", addSeconds(closesAt, 1)],
  ] as const)("%s → %s", (_label, position, at) => {
    expect(windowPosition(DEFAULT, at)).toBe(position);
  });

  it("with a custom window (5 min before, 60 after)", () => {
    const times = { scheduledAt: START, opensMinutesBefore: 5, closesMinutesAfter: 60 };
    expect(windowPosition(times, addSeconds(addMinutes(START, -5), -1))).toBe("too_early");
    expect(windowPosition(times, addMinutes(START, -5))).toBe("open");
    expect(windowPosition(times, addMinutes(START, 60))).toBe("open");
    expect(windowPosition(times, addSeconds(addMinutes(START, 60), 1))).toBe("closed");
    // Inside the default window but outside this one.
    expect(windowPosition(times, addMinutes(START, -10))).toBe("too_early");
  });

  it("with a zero-length window, only the start itself is open", () => {
    const times = { scheduledAt: START, opensMinutesBefore: 0, closesMinutesAfter: 0 };
    expect(windowPosition(times, addSeconds(START, -1))).toBe("too_early");
    expect(windowPosition(times, START)).toBe("open");
    expect(windowPosition(times, addSeconds(START, 1))).toBe("closed");
  });
});

// A window computed from a start that is not yet assigned crashes every link that opens
// (../shared/reference: the UnboundLocalError report); the start must be read first.
describe("regression: UnboundLocalError, start_time referenced before assignment", () => {
  /** The times, behind a proxy that records which fields are read, in order. */
  function recorded(times: WindowTimes) {
    const reads: string[] = [];
    const proxy = new Proxy(times, {
      get(target, property, receiver) {
        reads.push(String(property));
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    return { proxy, reads };
  }

  it.each([
    [START, 15, 15],
    [START, 0, 15],
    [START, 0, 0],
    [new Date("2026-12-31T23:50:00.000Z"), 0, 30],
    [new Date("1970-01-01T00:00:00.000Z"), 10, 10],
  ])("derives every edge from scheduledAt alone (%s, opens %i, closes %i)", (scheduledAt, opensMinutesBefore, closesMinutesAfter) => {
    const { proxy, reads } = recorded({ scheduledAt, opensMinutesBefore, closesMinutesAfter });
    const window = joinWindow(proxy);
    expect(new Set(reads)).toEqual(new Set(["scheduledAt", "opensMinutesBefore", "closesMinutesAfter"]));
    for (const edge of Object.values(window)) expect(Number.isNaN(edge.getTime())).toBe(false);
    expect(window.startsAt.getTime()).toBe(scheduledAt.getTime());
    expect(window.opensAt.getTime()).toBe(scheduledAt.getTime() - opensMinutesBefore * 60_000);
    expect(window.closesAt.getTime()).toBe(scheduledAt.getTime() + closesMinutesAfter * 60_000);
  });

  it("decides a position from the same three fields, with no other state", () => {
    const { proxy, reads } = recorded({ scheduledAt: START, opensMinutesBefore: 0, closesMinutesAfter: 15 });
    expect(windowPosition(proxy, START)).toBe("open");
    expect(windowPosition(proxy, addMinutes(START, 15))).toBe("open");
    expect(windowPosition(proxy, addSeconds(START, -1))).toBe("too_early");
    expect(new Set(reads)).toEqual(new Set(["scheduledAt", "opensMinutesBefore", "closesMinutesAfter"]));
  });
});
