// The interview clock on its own: pure functions, no database.
import { addSeconds } from "date-fns";
import { describe, expect, it } from "vitest";
import { ANSWER_GRACE_SECONDS, answerTimes, phaseAt, project, type AnswerTiming } from "@/lib/interviews/model/progress";

const T = new Date("2026-03-02T09:00:00.000Z");
const s = (seconds: number) => addSeconds(T, seconds);

/** One answer; times are seconds after T (null for none). Prep 30 s and answer 120 s unless told. */
function answer(
  position: number,
  { prep = 30, answer: answerSeconds = 120, presented = null, started = null, submitted = null }: {
    prep?: number;
    answer?: number;
    presented?: number | null;
    started?: number | null;
    submitted?: number | null;
  } = {},
): AnswerTiming {
  const at = (seconds: number | null) => (seconds === null ? null : s(seconds));
  return {
    id: `a${position}`,
    position,
    prepSeconds: prep,
    answerSeconds,
    presentedAt: at(presented),
    answerStartedAt: at(started),
    submittedAt: at(submitted),
  };
}

describe("answerTimes and phaseAt", () => {
  // Presented at T: preparation to T+30, answering to T+150, accepted until T+155.
  const shown = answer(0, { presented: 0 });

  it("derives preparation end, answer start, deadline and close from the presentation", () => {
    expect(ANSWER_GRACE_SECONDS).toBe(5);
    expect(answerTimes(shown)).toEqual({ prepEndsAt: s(30), answerStartsAt: s(30), takeStartsAt: s(30), deadline: s(150), closesAt: s(155) });
  });

  it.each([
    ["the moment it is shown", 0, "preparing"],
    ["1 s before answering starts", 29, "preparing"],
    ["the moment answering starts", 30, "answering"],
    ["1 s after answering starts", 31, "answering"],
    ["1 s before the deadline", 149, "answering"],
    ["the deadline", 150, "answering"],
    ["1 s after the deadline (grace)", 151, "answering"],
    ["1 s before it closes", 154, "answering"],
    ["the moment it closes", 155, "answering"],
    ["1 s after it closes", 156, "overdue"],
  ] as const)("%s (T+%i s) → %s", (_label, seconds, phase) => {
    expect(phaseAt(shown, s(seconds))).toBe(phase);
  });

  it("refuses a question that was never shown", () => {
    expect(() => answerTimes(answer(3))).toThrow(/question 3 has not been presented/);
  });

  it("starting to answer during preparation shortens it and moves the deadline forward", () => {
    const early = answer(0, { presented: 0, started: 10 });
    expect(answerTimes(early)).toEqual({ prepEndsAt: s(30), answerStartsAt: s(10), takeStartsAt: s(10), deadline: s(130), closesAt: s(135) });
    expect(phaseAt(early, s(9))).toBe("preparing");
    expect(phaseAt(early, s(10))).toBe("answering");
    expect(phaseAt(early, s(135))).toBe("answering");
    expect(phaseAt(early, s(136))).toBe("overdue");
  });

  it("a retake restarts the answer time from when it started (a second before, at and after its deadline)", () => {
    const retaken = { ...answer(0, { presented: 0 }), takeStartedAt: s(100) };
    expect(answerTimes(retaken)).toMatchObject({ answerStartsAt: s(30), takeStartsAt: s(100), deadline: s(220), closesAt: s(225) });
    expect(phaseAt(retaken, s(224))).toBe("answering");
    expect(phaseAt(retaken, s(225))).toBe("answering");
    expect(phaseAt(retaken, s(226))).toBe("overdue");
    // A take "started" before answering did (never written by the app) changes nothing.
    expect(answerTimes({ ...answer(0, { presented: 0 }), takeStartedAt: s(5) })).toEqual(answerTimes(shown));
  });

  it.each([
    ["at the end of preparation", 30],
    ["after the end of preparation", 40],
  ])("an answerStartedAt %s is ignored: answering started when preparation ended", (_label, started) => {
    const late = answer(0, { presented: 0, started });
    expect(answerTimes(late)).toEqual(answerTimes(shown));
    expect(phaseAt(late, s(29))).toBe("preparing");
    expect(phaseAt(late, s(156))).toBe("overdue");
  });
});

