import { addMinutes, addSeconds } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { ActorType, EmailKind, EmailStatus, InterviewStatus } from "@/lib/generated/prisma/enums";
import { resolveAccess } from "@/lib/interviews/candidate/access";
import { CandidateActionError, CandidateRequestError } from "@/lib/interviews/candidate/errors";
import { loadCandidateView } from "@/lib/interviews/candidate/portal-view";
import { requestReschedule } from "@/lib/interviews/candidate/requests";
import { saveDraft, startAnswering, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { makeJob, makeSchedulingOrg, question } from "./support/factories";
import { answerRows, interviewSnapshot, scheduleAt, asCandidate } from "./support/interviews";

// On a shared PostgreSQL, tests/sweep.test.ts sweeps with clocks in 2001-2003 and so changes
// every interview that is due by then. These interviews live in 2031, after every sweep of that
// file (and after the real clock, should a server sweep the same database), so no sweep can
// expire or complete them while a test here is using them.
const START = new Date("2031-03-03T10:00:00.000Z");
const s = (seconds: number) => addSeconds(START, seconds);

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
/** Two questions of different lengths: the first closes 155 s after it is shown, the second 115 s. */
let jobId: string;

beforeAll(async () => {
  org = await makeSchedulingOrg("Candidate");
  ({ id: jobId } = await makeJob(org.organizationId, [
    question("Why us?", { prepSeconds: 30, answerSeconds: 120 }),
    question("Tell us about a hard bug.", { prepSeconds: 20, answerSeconds: 90, answerType: "VIDEO" }),
  ]));
});
afterEach(() => setClock(null));

/** An interview of `jobId` scheduled at START. */
function scheduled() {
  return scheduleAt(org, START, { jobId });
}

/** An interview started at START: its first question is shown then. */
async function started() {
  const interview = await scheduled();
  await startInterview(await asCandidate(interview.interviewId), true, START);
  const answerIds = (await answerRows(interview.interviewId)).map((a) => a.id);
  return { ...interview, answerIds };
}

/** Everything stored for an interview, its answers included. */
async function stored(interviewId: string) {
  return { ...(await interviewSnapshot(interviewId)), answers: await answerRows(interviewId) };
}

/** Fails unless `promise` rejects with a CandidateActionError for `reason`. */
async function expectRefused(promise: Promise<unknown>, reason: CandidateActionError["reason"] | CandidateRequestError["reason"]) {
  const error = await promise.then(
    (value) => expect.fail(`expected ${reason}, got ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(error instanceof CandidateActionError || error instanceof CandidateRequestError, String(error)).toBe(true);
  expect((error as CandidateActionError | CandidateRequestError).reason).toBe(reason);
}

const secondsBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;

describe("startInterview", () => {
  it("without consent → consent_required, and nothing is written", async () => {
    const { interviewId } = await scheduled();
    const before = await stored(interviewId);
    await expectRefused(startInterview(await asCandidate(interviewId), false, START), "consent_required");
    expect(await stored(interviewId)).toEqual(before);
    expect(before.answers).toEqual([]);
  });

  it.each([
    ["1 s before the window opens", s(-15 * 60 - 1)],
    ["1 s after the window closes", s(15 * 60 + 1)],
  ])("%s → not_open, and nothing is written", async (_label, at) => {
    const { interviewId } = await scheduled();
    const before = await stored(interviewId);
    await expectRefused(startInterview(await asCandidate(interviewId), true, at), "not_open");
    expect(await stored(interviewId)).toEqual(before);
    expect(before.interview?.status).toBe(InterviewStatus.SCHEDULED);
  });

  it.each([
    ["the moment the window opens", s(-15 * 60)],
    ["the moment it closes", s(15 * 60)],
  ])("%s → started", async (_label, at) => {
    const { interviewId } = await scheduled();
    await startInterview(await asCandidate(interviewId), true, at);
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.IN_PROGRESS, startedAt: at });
  });

  it("inside the window → IN_PROGRESS with a snapshot of the job's questions, reminders cancelled and an event", async () => {
    const prisma = await db();
    // Its own job: this test edits the questions afterwards.
    const job = await makeJob(org.organizationId, [
      question("What drew you to us?", { prepSeconds: 15, answerSeconds: 60 }),
      question("Show us your workspace.", { prepSeconds: 0, answerSeconds: 45, answerType: "VIDEO" }),
      question("Anything else?", { prepSeconds: 10, answerSeconds: 30, answerType: "AUDIO" }),
    ]);
    const { interviewId, key } = await scheduleAt(org, START, { jobId: job.id });
    const at = s(120);
    await startInterview(await asCandidate(interviewId), true, at);

    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.IN_PROGRESS, startedAt: at, consentedAt: at });
    const snapshot = after.answers.map(({ position, prompt, answerType, prepSeconds, answerSeconds, presentedAt, answerStartedAt, submittedAt, text }) => ({
      position,
      prompt,
      answerType,
      prepSeconds,
      answerSeconds,
      presentedAt,
      answerStartedAt,
      submittedAt,
      text,
    }));
    const blank = { answerStartedAt: null, submittedAt: null, text: "" };
    expect(snapshot).toEqual([
      { position: 0, prompt: "What drew you to us?", answerType: "TEXT", prepSeconds: 15, answerSeconds: 60, presentedAt: at, ...blank },
      { position: 1, prompt: "Show us your workspace.", answerType: "VIDEO", prepSeconds: 0, answerSeconds: 45, presentedAt: null, ...blank },
      { position: 2, prompt: "Anything else?", answerType: "AUDIO", prepSeconds: 10, answerSeconds: 30, presentedAt: null, ...blank },
    ]);

    const emails = Object.fromEntries(after.emails.map((e) => [e.kind, e]));
    expect(Object.keys(emails).sort()).toEqual([EmailKind.INVITATION, EmailKind.REMINDER_1H, EmailKind.REMINDER_24H].sort());
    expect(emails[EmailKind.REMINDER_24H]).toMatchObject({ status: EmailStatus.CANCELLED, lastError: "interview started" });
    expect(emails[EmailKind.REMINDER_1H]).toMatchObject({ status: EmailStatus.CANCELLED, lastError: "interview started" });
    expect(emails[EmailKind.INVITATION]?.status).toBe(EmailStatus.PENDING);

    const started = after.events.filter((e) => e.type === "interview.started");
    expect(started).toHaveLength(1);
    expect(started[0]).toMatchObject({ organizationId: org.organizationId, actorType: ActorType.CANDIDATE, createdAt: at });
    expect(await resolveAccess(key, at)).toMatchObject({ state: "in_progress", interviewId });

    // Editing (or removing) the job's questions later does not reach the started interview.
    await prisma.question.updateMany({ where: { jobId: job.id, position: 0 }, data: { prompt: "Edited?", prepSeconds: 1, answerSeconds: 2 } });
    await prisma.question.deleteMany({ where: { jobId: job.id, position: 2 } });
    expect(await answerRows(interviewId)).toEqual(after.answers);
  });

  it("twice (a second tab, a double click, a reload later) → still one set of answers and one event", async () => {
    const { interviewId, answerIds } = await started();
    const before = await stored(interviewId);
    await startInterview(await asCandidate(interviewId), true, s(30));
    await startInterview(await asCandidate(interviewId), true, s(2 * 3600));
    const after = await stored(interviewId);
    expect(after.answers).toEqual(before.answers);
    expect(after.answers.map((a) => a.id)).toEqual(answerIds);
    expect(after.interview).toMatchObject({ status: InterviewStatus.IN_PROGRESS, startedAt: START });
    expect(after.events.filter((e) => e.type === "interview.started")).toHaveLength(1);
  });
});

// The first question is shown at START: preparation to +30 s, answering to +150 s, and answers
// still accepted until +155 s (ANSWER_GRACE_SECONDS).
describe("saveDraft", () => {
  it("inside the answer time → the text and the time it was saved", async () => {
    const { interviewId, answerIds } = await started();
    expect(await saveDraft(await asCandidate(interviewId), answerIds[0]!, "Because of the mission.", s(60))).toEqual({ savedAt: s(60) });
    const [first] = await answerRows(interviewId);
    expect(first).toMatchObject({ text: "Because of the mission.", savedAt: s(60), submittedAt: null });
  });

  it("4 s and 5 s after the deadline → still saved; 6 s after → time_up, and the last saved text stands", async () => {
    const { interviewId, answerIds } = await started();
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "draft", s(60));
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "draft, 4 s into the grace", s(154));
    expect((await answerRows(interviewId))[0]).toMatchObject({ text: "draft, 4 s into the grace", savedAt: s(154) });
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "draft at the close", s(155));
    expect((await answerRows(interviewId))[0]).toMatchObject({ text: "draft at the close", savedAt: s(155) });

    await expectRefused(saveDraft(await asCandidate(interviewId), answerIds[0]!, "too late", s(156)), "time_up");
    expect((await answerRows(interviewId))[0]).toMatchObject({ text: "draft at the close", savedAt: s(155) });
  });
});

describe("submitAnswer", () => {
  it("shows the next question at the same moment, and after the last one completes the interview", async () => {
    const prisma = await db();
    const { interviewId, key, answerIds } = await started();
    expect(await submitAnswer(await asCandidate(interviewId), answerIds[0]!, "Because of the mission.", s(100))).toEqual({ done: false });
    let answers = await answerRows(interviewId);
    expect(answers[0]).toMatchObject({ text: "Because of the mission.", savedAt: s(100), submittedAt: s(100) });
    expect(answers[1]).toMatchObject({ presentedAt: s(100), submittedAt: null });
    expect((await stored(interviewId)).interview?.status).toBe(InterviewStatus.IN_PROGRESS);
    expect(await prisma.outboxEmail.count({ where: { interviewId, kind: EmailKind.CANDIDATE_COMPLETED } })).toBe(0);

    expect(await submitAnswer(await asCandidate(interviewId), answerIds[1]!, "A race in the cache.", s(150))).toEqual({ done: true });
    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: s(150) });
    answers = after.answers;
    expect(answers[1]).toMatchObject({ text: "A race in the cache.", submittedAt: s(150) });

    const completed = after.emails.filter((e) => e.kind === EmailKind.CANDIDATE_COMPLETED);
    expect(completed).toHaveLength(1);
    expect(completed[0]).toMatchObject({ toEmail: org.ownerEmail, organizationId: org.organizationId, status: EmailStatus.PENDING });
    expect(completed[0]!.text).toContain(`/interviews/${interviewId}`);
    expect(completed[0]!.html).toContain(`/interviews/${interviewId}`);
    const events = after.events.filter((e) => e.type === "interview.completed");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: ActorType.CANDIDATE, createdAt: s(150) });

    expect(await resolveAccess(key, s(151))).toEqual({ state: "completed", interviewId, sessionId: expect.any(String) });
    // Nothing more can change it.
    await expectRefused(submitAnswer(await asCandidate(interviewId), answerIds[1]!, "again", s(152)), "not_in_progress");
    await expectRefused(saveDraft(await asCandidate(interviewId), answerIds[1]!, "again", s(152)), "not_in_progress");
    expect(await stored(interviewId)).toEqual(after);
  });

  it("6 s after the deadline → time_up; the question counts as submitted at its close and the next one is current", async () => {
    const { interviewId, answerIds } = await started();
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "what I had typed", s(100));
    await expectRefused(submitAnswer(await asCandidate(interviewId), answerIds[0]!, "what I meant to send", s(156)), "time_up");

    const answers = await answerRows(interviewId);
    expect(answers[0]).toMatchObject({ text: "what I had typed", savedAt: s(100), submittedAt: s(155) });
    expect(answers[1]).toMatchObject({ presentedAt: s(155), submittedAt: null });
    const view = await loadCandidateView(interviewId, s(156));
    expect(view.current).toMatchObject({ id: answerIds[1], presentedAt: s(155), phase: "preparing" });

    // The candidate carries on with the second question.
    await saveDraft(await asCandidate(interviewId), answerIds[1]!, "second", s(160));
    expect(await submitAnswer(await asCandidate(interviewId), answerIds[1]!, "second, final", s(200))).toEqual({ done: true });
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: s(200) });
  });

  it("the last question submitted too late → time_up, and the interview is completed at its close", async () => {
    const { interviewId, answerIds } = await started();
    await submitAnswer(await asCandidate(interviewId), answerIds[0]!, "first", s(100));
    // The second (video) question was shown at +100: answering from +120 to +210; what was
    // recorded may still arrive, and the answer be submitted, until +270 (the upload grace).
    await saveDraft(await asCandidate(interviewId), answerIds[1]!, "second, as saved", s(200));
    await expectRefused(submitAnswer(await asCandidate(interviewId), answerIds[1]!, "second, too late", s(271)), "time_up");

    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: s(270) });
    expect(after.answers[1]).toMatchObject({ text: "second, as saved", submittedAt: s(270) });
    expect(after.emails.filter((e) => e.kind === EmailKind.CANDIDATE_COMPLETED)).toHaveLength(1);
    expect(after.events.filter((e) => e.type === "interview.completed")).toHaveLength(1);
  });
});

describe("startAnswering", () => {
  it("during preparation → answering starts now and the deadline moves forward", async () => {
    const { interviewId, answerIds } = await started();
    await startAnswering(await asCandidate(interviewId), answerIds[0]!, s(10));
    expect((await answerRows(interviewId))[0]).toMatchObject({ answerStartedAt: s(10) });
    const view = await loadCandidateView(interviewId, s(10));
    expect(view.current).toMatchObject({ id: answerIds[0], phase: "answering", answerStartsAt: s(10), deadline: s(130), closesAt: s(135) });
    // So the question now closes 20 s earlier than it would have.
    await saveDraft(await asCandidate(interviewId), answerIds[0]!, "at the new close", s(135));
    await expectRefused(saveDraft(await asCandidate(interviewId), answerIds[0]!, "after it", s(136)), "time_up");
  });

  it("during answering → nothing changes", async () => {
    const { interviewId, answerIds } = await started();
    const before = await stored(interviewId);
    await startAnswering(await asCandidate(interviewId), answerIds[0]!, s(40));
    expect(await stored(interviewId)).toEqual(before);
    expect((await loadCandidateView(interviewId, s(40))).current).toMatchObject({ answerStartsAt: s(30), deadline: s(150) });
  });
});

describe("which answer an action may touch", () => {
  it("another interview's answer id → not_current for every action, and neither interview changes", async () => {
    const [mine, theirs] = await Promise.all([started(), started()]);
    const before = await Promise.all([stored(mine.interviewId), stored(theirs.interviewId)]);
    const foreign = theirs.answerIds[0]!;
    await expectRefused(saveDraft(await asCandidate(mine.interviewId), foreign, "x", s(60)), "not_current");
    await expectRefused(startAnswering(await asCandidate(mine.interviewId), foreign, s(10)), "not_current");
    await expectRefused(submitAnswer(await asCandidate(mine.interviewId), foreign, "x", s(60)), "not_current");
    expect(await Promise.all([stored(mine.interviewId), stored(theirs.interviewId)])).toEqual(before);
  });

  it("an interview that has not started → not_in_progress", async () => {
    const { interviewId } = await scheduled();
    const { answerIds } = await started();
    const before = await stored(interviewId);
    await expectRefused(saveDraft(await asCandidate(interviewId), answerIds[0]!, "x", START), "not_in_progress");
    await expectRefused(submitAnswer(await asCandidate(interviewId), answerIds[0]!, "x", START), "not_in_progress");
    expect(await stored(interviewId)).toEqual(before);
  });
});

describe("loadCandidateView", () => {
  it("gives the lobby its facts: who, what, how long, and the organisation's retention", async () => {
    const { interviewId } = await scheduled();
    const prisma = await db();
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId }, select: { title: true, description: true } });
    const organization = await prisma.organization.findUniqueOrThrow({ where: { id: org.organizationId }, select: { name: true, retentionDays: true } });

    const view = await loadCandidateView(interviewId, addMinutes(START, -5));

    expect(view).toMatchObject({
      status: InterviewStatus.SCHEDULED,
      companyName: organization.name,
      retentionDays: organization.retentionDays,
      jobTitle: job.title,
      jobDescription: job.description,
      questionCount: 2,
      answerTypes: ["TEXT", "VIDEO"],
      questionTotal: 0,
      current: null,
      finished: false,
      rescheduleRequested: false,
      accommodationRequestedAt: null,
    });
    // 30 + 120 + 20 + 90 s of questions: 5 minutes, and 5 to settle in; what was scheduled when longer.
    expect(view.plannedMinutes).toBe(Math.max(10, view.durationMinutes));
    expect(view.scheduledAt).toBeInstanceOf(Date);
    expect(view.scheduledAt.getTime()).toBe(START.getTime());
    expect(view.interviewerName).not.toBe(organization.name);

    // The recruiter's account is gone: the candidate reaches the first owner, as their emails say.
    await prisma.interview.update({ where: { id: interviewId }, data: { createdById: null } });
    expect(await loadCandidateView(interviewId, START)).toMatchObject({ interviewerName: "Owner", interviewerEmail: org.ownerEmail });
    // With no owner left either (nobody to name), the organisation stands in.
    await prisma.user.update({ where: { id: org.ownerId }, data: { role: "RECRUITER" } });
    try {
      expect(await loadCandidateView(interviewId, START)).toMatchObject({ interviewerName: organization.name, interviewerEmail: null });
    } finally {
      await prisma.user.update({ where: { id: org.ownerId }, data: { role: "OWNER" } });
    }
  });

  it("says not found for an interview that does not exist", async () => {
    await expect(loadCandidateView("no-such-interview", START)).rejects.toThrow(/not found/i);
  });

  it("a reload shows the same question with its remaining time reduced by exactly the seconds elapsed, and writes nothing", async () => {
    const { interviewId, answerIds } = await started();
    const before = await stored(interviewId);

    // Preparation left, 7 s apart.
    const preparing = await Promise.all([5, 12].map(async (at) => ({ at, view: await loadCandidateView(interviewId, s(at)) })));
    expect(preparing.map(({ at, view }) => [view.current?.id, view.current?.phase, secondsBetween(s(at), view.current!.answerStartsAt)])).toEqual([
      [answerIds[0], "preparing", 25],
      [answerIds[0], "preparing", 18],
    ]);

    // Answer time left, 33 s apart.
    const first = await loadCandidateView(interviewId, s(50));
    const reload = await loadCandidateView(interviewId, s(83));
    expect(first).toMatchObject({ status: InterviewStatus.IN_PROGRESS, questionTotal: 2, finished: false, current: { id: answerIds[0], phase: "answering" } });
    expect(reload.current?.id).toBe(answerIds[0]);
    expect(secondsBetween(s(50), first.current!.deadline)).toBe(100);
    expect(secondsBetween(s(83), reload.current!.deadline)).toBe(67);

    // Away past the first close: the second question has been running since +155.
    const later = await loadCandidateView(interviewId, s(200));
    expect(later.current).toMatchObject({ id: answerIds[1], presentedAt: s(155), phase: "answering", deadline: s(265) });
    // Away for good: the view shows the end, the database still waits for a write or the sweep.
    expect(await loadCandidateView(interviewId, s(3600))).toMatchObject({ current: null, finished: true });

    expect(await stored(interviewId)).toEqual(before);
  });
});

describe("requestReschedule", () => {
  it("an expired interview → one request, recorded and emailed to the recruiter; a second → already_requested", async () => {
    const prisma = await db();
    const { interviewId, key } = await scheduled();
    // As the sweep leaves it (tests/sweep.test.ts shows the sweep doing it).
    await prisma.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.EXPIRED } });
    const at = s(3600);
    await requestReschedule(await asCandidate(interviewId), at);

    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.EXPIRED, rescheduleRequestedAt: at });
    expect(after.events.map((e) => [e.type, e.actorType, e.createdAt])).toEqual([
      ["interview.scheduled", ActorType.USER, expect.any(Date)],
      ["reschedule.requested", ActorType.CANDIDATE, at],
    ]);
    const requests = after.emails.filter((e) => e.kind === EmailKind.RESCHEDULE_REQUESTED);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ toEmail: org.ownerEmail, status: EmailStatus.PENDING });
    expect(requests[0]!.text).toContain(`/interviews/${interviewId}`);
    expect(await resolveAccess(key, at)).toEqual({ state: "expired", interviewId, sessionId: expect.any(String), rescheduleRequested: true });

    await expectRefused(requestReschedule(await asCandidate(interviewId), addMinutes(at, 5)), "already_asked_new_time");
    expect(await stored(interviewId)).toEqual(after);
  });

  it("a SCHEDULED interview whose window has closed → expired first, then the request", async () => {
    const { interviewId } = await scheduled();
    const before = await stored(interviewId);
    // At the close the window is still open: nothing to ask for yet.
    await expectRefused(requestReschedule(await asCandidate(interviewId), s(15 * 60)), "not_open");
    expect(await stored(interviewId)).toEqual(before);

    const at = s(15 * 60 + 1);
    await requestReschedule(await asCandidate(interviewId), at);
    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.EXPIRED, rescheduleRequestedAt: at });
    const events = after.events.filter((e) => e.type !== "interview.scheduled");
    expect(events.map((e) => [e.type, e.actorType, e.createdAt]).sort()).toEqual([
      ["interview.expired", ActorType.SYSTEM, at],
      ["reschedule.requested", ActorType.CANDIDATE, at],
    ]);
    expect(after.emails.filter((e) => e.kind === EmailKind.RESCHEDULE_REQUESTED)).toHaveLength(1);
  });

  it("an open, started or completed interview → not_open, and nothing is written", async () => {
    const open = await scheduled();
    const before = await stored(open.interviewId);
    await expectRefused(requestReschedule(await asCandidate(open.interviewId), START), "not_open");
    expect(await stored(open.interviewId)).toEqual(before);

    const { interviewId, answerIds } = await started();
    await expectRefused(requestReschedule(await asCandidate(interviewId), s(3600)), "not_open");
    await submitAnswer(await asCandidate(interviewId), answerIds[0]!, "a", s(40));
    await submitAnswer(await asCandidate(interviewId), answerIds[1]!, "b", s(80));
    const completed = await stored(interviewId);
    await expectRefused(requestReschedule(await asCandidate(interviewId), s(3600)), "not_open");
    expect(await stored(interviewId)).toEqual(completed);
  });
});
