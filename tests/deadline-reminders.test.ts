import { addDays, addHours, addSeconds } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Transport } from "@/lib/email/transports";
import { EmailKind, EmailStatus, InterviewStatus } from "@/lib/generated/prisma/enums";
import { openNextQuestion, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { cancelInterview, extendDeadline } from "@/lib/interviews/recruiter/manage";
import { makeSchedulingOrg } from "./support/factories";
import { answerRows, asCandidate, interviewSnapshot, scheduleDeadline } from "./support/interviews";
import { dispatchAt, dispatchWindows, holdDispatchLock } from "./support/outbox";

// A DEADLINE interview's reminders: 72, 24 and 2 hours before it is due, to a candidate who has not
// finished, composed when they are sent (so they say what is left then), withdrawn on completion
// and cancellation, and planned again when the deadline is extended. Real database, real templates.

// In 2034: past every other file's fixed clock, so no other sweep or dispatch reaches these rows.
const OPENS = new Date("2034-03-06T08:00:00.000Z");
// 09:00 in Berlin (CET) on Saturday 11 March, the candidates' zone.
const DUE = addDays(OPENS, 5);

// Dispatching: each reminder is moved into a window before 1968, which no other file's dispatcher
// reaches (see tests/support/outbox.ts), and sent there; the candidate's progress is what it is.
const nextWindow = dispatchWindows(new Date("1968-06-01T09:00:00Z"));
let releaseDispatch: () => Promise<void>;
let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeAll(async () => {
  releaseDispatch = await holdDispatchLock();
  org = await makeSchedulingOrg("Deadline reminders");
});
afterAll(async () => releaseDispatch());
afterEach(() => setClock(null));

async function reminders(interviewId: string) {
  const { emails } = await interviewSnapshot(interviewId);
  return emails.filter((e) => e.kind === EmailKind.DEADLINE_REMINDER);
}
const pendingTimes = async (interviewId: string) =>
  (await reminders(interviewId)).filter((e) => e.status === EmailStatus.PENDING).map((e) => e.sendAfter);

/** Sends one reminder now, as the dispatcher would at its time; returns what the candidate received (if anything). */
async function send(emailId: string) {
  const at = nextWindow();
  const prisma = await db();
  await prisma.outboxEmail.update({ where: { id: emailId }, data: { nextAttemptAt: at } });
  const sent: Array<{ subject: string; html: string; text: string; to: string }> = [];
  const capture: Transport = { name: "capture", send: async (m) => (sent.push(m), { ok: true, providerMessageId: `msg-${m.id}` }) };
  await dispatchAt(at, capture);
  return { sent: sent[0] ?? null, row: await prisma.outboxEmail.findUniqueOrThrow({ where: { id: emailId } }) };
}

describe("planning deadline reminders", () => {
  it("plans three, 72, 24 and 2 hours before the due time, queued without a body and without a link", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    const planned = await reminders(interviewId);
    expect(planned.map((e) => e.sendAfter)).toEqual([addHours(DUE, -72), addHours(DUE, -24), addHours(DUE, -2)]);
    for (const email of planned) {
      expect(email).toMatchObject({ status: EmailStatus.PENDING, html: "", text: "", secret: null, toEmail: expect.stringContaining("@") });
      expect(email.subject).toMatch(/^Reminder: complete your interview with .+ by Saturday, March 11, 9:00 AM \(your time\)$/);
    }
  });

  it.each([
    ["1 s more than 72 h ahead: all three", addSeconds(addHours(OPENS, 72), 1), [72, 24, 2]],
    ["exactly 72 h ahead: the 72 h one would go as the link opens, so not", addHours(OPENS, 72), [24, 2]],
    ["1 s less than 2 h ahead: none", addSeconds(addHours(OPENS, 2), -1), []],
  ])("for a due time %s", async (_label, dueAt, hours) => {
    const { interviewId } = await scheduleDeadline(org, OPENS, dueAt);
    expect(await pendingTimes(interviewId)).toEqual(hours.map((h) => addHours(dueAt, -h)));
  });
});

