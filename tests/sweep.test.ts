import { addDays, addSeconds } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { ActorType, EmailKind, EmailStatus, InterviewStatus } from "@/lib/generated/prisma/enums";
import { resolveAccess } from "@/lib/interviews/candidate/access";
import { openNextQuestion, saveDraft, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { sweepInterviews } from "@/lib/interviews/lifecycle/sweep";
import { makeAnsweredInterview, makeSchedulingOrg } from "./support/factories";
import { answerRows, interviewSnapshot, scheduleAt, scheduleDeadline, asCandidate } from "./support/interviews";

// Why 2001-2003. sweepInterviews(at) looks at every organisation's interviews, and on a shared
// PostgreSQL other test files run at the same time, with interviews around the real clock and
// fixed clocks from 2026 on (tests/candidate.test.ts uses 2031). A sweep at `at` expires only
// SCHEDULED interviews whose window closed before `at`, and completes only IN_PROGRESS ones
// whose every question had run out by `at` (a question shown after `at` is still "preparing"
// then). Sweeping at times in 2001-2003 can therefore change only interviews that started or
// closed before then: this file's own (and leftovers of earlier runs of it, which it is right to
// finish). A sweep at the real now, or in 2026, would expire other files' live interviews. For
// the same reason the returned counts include those leftovers: they are checked with ≥, and
// every other assertion reads this file's rows only. Each test has its own months, in order, so
// a later test's sweep only ever meets an earlier test's interviews after that test is done.
const at = (iso: string) => new Date(iso);

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;

beforeAll(async () => {
  // Its job has two questions of 30 s preparation and 120 s answer time: each closes 155 s after
  // it is shown, so one started at S and left alone runs out at S+155 s and S+310 s.
  org = await makeSchedulingOrg("Sweep");
});
afterEach(() => setClock(null));

/** Everything stored for an interview, its answers included. */
async function stored(interviewId: string) {
  return { ...(await interviewSnapshot(interviewId)), answers: await answerRows(interviewId) };
}

/** An interview scheduled at `start` and started by the candidate at `startedAt`. */
async function started(start: Date, startedAt = start) {
  const interview = await scheduleAt(org, start);
  await startInterview(await asCandidate(interview.interviewId), true, startedAt);
  return { ...interview, answerIds: (await answerRows(interview.interviewId)).map((a) => a.id) };
}

describe("sweepInterviews: SCHEDULED interviews", () => {
  it("expires one 1 s after its join window closes, not at the close", async () => {
    const start = at("2001-05-01T12:00:00.000Z");
    const closesAt = addSeconds(start, 15 * 60);
    const { interviewId, key } = await scheduleAt(org, start);
    const before = await stored(interviewId);
    expect(before.emails.filter((e) => e.status === EmailStatus.PENDING).map((e) => e.kind).sort()).toEqual(
      [EmailKind.INVITATION, EmailKind.REMINDER_1H, EmailKind.REMINDER_24H].sort(),
    );

    await sweepInterviews(closesAt);
    expect(await stored(interviewId)).toEqual(before);

    const sweptAt = addSeconds(closesAt, 1);
    const result = await sweepInterviews(sweptAt);
    expect(result.expired).toBeGreaterThanOrEqual(1);
    const after = await stored(interviewId);
    expect(after.interview?.status).toBe(InterviewStatus.EXPIRED);
    const reminders = after.emails.filter((e) => e.kind === EmailKind.REMINDER_24H || e.kind === EmailKind.REMINDER_1H);
    expect(reminders.map((e) => [e.status, e.lastError])).toEqual([
      [EmailStatus.CANCELLED, "interview expired"],
      [EmailStatus.CANCELLED, "interview expired"],
    ]);
    const expired = after.events.filter((e) => e.type === "interview.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ organizationId: org.organizationId, actorType: ActorType.SYSTEM, createdAt: sweptAt });
    expect(await resolveAccess(key, sweptAt)).toEqual({ state: "expired", interviewId, sessionId: expect.any(String), rescheduleRequested: false });

    await sweepInterviews(addDays(sweptAt, 1));
    expect(await stored(interviewId)).toEqual(after);
  });
});

describe("sweepInterviews: IN_PROGRESS interviews", () => {
  it("leaves one with time left alone, even when one of its questions has run out", async () => {
    const start = at("2001-08-01T12:00:00.000Z");
    const { interviewId, answerIds } = await started(start);
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "half an answer", addSeconds(start, 60));
    const before = await stored(interviewId);

    // At +155 s the first question is at its close; at +156 s it has run out but the second
    // has time left, which the candidate's next request (not the sweep) writes down.
    for (const seconds of [60, 155, 156, 310]) {
      await sweepInterviews(addSeconds(start, seconds));
      expect(await stored(interviewId)).toEqual(before);
    }
  });

  it("completes one whose every question ran out: saved text kept, completed at the last close, recruiter told; once", async () => {
    const start = at("2002-02-01T12:00:00.000Z");
    const { interviewId, key, answerIds } = await started(start);
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "first thoughts", addSeconds(start, 60));

    // The second question is a video one: it closes 60 s after its deadline (the upload grace).
    const lastClose = addSeconds(start, 365);
    await sweepInterviews(lastClose);
    expect((await stored(interviewId)).interview?.status).toBe(InterviewStatus.IN_PROGRESS);

    const result = await sweepInterviews(addSeconds(lastClose, 1));
    expect(result.completed).toBeGreaterThanOrEqual(1);
    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: lastClose });
    expect(after.answers.map(({ text, savedAt, presentedAt, submittedAt }) => ({ text, savedAt, presentedAt, submittedAt }))).toEqual([
      { text: "first thoughts", savedAt: addSeconds(start, 60), presentedAt: start, submittedAt: addSeconds(start, 155) },
      { text: "", savedAt: null, presentedAt: addSeconds(start, 155), submittedAt: lastClose },
    ]);
    const emails = after.emails.filter((e) => e.kind === EmailKind.CANDIDATE_COMPLETED);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toEmail: org.ownerEmail, status: EmailStatus.PENDING });
    expect(emails[0]!.text).toContain(`/interviews/${interviewId}`);
    const completed = after.events.filter((e) => e.type === "interview.completed");
    expect(completed).toHaveLength(1);
    expect(completed[0]!.createdAt).toEqual(lastClose);
    expect(await resolveAccess(key, addSeconds(lastClose, 1))).toEqual({ state: "completed", interviewId, sessionId: expect.any(String) });

    // Sweeping again changes nothing more.
    await sweepInterviews(addSeconds(lastClose, 2));
    await sweepInterviews(addDays(lastClose, 30));
    expect(await stored(interviewId)).toEqual(after);
  });

  it("completes one that ran out even when more than `limit` interviews are running", async () => {
    const start = at("2002-09-01T12:00:00.000Z");
    // Started a minute later, so at +380 s it is still on its second question (open to +425 s)…
    const running = await started(start, addSeconds(start, 60));
    // …while this one, started at the start but written after it, ran out at +365 s.
    const done = await started(start, start);
    const runningBefore = await stored(running.interviewId);

    await sweepInterviews(addSeconds(start, 380), 1);
    expect((await stored(done.interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: addSeconds(start, 365) });
    expect(await stored(running.interviewId)).toEqual(runningBefore);
  });
});

