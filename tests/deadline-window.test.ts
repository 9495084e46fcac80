// The DEADLINE mode's arithmetic on its own: pure functions, no database.
import { addDays, addSeconds } from "date-fns";
import { describe, expect, it } from "vitest";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { answerTimes, project, type AnswerTiming } from "@/lib/interviews/model/progress";
import { accessPosition, accessWindow, dateInZone, defaultDueAt, dueAtOn, dueDateAfter, judgeInterview, type AccessTimes } from "@/lib/interviews/model/window";

const OPENS = new Date("2026-12-01T09:00:00.000Z");
const DUE = new Date("2026-12-05T16:00:00.000Z");
// scheduledAt is opensAt for DEADLINE rows, and the join-window minutes are 0 (unused).
const DEADLINE: AccessTimes = { mode: InterviewMode.DEADLINE, scheduledAt: OPENS, opensMinutesBefore: 0, closesMinutesAfter: 0, opensAt: OPENS, dueAt: DUE };
const SCHEDULED: AccessTimes = { mode: InterviewMode.SCHEDULED, scheduledAt: OPENS, opensMinutesBefore: 15, closesMinutesAfter: 15, opensAt: null, dueAt: null };

describe("accessWindow and accessPosition", () => {
  it("spans opensAt to dueAt for DEADLINE, and the join window for SCHEDULED", () => {
    expect(accessWindow(DEADLINE)).toEqual({ opensAt: OPENS, startsAt: OPENS, closesAt: DUE });
    expect(accessWindow(SCHEDULED)).toEqual({ opensAt: addSeconds(OPENS, -900), startsAt: OPENS, closesAt: addSeconds(OPENS, 900) });
  });

  it.each([
    ["1 s before it opens", "too_early", addSeconds(OPENS, -1)],
    ["the moment it opens", "open", OPENS],
    ["1 s after it opens", "open", addSeconds(OPENS, 1)],
    // Long after the SCHEDULED join window (15 min) would have closed.
    ["a day after it opens", "open", addDays(OPENS, 1)],
    ["1 s before it is due", "open", addSeconds(DUE, -1)],
    ["the moment it is due", "open", DUE],
    ["1 s after it is due", "closed", addSeconds(DUE, 1)],
  ] as const)("DEADLINE %s → %s", (_label, position, at) => {
    expect(accessPosition(DEADLINE, at)).toBe(position);
  });

  it("refuses to judge a DEADLINE row without its ends", () => {
    expect(() => accessWindow({ ...DEADLINE, dueAt: null })).toThrow(/opensAt and dueAt/);
  });
});

describe("judgeInterview", () => {
  const scheduled = { ...DEADLINE, status: InterviewStatus.SCHEDULED };
  it.each([
    ["1 s before it opens: a countdown to the opening, naming the due time", addSeconds(OPENS, -1), { state: "too_early", opensAt: OPENS, startsAt: OPENS, dueAt: DUE }],
    ["at the opening: the lobby", OPENS, { state: "open" }],
    ["1 s after the opening: the lobby", addSeconds(OPENS, 1), { state: "open" }],
    ["1 s before due: the lobby", addSeconds(DUE, -1), { state: "open" }],
    ["at due: the lobby", DUE, { state: "open" }],
    ["1 s after due, never started: expired", addSeconds(DUE, 1), { state: "expired" }],
  ] as const)("a DEADLINE interview not started, %s", (_label, at, verdict) => {
    expect(judgeInterview(scheduled, at)).toEqual(verdict);
  });

  it("judges a started interview in progress, at any time (the answers decide where it stands)", () => {
    for (const at of [OPENS, DUE, addSeconds(DUE, 1), addDays(DUE, 3)]) {
      expect(judgeInterview({ ...DEADLINE, status: InterviewStatus.IN_PROGRESS }, at)).toEqual({ state: "in_progress" });
    }
  });

  it.each([
    [InterviewStatus.COMPLETED, "completed"],
    [InterviewStatus.EXPIRED, "expired"],
    [InterviewStatus.CANCELLED, "cancelled"],
  ] as const)("judges %s as %s whatever the clock says", (status, state) => {
    for (const at of [addSeconds(OPENS, -1), OPENS, addSeconds(DUE, 1)]) expect(judgeInterview({ ...DEADLINE, status }, at)).toEqual({ state });
  });

  it("gives a SCHEDULED interview's countdown no due time", () => {
    expect(judgeInterview({ ...SCHEDULED, status: InterviewStatus.SCHEDULED }, addDays(OPENS, -1))).toEqual({
      state: "too_early",
      opensAt: addSeconds(OPENS, -900),
      startsAt: OPENS,
    });
  });
});