describe("sending a deadline reminder", () => {
  it("tells a candidate who has not started how much there is, and one who paused what is left", async () => {
    const { interviewId, candidate } = await scheduleDeadline(org, OPENS, DUE);
    const [first, second] = await reminders(interviewId);

    const notStarted = await send(first!.id);
    expect(notStarted.sent?.text).toContain("You have not started it yet: 2 questions, about 30 minutes.");
    expect(notStarted.sent?.text).toContain("Complete by: Saturday, March 11, 2034, 9:00 AM Central European Standard Time (GMT+1)");
    expect(notStarted.sent?.html).toContain("Your interview is waiting for you");
    // No link in any reminder: the newest link email has it.
    expect(notStarted.sent?.text).not.toMatch(/session_key=/);
    expect(notStarted.sent?.to).toBe(candidate.email);
    // Stored as it went, so the recruiter's email log shows what the candidate read.
    expect(notStarted.row).toMatchObject({ status: EmailStatus.SENT, text: notStarted.sent?.text, subject: notStarted.sent?.subject });

    // The candidate answers the first question and leaves.
    const session = await asCandidate(interviewId);
    await startInterview(session, true, addHours(OPENS, 1));
    const [answer] = await answerRows(interviewId);
    await submitAnswer(session, answer!.id, "Because.", addSeconds(addHours(OPENS, 1), 90));

    const paused = await send(second!.id);
    // The second question: 30 s to prepare and 120 s to answer, about 3 minutes.
    expect(paused.sent?.text).toContain("You have answered 1 of 2 questions; 1 question is left, about 3 minutes.");
    expect(paused.sent?.html).toContain("Finish your interview");
  });

  it("is withdrawn when the candidate finishes, and one claimed after that is not sent", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    const [first] = await reminders(interviewId);
    const session = await asCandidate(interviewId);
    const t = addHours(OPENS, 1);
    await startInterview(session, true, t);
    const answers = await answerRows(interviewId);
    await submitAnswer(session, answers[0]!.id, "One", addSeconds(t, 60));
    await openNextQuestion(session, addSeconds(t, 70));
    await submitAnswer(session, answers[1]!.id, "", addSeconds(t, 100));
    const { interview } = await interviewSnapshot(interviewId);
    expect(interview?.status).toBe(InterviewStatus.COMPLETED);
    expect(await pendingTimes(interviewId)).toEqual([]);
    expect((await reminders(interviewId)).map((e) => [e.status, e.lastError])).toEqual(Array(3).fill([EmailStatus.CANCELLED, "interview completed"]));

    // Even a reminder a dispatcher had claimed before the completion committed is held back.
    const prisma = await db();
    await prisma.outboxEmail.update({ where: { id: first!.id }, data: { status: EmailStatus.PENDING } });
    const late = await send(first!.id);
    expect(late.sent).toBeNull();
    expect(late.row).toMatchObject({ status: EmailStatus.CANCELLED, lastError: "not sent: the interview is completed" });
  });

  it("is withdrawn when the interview is cancelled", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    setClock(addHours(OPENS, 1));
    await cancelInterview(org.scheduler, interviewId);
    expect(await pendingTimes(interviewId)).toEqual([]);
  });

  it("is planned again for the new due time when the deadline is extended", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    const before = await reminders(interviewId);
    setClock(addHours(OPENS, 1));
    // 17:00 in Berlin on 20 March 2034 (CET) is 16:00 UTC.
    await extendDeadline(org.scheduler, interviewId, { dueDate: "2034-03-20" });
    const newDue = new Date("2034-03-20T16:00:00.000Z");
    expect(await pendingTimes(interviewId)).toEqual([addHours(newDue, -72), addHours(newDue, -24), addHours(newDue, -2)]);
    const old = (await reminders(interviewId)).filter((e) => before.some((b) => b.id === e.id));
    expect(old.map((e) => [e.status, e.lastError])).toEqual(Array(3).fill([EmailStatus.CANCELLED, "superseded by a new due date"]));
  });
});