describe("project", () => {
  // Three questions of different lengths; each closes (prep + answer + 5 s) after it was shown.
  const timings = [
    { prep: 30, answer: 120 }, // shown at 0: closes at 155
    { prep: 10, answer: 60 }, // shown at 155: closes at 230
    { prep: 0, answer: 45 }, // shown at 230: closes at 280
  ];
  const fresh = () => [answer(0, { ...timings[0], presented: 0 }), answer(1, timings[1]), answer(2, timings[2])];

  it("nothing overdue: the first unsubmitted question is current and nothing is decided", () => {
    const stored = [answer(0, { ...timings[0], presented: 0, submitted: 100 }), answer(1, { ...timings[1], presented: 100 }), answer(2, timings[2])];
    const p = project(stored, s(150));
    expect(p.current?.id).toBe("a1");
    expect(p).toMatchObject({ finishedAt: null, timedOut: [], presented: [] });
    expect(p.answers).toEqual(stored);
  });

  it("the first question at its close is still current; one second later it has timed out", () => {
    expect(project(fresh(), s(155))).toMatchObject({ current: { id: "a0" }, timedOut: [], presented: [] });

    const p = project(fresh(), s(156));
    expect(p.timedOut).toEqual([{ id: "a0", submittedAt: s(155) }]);
    expect(p.presented).toEqual([{ id: "a1", presentedAt: s(155) }]);
    expect(p.current).toMatchObject({ id: "a1", presentedAt: s(155), submittedAt: null });
    expect(p.answers.map((a) => [a.submittedAt, a.presentedAt])).toEqual([
      [s(155), s(0)],
      [null, s(155)],
      [null, null],
    ]);
    expect(p.finishedAt).toBeNull();
  });

  it("time keeps running while away: the next question's own clock started at the previous close", () => {
    // At 230 the second question (shown at 155) is at its close; at 231 it has run out too.
    expect(project(fresh(), s(230))).toMatchObject({ current: { id: "a1" }, finishedAt: null });
    expect(phaseAt(project(fresh(), s(164)).current!, s(164))).toBe("preparing");
    expect(phaseAt(project(fresh(), s(165)).current!, s(165))).toBe("answering");
    expect(project(fresh(), s(231))).toMatchObject({ current: { id: "a2", presentedAt: s(230) } });
  });

  it("away for longer than every remaining question: finished at the last close, nothing current", () => {
    const p = project(fresh(), s(10_000));
    expect(p.current).toBeNull();
    expect(p.finishedAt).toEqual(s(280));
    expect(p.timedOut).toEqual([
      { id: "a0", submittedAt: s(155) },
      { id: "a1", submittedAt: s(230) },
      { id: "a2", submittedAt: s(280) },
    ]);
    expect(p.presented).toEqual([
      { id: "a1", presentedAt: s(155) },
      { id: "a2", presentedAt: s(230) },
    ]);
  });

  it("already-submitted answers keep their own times; only the open question times out", () => {
    const stored = [
      answer(0, { ...timings[0], presented: 0, submitted: 50 }),
      answer(1, { ...timings[1], presented: 50, submitted: 60 }),
      answer(2, { ...timings[2], presented: 60 }),
    ];
    const p = project(stored, s(1000));
    expect(p.timedOut).toEqual([{ id: "a2", submittedAt: s(110) }]);
    expect(p.presented).toEqual([]);
    expect(p.answers.map((a) => a.submittedAt)).toEqual([s(50), s(60), s(110)]);
    expect(p).toMatchObject({ current: null, finishedAt: s(110) });
  });

  it("an unpresented question after a submitted one (a hand-made row) is shown now", () => {
    const stored = [answer(0, { ...timings[0], presented: 0, submitted: 50 }), answer(1, timings[1]), answer(2, timings[2])];
    const p = project(stored, s(500));
    expect(p.presented).toEqual([{ id: "a1", presentedAt: s(500) }]);
    expect(p.timedOut).toEqual([]);
    expect(p.current).toMatchObject({ id: "a1", presentedAt: s(500) });
    expect(phaseAt(p.current!, s(500))).toBe("preparing");
  });

  it("orders by position and never changes the stored answers", () => {
    const stored = fresh().reverse();
    const before = structuredClone(stored);
    const p = project(stored, s(10_000));
    expect(p.answers.map((a) => a.id)).toEqual(["a0", "a1", "a2"]);
    expect(stored).toEqual(before);
  });

  it("no answers: nothing current and nothing finished", () => {
    expect(project([], s(0))).toEqual({ answers: [], current: null, finishedAt: null, timedOut: [], presented: [] });
  });
});
