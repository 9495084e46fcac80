import { addDays, addSeconds } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { EmailKind, EmailStatus, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { resolveAccess } from "@/lib/interviews/candidate/access";
import { openNextQuestion, saveDraft, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { CandidateActionError } from "@/lib/interviews/candidate/errors";
import { requestReschedule } from "@/lib/interviews/candidate/requests";
import { loadCandidateView } from "@/lib/interviews/candidate/portal-view";
import { extendDeadline, rescheduleInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { FieldError } from "@/lib/errors";
import { anotherCandidate, makeSchedulingOrg, scheduleInput } from "./support/factories";
import { answerRows, asCandidate, interviewSnapshot, linkKeys, organizationRows, scheduleAt, scheduleDeadline } from "./support/interviews";

// A DEADLINE interview through the candidate's steps, against the real database and the injected
// clock. These interviews live in 2033: after every fixed-clock sweep of other test files
// (tests/sweep.test.ts sweeps in 2001-2003) and after the real clock, so no sweep touches them.
const OPENS = new Date("2033-05-02T08:00:00.000Z");
const DUE = addDays(OPENS, 3);
const s = (seconds: number) => addSeconds(OPENS, seconds);

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;

beforeAll(async () => {
  // Two questions of 30 s preparation and 120 s answer time: one written (it closes 155 s after it
  // is shown), one video (closes 210 s after: the 60 s upload grace).
  org = await makeSchedulingOrg("Deadline");
});
afterEach(() => setClock(null));

async function stored(interviewId: string) {
  return { ...(await interviewSnapshot(interviewId)), answers: await answerRows(interviewId) };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    (value) => expect.fail(`expected a refusal, got ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CandidateActionError);
  return (error as CandidateActionError).reason;
}

/** A DEADLINE interview opened at OPENS, due at DUE, started by the candidate at `at`. */
async function started(at = s(60)) {
  const interview = await scheduleDeadline(org, OPENS, DUE);
  const candidate = await asCandidate(interview.interviewId);
  await startInterview(candidate, true, at);
  return { ...interview, candidate, answerIds: (await answerRows(interview.interviewId)).map((a) => a.id) };
}

describe("scheduling a DEADLINE interview", () => {
  it("stores its mode, opening and due time; scheduledAt is the opening, with no join window", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    const { interview, emails, events } = await stored(interviewId);
    expect(interview).toMatchObject({ mode: InterviewMode.DEADLINE, status: InterviewStatus.SCHEDULED, opensAt: OPENS, dueAt: DUE, scheduledAt: OPENS, opensMinutesBefore: 0, closesMinutesAfter: 0 });
    // The invitation, and reminders 24 and 2 h before the due time (72 h before would be the opening itself); none before a start that is not one.
    expect(emails.map((e) => e.kind)).toEqual([EmailKind.INVITATION, EmailKind.DEADLINE_REMINDER, EmailKind.DEADLINE_REMINDER]);
    expect(events.find((e) => e.type === "interview.scheduled")?.data).toMatchObject({ mode: InterviewMode.DEADLINE, dueAt: DUE.toISOString() });
  });

  it("takes a date as 17:00 in the candidate's zone, and invites without a calendar file", async () => {
    // The candidates are in Berlin: 17:00 CEST on 5 May 2033 is 15:00 UTC.
    setClock(OPENS);
    const candidate = await anotherCandidate(org);
    const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: candidate.id }, { scheduledAt: "now", mode: InterviewMode.DEADLINE, dueDate: "2033-05-05" }));
    const { interview, emails } = await stored(interviewId);
    expect(interview).toMatchObject({ mode: InterviewMode.DEADLINE, opensAt: OPENS, dueAt: new Date("2033-05-05T15:00:00.000Z") });
    const [invitation] = emails;
    expect(invitation!.attachments).toEqual([]);
    expect(invitation!.text).toContain("complete by Thursday, May 5, 5:00 PM (your time)");
    expect(invitation!.text).toContain("Complete by: Thursday, May 5, 2033, 5:00 PM Central European Summer Time (GMT+2)");
  });

  it.each([
    ["with no date", {}, "Choose the date to complete it by."],
    ["with a date that is no date", { dueDate: "2033-02-30" }, "Enter a date, like 2026-12-05."],
    ["due before the candidate could finish", { dueDate: "2033-05-01" }, "Choose a later date: the candidate needs time to take it."],
    ["due more than 60 days ahead", { dueDate: "2033-07-03" }, "Give the candidate at most 60 days."],
  ])("refuses one %s, on the date's field, writing nothing", async (_label, due, message) => {
    setClock(OPENS);
    const candidate = await anotherCandidate(org);
    const before = await organizationRows(org.organizationId);
    const error = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: candidate.id }, { scheduledAt: "now", mode: InterviewMode.DEADLINE, ...due })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "dueDate", message });
    expect(await organizationRows(org.organizationId)).toEqual(before);
  });

  it("refuses to be moved to a time (a deadline is not a slot)", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    const before = await stored(interviewId);
    setClock(OPENS);
    await expect(rescheduleInterview(org.scheduler, interviewId, { scheduledAt: addDays(OPENS, 1), durationMinutes: 30 })).rejects.toThrow(/completed by a deadline/);
    expect(await stored(interviewId)).toEqual(before);
  });
});

describe("the link of a DEADLINE interview not started", () => {
  it.each([
    ["1 s before it opens", s(-1), "too_early"],
    ["at the opening", OPENS, "open"],
    ["two days later", addDays(OPENS, 2), "open"],
    ["1 s before it is due", addSeconds(DUE, -1), "open"],
    ["at the due time", DUE, "open"],
    ["1 s after it is due", addSeconds(DUE, 1), "expired"],
  ] as const)("%s: %s", async (_label, at, state) => {
    const { key } = await scheduleDeadline(org, OPENS, DUE);
    expect(await resolveAccess(key, at)).toMatchObject({ state });
  });

  it("shows the due time on the countdown and asks for more time once expired", async () => {
    const { key } = await scheduleDeadline(org, OPENS, DUE);
    expect(await resolveAccess(key, s(-1))).toEqual({ state: "too_early", opensAt: OPENS, startsAt: OPENS, dueAt: DUE });
    expect(await resolveAccess(key, addSeconds(DUE, 1))).toMatchObject({ state: "expired", deadline: true });
  });

  it("can be started at the due time, not 1 s after it", async () => {
    const late = await scheduleDeadline(org, OPENS, DUE);
    expect(await refusal(startInterview(await asCandidate(late.interviewId), true, addSeconds(DUE, 1)))).toBe("not_open");
    const onTime = await scheduleDeadline(org, OPENS, DUE);
    await startInterview(await asCandidate(onTime.interviewId), true, DUE);
    expect((await stored(onTime.interviewId)).interview?.status).toBe(InterviewStatus.IN_PROGRESS);
  });
});

describe("pausing between questions", () => {
  it("a break between questions does not run the next question's clock", async () => {
    const { interviewId, candidate, answerIds } = await started();
    await submitAnswer(candidate, answerIds[0]!, "My first answer", s(120));
    // Submitting does not show question 2: the candidate may leave here.
    expect((await answerRows(interviewId))[1]).toMatchObject({ presentedAt: null, submittedAt: null });

    // A day later (far past anything question 2's own time would allow), the lobby says where they are.
    const back = addDays(s(120), 1);
    expect(await loadCandidateView(interviewId, back)).toMatchObject({ current: null, nextNumber: 2, answeredCount: 1, questionTotal: 2, finished: false, dueAt: DUE });

    await openNextQuestion(candidate, back);
    const view = await loadCandidateView(interviewId, back);
    expect(view).toMatchObject({ nextNumber: null, current: { id: answerIds[1], phase: "preparing", presentedAt: back } });
    // The preparation time runs from when it was opened: the full 30 s.
    expect(view.current!.answerStartsAt).toEqual(addSeconds(back, 30));
    expect((await stored(interviewId)).events.filter((e) => e.type === "question.opened").map((e) => [e.createdAt, e.data])).toEqual([[back, { number: 2 }]]);

    // Opening it again (a second tab) is a resume, not a new start.
    await openNextQuestion(candidate, addSeconds(back, 10));
    expect((await answerRows(interviewId))[1]!.presentedAt).toEqual(back);

    await submitAnswer(candidate, answerIds[1]!, "", addSeconds(back, 100));
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: addSeconds(back, 100) });
  });

  it("a question whose time runs out while the candidate is away is kept, and the next one waits", async () => {
    const { interviewId, candidate, answerIds } = await started(s(0));
    await saveDraft(candidate, answerIds[0]!, "Half an answer", s(60));
    const view = await loadCandidateView(interviewId, s(3600));
    expect(view).toMatchObject({ current: null, nextNumber: 2, answeredCount: 1 });
    await openNextQuestion(candidate, s(3600));
    expect(await answerRows(interviewId)).toMatchObject([
      { text: "Half an answer", submittedAt: s(155) },
      { presentedAt: s(3600), submittedAt: null },
    ]);
  });

  it("a question opened 1 s before the due time is answered to its end", async () => {
    const { interviewId, candidate, answerIds } = await started();
    await submitAnswer(candidate, answerIds[0]!, "First", s(120));
    const opened = addSeconds(DUE, -1);
    await openNextQuestion(candidate, opened);
    // Past the due time, the open question still takes its answer (a video one: until 210 s after it opened).
    await saveDraft(candidate, answerIds[1]!, "", addSeconds(DUE, 100));
    expect(await loadCandidateView(interviewId, addSeconds(opened, 210))).toMatchObject({ current: { id: answerIds[1] }, finished: false });
    await submitAnswer(candidate, answerIds[1]!, "", addSeconds(opened, 200));
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: addSeconds(opened, 200) });
  });

  it("what is not opened by the due time is not answered: opening 1 s after it is refused and the interview completes at the due time", async () => {
    const { interviewId, candidate, answerIds } = await started();
    await submitAnswer(candidate, answerIds[0]!, "First", s(120));
    expect(await loadCandidateView(interviewId, DUE)).toMatchObject({ nextNumber: 2, finished: false });
    expect(await loadCandidateView(interviewId, addSeconds(DUE, 1))).toMatchObject({ nextNumber: null, finished: true });

    expect(await refusal(openNextQuestion(candidate, addSeconds(DUE, 1)))).toBe("past_due");
    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: DUE });
    expect(after.answers.map((a) => [a.text, a.presentedAt, a.submittedAt])).toEqual([
      ["First", s(60), s(120)],
      ["", null, null],
    ]);
    // The recruiter hears once, and the candidate gets their "answers received".
    expect(after.emails.filter((e) => e.kind === EmailKind.CANDIDATE_COMPLETED || e.kind === EmailKind.ANSWERS_RECEIVED).map((e) => [e.kind, e.status]).sort()).toEqual([
      [EmailKind.ANSWERS_RECEIVED, EmailStatus.PENDING],
      [EmailKind.CANDIDATE_COMPLETED, EmailStatus.PENDING],
    ]);
  });

  it("a SCHEDULED interview still shows the next question with the submission", async () => {
    // The same steps, booked at a time: nothing about it changed.
    const { interviewId } = await scheduleAt(org, OPENS);
    const candidate = await asCandidate(interviewId);
    await startInterview(candidate, true, OPENS);
    const [first] = await answerRows(interviewId);
    await submitAnswer(candidate, first!.id, "First", s(60));
    expect((await answerRows(interviewId))[1]!.presentedAt).toEqual(s(60));
    expect(await refusal(openNextQuestion(candidate, s(61)))).toBe("not_current");
  });
});

describe("extending a deadline", () => {
  // The candidates are in Berlin: 17:00 CEST is 15:00 UTC.
  const LATER = "2033-05-10";
  const LATER_AT = new Date("2033-05-10T15:00:00.000Z");

  it("opens an expired one again: a later due date, exactly one email with a fresh key, the old link replaced", async () => {
    const { interviewId, key: oldKey } = await scheduleDeadline(org, OPENS, DUE);
    const at = addSeconds(DUE, 60);
    // Past due, the candidate asks for more time (which expires it, as the sweep would have).
    await requestReschedule(await asCandidate(interviewId), at);
    const asked = await stored(interviewId);
    expect(asked.interview).toMatchObject({ status: InterviewStatus.EXPIRED, rescheduleRequestedAt: at });
    expect(asked.emails.filter((e) => e.kind === EmailKind.RESCHEDULE_REQUESTED).map((e) => e.subject)).toEqual([expect.stringContaining("asks for more time for their interview")]);

    setClock(at);
    await extendDeadline(org.scheduler, interviewId, { dueDate: LATER });
    const { interview, emails, events } = await stored(interviewId);
    expect(interview).toMatchObject({ status: InterviewStatus.SCHEDULED, dueAt: LATER_AT, rescheduleRequestedAt: null });
    const extended = emails.filter((e) => e.kind === EmailKind.DEADLINE_EXTENDED);
    expect(extended).toHaveLength(1);
    expect(extended[0]!.attachments).toEqual([]);
    expect(extended[0]!.text).toContain("Complete by: Tuesday, May 10, 2033, 5:00 PM Central European Summer Time (GMT+2)");
    const newKey = linkKeys(extended[0]!.text)[0]!;
    expect(linkKeys(extended[0]!.html)).toContain(newKey);
    expect(newKey).not.toBe(oldKey);
    expect(await resolveAccess(newKey, at)).toMatchObject({ state: "open" });
    expect(await resolveAccess(oldKey, at)).toEqual({ state: "replaced" });
    expect(events.filter((e) => e.type === "deadline.extended").map((e) => e.data)).toEqual([
      { from: DUE.toISOString(), to: LATER_AT.toISOString(), sessionId: expect.any(String), wasExpired: true },
    ]);
  });

  it("lets a candidate who started carry on where they left off", async () => {
    const { interviewId, candidate, answerIds } = await started();
    await submitAnswer(candidate, answerIds[0]!, "Kept", s(120));
    setClock(addSeconds(DUE, -60));
    await extendDeadline(org.scheduler, interviewId, { dueDate: LATER });
    const fresh = await asCandidate(interviewId);
    // Past the old due time, the next question still opens on the new link.
    await openNextQuestion(fresh, addDays(DUE, 1));
    expect(await answerRows(interviewId)).toMatchObject([{ text: "Kept" }, { presentedAt: addDays(DUE, 1) }]);
    expect((await stored(interviewId)).interview?.status).toBe(InterviewStatus.IN_PROGRESS);
  });

  it.each([
    ["to the same date", "2033-05-05", "Choose a date after the current due date."],
    ["to an earlier date", "2033-05-04", "Choose a date after the current due date."],
    ["to no date", "2033-13-01", "Enter a date, like 2026-12-05."],
    ["by more than 60 days", "2033-08-01", "Give the candidate at most 60 days."],
  ])("refuses %s on the date's field, writing nothing", async (_label, dueDate, message) => {
    // Due 5 May 2033 at 17:00 Berlin time.
    const { interviewId } = await scheduleDeadline(org, OPENS, new Date("2033-05-05T15:00:00.000Z"));
    const before = await stored(interviewId);
    setClock(OPENS);
    await expect(extendDeadline(org.scheduler, interviewId, { dueDate })).rejects.toMatchObject({ field: "dueDate", message });
    expect(await stored(interviewId)).toEqual(before);
  });

  it("refuses a SCHEDULED interview, a completed one, and another organisation's, writing nothing", async () => {
    const { interviewId: atATime } = await scheduleAt(org, OPENS);
    const { interviewId: done, candidate, answerIds } = await started();
    await submitAnswer(candidate, answerIds[0]!, "", s(100));
    await openNextQuestion(candidate, s(110));
    await submitAnswer(candidate, answerIds[1]!, "", s(120));
    const { interviewId: theirs } = await scheduleDeadline(org, OPENS, DUE);
    const other = await makeSchedulingOrg("Deadline other");
    const before = await Promise.all([atATime, done, theirs].map(stored));
    setClock(OPENS);
    await expect(extendDeadline(org.scheduler, atATime, { dueDate: LATER })).rejects.toThrow(/taken at a time/);
    await expect(extendDeadline(org.scheduler, done, { dueDate: LATER })).rejects.toThrow(/completed, so its deadline can no longer be extended/);
    await expect(extendDeadline(other.scheduler, theirs, { dueDate: LATER })).rejects.toThrow(/not found/i);
    expect(await Promise.all([atATime, done, theirs].map(stored))).toEqual(before);
  });
});