describe("the default due time: N days from now, 17:00 in the candidate's zone", () => {
  it("is 17:00 local on the date N days after today in that zone", () => {
    // 23:30 UTC on 1 December is already 2 December in Tokyo.
    const at = new Date("2026-12-01T23:30:00.000Z");
    expect(dateInZone(at, "Asia/Tokyo")).toBe("2026-12-02");
    expect(defaultDueAt(at, 7, "Asia/Tokyo")).toEqual(new Date("2026-12-09T08:00:00.000Z"));
    expect(defaultDueAt(at, 7, "America/Los_Angeles")).toEqual(new Date("2026-12-09T01:00:00.000Z"));
  });

  it("stays at 17:00 local across the end of summer time (Berlin, 25 October 2026)", () => {
    const at = new Date("2026-10-20T10:00:00.000Z"); // 12:00 CEST (UTC+2)
    expect(dueDateAfter(at, 7, "Europe/Berlin")).toBe("2026-10-27");
    expect(defaultDueAt(at, 7, "Europe/Berlin")).toEqual(new Date("2026-10-27T16:00:00.000Z")); // 17:00 CET (UTC+1)
    expect(defaultDueAt(at, 1, "Europe/Berlin")).toEqual(new Date("2026-10-21T15:00:00.000Z")); // 17:00 CEST
  });

  it("stays at 17:00 local across the start of summer time (New York, 8 March 2026)", () => {
    const at = new Date("2026-03-05T15:00:00.000Z"); // 10:00 EST (UTC−5)
    expect(defaultDueAt(at, 7, "America/New_York")).toEqual(new Date("2026-03-12T21:00:00.000Z")); // 17:00 EDT (UTC−4)
  });

  it("reads a picked date as 17:00 in the zone, and nothing else as a date", () => {
    expect(dueAtOn("2026-12-05", "Europe/London")).toEqual(new Date("2026-12-05T17:00:00.000Z"));
    for (const bad of ["", "2026-12-5", "2026-02-30", "tomorrow", "2026-12-05T10:00"]) expect(dueAtOn(bad, "Europe/London")).toBeNull();
  });
});

describe("project() with a due time: pausing between questions", () => {
  const T = new Date("2026-03-02T09:00:00.000Z");
  const s = (seconds: number) => addSeconds(T, seconds);
  /** Answers of 30 s preparation and 120 s answer time: one shown at T closes at T+155 s. */
  const answer = (position: number, presented: number | null = null, submitted: number | null = null): AnswerTiming => ({
    id: `a${position}`,
    position,
    prepSeconds: 30,
    answerSeconds: 120,
    presentedAt: presented === null ? null : s(presented),
    answerStartedAt: null,
    submittedAt: submitted === null ? null : s(submitted),
  });
  const due = s(100_000);

  it("a break between questions does not run the next question's clock", () => {
    // Question 1 submitted at +60 s; the candidate leaves and comes back a day later.
    const stored = [answer(0, 0, 60), answer(1), answer(2)];
    const later = s(86_400);
    const p = project(stored, later, due);
    expect(p).toMatchObject({ current: null, finishedAt: null, timedOut: [], presented: [], next: { id: "a1", presentedAt: null } });
    // SCHEDULED shows the next question with the submission, and its clock runs: all run out long ago.
    expect(project([answer(0, 0, 60), answer(1, 60), answer(2)], later)).toMatchObject({ current: null, finishedAt: s(60 + 155 + 155) });
  });

  it("a question whose time runs out is kept, and the next waits for the candidate", () => {
    const p = project([answer(0, 0), answer(1)], s(156), due);
    expect(p).toMatchObject({ current: null, timedOut: [{ id: "a0", submittedAt: s(155) }], presented: [], next: { id: "a1", presentedAt: null } });
  });

  it("a question opened 1 s before the due time is answered to its own end", () => {
    const dueAt = s(1000);
    const stored = [answer(0, 0, 60), answer(1, 999)];
    const close = answerTimes({ ...stored[1]!, presentedAt: s(999) }).closesAt; // +1154 s
    expect(project(stored, addSeconds(dueAt, 1), dueAt)).toMatchObject({ current: { id: "a1" }, finishedAt: null });
    expect(project(stored, close, dueAt)).toMatchObject({ current: { id: "a1" }, finishedAt: null });
    expect(project(stored, addSeconds(close, 1), dueAt)).toMatchObject({ current: null, finishedAt: close, timedOut: [{ id: "a1", submittedAt: close }] });
  });

  it("what is not opened by the due time stays unanswered: over 1 s after it, at the due time", () => {
    const dueAt = s(1000);
    const stored = [answer(0, 0, 60), answer(1), answer(2)];
    expect(project(stored, addSeconds(dueAt, -1), dueAt)).toMatchObject({ finishedAt: null, next: { id: "a1" } });
    expect(project(stored, dueAt, dueAt)).toMatchObject({ finishedAt: null, next: { id: "a1" } });
    const over = project(stored, addSeconds(dueAt, 1), dueAt);
    expect(over).toMatchObject({ current: null, finishedAt: dueAt, timedOut: [], presented: [] });
    expect(over.next).toBeUndefined();
    expect(over.answers.map((a) => [a.presentedAt, a.submittedAt])).toEqual([
      [s(0), s(60)],
      [null, null],
      [null, null],
    ]);
  });

  it("when every question is answered it is over at the last answer, due time or not", () => {
    expect(project([answer(0, 0, 60), answer(1, 500, 600)], s(601), due)).toMatchObject({ current: null, finishedAt: s(600) });
  });
});