describe("sweepInterviews: CANCELLED interviews", () => {
  it("never touches one, whether its window has closed or its questions have run out", async () => {
    const start = at("2003-02-01T12:00:00.000Z");
    const { interviewId: cancelled } = await scheduleAt(org, start);
    setClock(addDays(start, -1));
    await cancelInterview(org.scheduler, cancelled);
    setClock(null);
    // Written by hand: cancelled with a question shown and never submitted.
    const { interviewId: cancelledWithAnswers } = await makeAnsweredInterview(
      org,
      [{ presented: 0, text: "partial" }, { presented: null }],
      InterviewStatus.CANCELLED,
      start,
    );
    const before = await Promise.all([stored(cancelled), stored(cancelledWithAnswers)]);
    expect(before.map((b) => b.interview?.status)).toEqual([InterviewStatus.CANCELLED, InterviewStatus.CANCELLED]);

    await sweepInterviews(addDays(start, 1));
    expect(await Promise.all([stored(cancelled), stored(cancelledWithAnswers)])).toEqual(before);
  });
});

// DEADLINE interviews, in months after every test above (2003-06 on).
describe("sweepInterviews: DEADLINE interviews", () => {
  it("expires one never started 1 s after its due time, not at it (long after a join window would have closed)", async () => {
    const opens = at("2003-06-02T08:00:00.000Z");
    const due = addDays(opens, 3);
    const { interviewId, key } = await scheduleDeadline(org, opens, due);
    const before = await stored(interviewId);
    for (const when of [addDays(opens, 1), due]) {
      await sweepInterviews(when);
      expect(await stored(interviewId)).toEqual(before);
    }
    const sweptAt = addSeconds(due, 1);
    expect((await sweepInterviews(sweptAt)).expired).toBeGreaterThanOrEqual(1);
    const after = await stored(interviewId);
    expect(after.interview?.status).toBe(InterviewStatus.EXPIRED);
    expect(after.events.filter((e) => e.type === "interview.expired").map((e) => [e.createdAt, e.data])).toEqual([[sweptAt, { deadline: true }]]);
    expect(await resolveAccess(key, sweptAt)).toMatchObject({ state: "expired", deadline: true });
  });

  it("leaves one paused between questions alone until its due time, then completes it at the due time with what was saved", async () => {
    const opens = at("2003-08-04T08:00:00.000Z");
    const due = addDays(opens, 2);
    const { interviewId } = await scheduleDeadline(org, opens, due);
    const candidate = await asCandidate(interviewId);
    await startInterview(candidate, true, opens);
    const [first] = await answerRows(interviewId);
    await submitAnswer(candidate, first!.id, "Answered before the break", addSeconds(opens, 100));
    const before = await stored(interviewId);

    // Question 2's own time would have run out a day ago had its clock started with the break.
    for (const when of [addDays(opens, 1), addSeconds(due, -1), due]) {
      await sweepInterviews(when);
      expect(await stored(interviewId)).toEqual(before);
    }
    expect((await sweepInterviews(addSeconds(due, 1))).completed).toBeGreaterThanOrEqual(1);
    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: due });
    expect(after.answers.map((a) => [a.text, a.submittedAt])).toEqual([
      ["Answered before the break", addSeconds(opens, 100)],
      ["", null],
    ]);
    expect(after.emails.filter((e) => e.kind === EmailKind.CANDIDATE_COMPLETED)).toHaveLength(1);
    expect(after.events.filter((e) => e.type === "interview.completed").map((e) => e.actorType)).toEqual([ActorType.SYSTEM]);
  });

  it("waits for a question opened 1 s before the due time to run to its end, then completes at its close", async () => {
    const opens = at("2003-10-06T08:00:00.000Z");
    const due = addDays(opens, 1);
    const { interviewId } = await scheduleDeadline(org, opens, due);
    const candidate = await asCandidate(interviewId);
    await startInterview(candidate, true, opens);
    const [first] = await answerRows(interviewId);
    await submitAnswer(candidate, first!.id, "First", addSeconds(opens, 100));
    const opened = addSeconds(due, -1);
    await openNextQuestion(candidate, opened);
    // The second question is a video one: it closes 210 s after it was opened.
    const close = addSeconds(opened, 210);
    const before = await stored(interviewId);
    for (const when of [addSeconds(due, 1), close]) {
      await sweepInterviews(when);
      expect(await stored(interviewId)).toEqual(before);
    }
    await sweepInterviews(addSeconds(close, 1));
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: close });
  });
});
