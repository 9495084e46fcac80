import { addDays, addSeconds } from "date-fns";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, EmailStatus, IntegritySignalKind, InterviewStatus, Role } from "@/lib/generated/prisma/enums";
import { resolveAccess } from "@/lib/interviews/candidate/access";
import { openNextQuestion, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { loadCandidateView } from "@/lib/interviews/candidate/portal-view";
import { finishRecording, startRecording, storeChunk } from "@/lib/interviews/candidate/recordings";
import { recordSignal } from "@/lib/interviews/candidate/signals";
import { recordingPrefix } from "@/lib/interviews/media";
import { requestDeletion } from "@/lib/interviews/candidate/requests";
import { reopenAnswers } from "@/lib/interviews/recruiter/manage";
import { saveRating } from "@/lib/interviews/review/scorecards";
import { setStorage } from "@/lib/storage";
import { makeSchedulingOrg } from "./support/factories";
import { answerRows, asCandidate, interviewSnapshot, linkKeys, scheduleAt, scheduleDeadline } from "./support/interviews";
import { memoryStorage } from "./support/memory-storage";

// Reopening chosen answers of a completed DEADLINE interview (the Hireflix pattern), against the
// real database and the injected clock. These interviews live in 2034: after the real clock and
// every fixed-clock sweep of other files, so no sweep touches them.
const OPENS = new Date("2034-03-06T08:00:00.000Z");
const DUE = addDays(OPENS, 3);
const s = (seconds: number) => addSeconds(OPENS, seconds);
const WEBM = "video/webm;codecs=vp8,opus";
/** The new due date, at 17:00 Berlin time (CET): 16:00 UTC. */
const NEW_DATE = "2034-03-16";
const NEW_DUE = new Date("2034-03-16T16:00:00.000Z");

const media = memoryStorage();
let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;

beforeAll(async () => {
  setStorage(media.storage);
  // "Why us?" (written), then "Show us your workspace." (video).
  org = await makeSchedulingOrg("Reopen");
});
afterAll(() => setStorage(null));
afterEach(() => setClock(null));

async function stored(interviewId: string) {
  const prisma = await db();
  const [snapshot, answers, recordings, signals, ratings, transcripts] = await Promise.all([
    interviewSnapshot(interviewId),
    answerRows(interviewId),
    prisma.recording.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
    prisma.integritySignal.findMany({ where: { interviewId }, orderBy: { id: "asc" } }),
    prisma.scorecardRating.findMany({ where: { answer: { interviewId } }, orderBy: { answerId: "asc" }, select: { answerId: true, rating: true, notes: true } }),
    prisma.transcript.findMany({ where: { interviewId } }),
  ]);
  return { ...snapshot, answers, recordings, signals, ratings, transcripts };
}

/**
 * A DEADLINE interview the candidate completed: a written answer, then a video one recorded in one
 * take (its media in storage) during which they left the page; both answers rated by the recruiter.
 */
async function completed() {
  const { interviewId, key } = await scheduleDeadline(org, OPENS, DUE);
  const candidate = await asCandidate(interviewId);
  await startInterview(candidate, true, s(60));
  const [written, video] = (await answerRows(interviewId)).map((a) => a.id) as [string, string];
  await submitAnswer(candidate, written, "Because of the robots.", s(100));
  await openNextQuestion(candidate, s(110));
  const take = await startRecording(candidate, video, WEBM, s(120));
  await storeChunk(candidate, take.recordingId, 0, new Uint8Array([1, 2, 3]), WEBM, s(125));
  await recordSignal(candidate, { kind: IntegritySignalKind.LEFT_PAGE, answerId: video, seconds: 4 }, s(126));
  await finishRecording(candidate, take.recordingId, { chunks: 1, durationMs: 5_000 }, s(130));
  await submitAnswer(candidate, video, "", s(131));
  setClock(s(200));
  for (const answerId of [written, video]) await saveRating({ ...org.scheduler, role: Role.OWNER }, interviewId, answerId, { rating: 4, notes: "Good" });
  setClock(null);
  return { interviewId, key, written, video, recordingId: take.recordingId };
}

describe("reopening chosen answers", () => {
  it("clears the chosen answer, its rating, recording, media and signals, keeps the others, and sends one email with a fresh key", async () => {
    const { interviewId, key: oldKey, video, recordingId } = await completed();
    expect(media.keys(recordingPrefix(interviewId, recordingId))).toHaveLength(1);
    const before = await stored(interviewId);
    expect(before.interview?.status).toBe(InterviewStatus.COMPLETED);
    // The recorded answer's transcript was queued when it was submitted; the written one needs none.
    expect(before.transcripts.map((t) => t.answerId)).toEqual([video]);

    const at = addDays(DUE, 1);
    setClock(at);
    expect(await reopenAnswers(org.scheduler, interviewId, { answerIds: [video], dueDate: NEW_DATE })).toEqual({ reopened: 1 });
    const after = await stored(interviewId);
    expect(after.interview).toMatchObject({ status: InterviewStatus.IN_PROGRESS, completedAt: null, dueAt: NEW_DUE, opensAt: OPENS, startedAt: s(60) });
    expect(after.answers[0]).toEqual(before.answers[0]);
    expect(after.answers[1]).toMatchObject({ id: video, presentedAt: null, answerStartedAt: null, submittedAt: null, takeStartedAt: null, savedAt: null, text: "" });
    // The reopened answer's scores go with it; the kept answer's stay.
    expect(before.ratings).toHaveLength(2);
    expect(after.ratings).toEqual([{ answerId: before.answers[0]!.id, rating: 4, notes: "Good" }]);
    expect(after.recordings).toEqual([]);
    // A transcript of the take that is gone would stand for words nobody can hear.
    expect(after.transcripts).toEqual([]);
    expect(media.keys(recordingPrefix(interviewId, recordingId))).toEqual([]);
    expect(after.signals).toEqual([]);

    // Exactly one email, naming the question and the new due time, with a new link; the old one is replaced.
    const reopened = after.emails.filter((e) => e.kind === EmailKind.ANSWERS_REOPENED);
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.subject).toMatch(/^Please answer a question again: your interview with .+: Engineer /);
    expect(reopened[0]!.text).toContain("Question 2: Show us your workspace.");
    expect(reopened[0]!.text).not.toContain("Why us?");
    expect(reopened[0]!.text).toContain("Complete by: Thursday, March 16, 2034, 5:00 PM Central European Standard Time (GMT+1)");
    const newKey = linkKeys(reopened[0]!.text)[0]!;
    expect(newKey).not.toBe(oldKey);
    expect(await resolveAccess(newKey, at)).toMatchObject({ state: "in_progress" });
    expect(await resolveAccess(oldKey, at)).toEqual({ state: "replaced" });
    // Reminders of the new due time: 72, 24 and 2 hours before it.
    const reminders = after.emails.filter((e) => e.kind === EmailKind.DEADLINE_REMINDER && e.status === EmailStatus.PENDING);
    expect(reminders.map((e) => e.sendAfter)).toEqual([72, 24, 2].map((h) => addSeconds(NEW_DUE, -h * 3600)));
    expect(after.events.filter((e) => e.type === "answers.reopened").map((e) => e.data)).toEqual([{ numbers: [2], dueAt: NEW_DUE.toISOString(), sessionId: expect.any(String) }]);

    // The candidate's lobby says 1 of 2 answered; they answer the reopened question only, and the interview completes again.
    const candidate = await asCandidate(interviewId);
    expect(await loadCandidateView(interviewId, addSeconds(at, 10))).toMatchObject({ answeredCount: 1 });
    await openNextQuestion(candidate, addSeconds(at, 20));
    expect((await answerRows(interviewId))[1]!.presentedAt).toEqual(addSeconds(at, 20));
    expect(await submitAnswer(candidate, video, "", addSeconds(at, 60))).toEqual({ done: true });
    const done = await stored(interviewId);
    expect(done.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: addSeconds(at, 60) });
    expect(done.answers[0]).toEqual(before.answers[0]);
    // Answered again without a recording this time: nothing to transcribe.
    expect(done.transcripts).toEqual([]);
    expect(done.emails.filter((e) => e.kind === EmailKind.DEADLINE_REMINDER).map((e) => e.status)).toEqual(
      expect.arrayContaining(Array(3).fill(EmailStatus.CANCELLED)),
    );
    expect(done.emails.filter((e) => e.kind === EmailKind.DEADLINE_REMINDER && e.status === EmailStatus.PENDING)).toEqual([]);
    expect(done.emails.filter((e) => e.kind === EmailKind.ANSWERS_RECEIVED)).toHaveLength(2);
  });

  it("stands when storage refuses to delete the reopened answer's media: logged, without the key, left for retention", async () => {
    const { interviewId, video, recordingId } = await completed();
    media.fail(recordingPrefix(interviewId, recordingId));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let log = "";
    try {
      setClock(addDays(DUE, 1));
      await reopenAnswers(org.scheduler, interviewId, { answerIds: [video], dueDate: NEW_DATE });
      expect(logged).toHaveBeenCalledWith("deleting a reopened answer's media failed", { recordingId, error: expect.stringContaining("storage unavailable") });
      log = JSON.stringify(logged.mock.calls);
    } finally {
      logged.mockRestore();
      media.heal();
    }
    const after = await stored(interviewId);
    expect(after.interview?.status).toBe(InterviewStatus.IN_PROGRESS);
    expect(after.recordings).toEqual([]);
    expect(media.keys(recordingPrefix(interviewId, recordingId))).toHaveLength(1);
    expect(log).toContain(recordingId);
    expect(log).not.toContain(linkKeys(after.emails.find((e) => e.kind === EmailKind.ANSWERS_REOPENED)!.text)[0]!);
  });

  it("asks only what was reopened: a question the deadline left unopened stays closed", async () => {
    const { interviewId } = await scheduleDeadline(org, OPENS, DUE);
    const candidate = await asCandidate(interviewId);
    await startInterview(candidate, true, s(60));
    const [written, video] = (await answerRows(interviewId)).map((a) => a.id) as [string, string];
    await submitAnswer(candidate, written, "First try", s(100));
    // The due time passes with the video question never opened: the interview completes with one answer.
    await openNextQuestion(candidate, addSeconds(DUE, 1)).catch(() => undefined);
    const closed = await stored(interviewId);
    expect(closed.interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: DUE });

    const at = addDays(DUE, 1);
    setClock(at);
    await reopenAnswers(org.scheduler, interviewId, { answerIds: [written], dueDate: NEW_DATE });
    const reopened = await stored(interviewId);
    expect(reopened.answers[1]).toMatchObject({ id: video, presentedAt: null, submittedAt: DUE, text: "" });
    expect(reopened.emails.find((e) => e.kind === EmailKind.ANSWERS_REOPENED)!.text).toContain("Question 1: Why us?");

    const again = await asCandidate(interviewId);
    await openNextQuestion(again, addSeconds(at, 10));
    expect(await submitAnswer(again, written, "Second try", addSeconds(at, 40))).toEqual({ done: true });
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: addSeconds(at, 40) });
    expect((await answerRows(interviewId)).map((a) => a.text)).toEqual(["Second try", ""]);
  });

  it.each([
    ["a second before", -1, true],
    ["at", 0, true],
    ["a second after", 1, false],
  ])("opens a reopened question %s the new due time (answered to its end), and not later", async (_label, offset, opens) => {
    const { interviewId, video } = await completed();
    setClock(addDays(DUE, 1));
    await reopenAnswers(org.scheduler, interviewId, { answerIds: [video], dueDate: NEW_DATE });
    const candidate = await asCandidate(interviewId);
    const opened = await openNextQuestion(candidate, addSeconds(NEW_DUE, offset)).catch(() => ({ opened: false }));
    expect(opened).toEqual({ opened: opens });
    if (opens) {
      // 30 s preparation and 120 s to answer: past the due time, the answer is still taken.
      expect(await submitAnswer(candidate, video, "", addSeconds(NEW_DUE, 100))).toEqual({ done: true });
    }
    // Either way it ends completed: answered, or closed with the reopened question unanswered.
    expect((await stored(interviewId)).interview).toMatchObject({ status: InterviewStatus.COMPLETED, completedAt: opens ? addSeconds(NEW_DUE, 100) : NEW_DUE });
  });

  it.each([
    ["no question", () => [], NEW_DATE, "answerIds", "Choose at least one question to reopen."],
    ["another interview's answer", (other: string) => [other], NEW_DATE, "answerIds", "Choose questions of this interview."],
    ["no date", (_: string, own: string) => [own], "2034-02-30", "dueDate", "Enter a date, like 2026-12-05."],
    ["a date too soon to take it", (_: string, own: string) => [own], "2034-03-09", "dueDate", "Choose a later date: the candidate needs time to take it."],
    ["a date more than 60 days ahead", (_: string, own: string) => [own], "2034-06-01", "dueDate", "Give the candidate at most 60 days."],
  ])("refuses %s on its field, writing nothing", async (_label, ids, dueDate, field, message) => {
    const { interviewId, video } = await completed();
    const other = await completed();
    const before = await stored(interviewId);
    setClock(addDays(DUE, 1));
    await expect(reopenAnswers(org.scheduler, interviewId, { answerIds: ids(other.video, video), dueDate })).rejects.toMatchObject({ field, message });
    expect(await stored(interviewId)).toEqual(before);
  });

  it("refuses an interview in progress, one taken at a booked time, one whose answers the candidate asked to delete, another organisation's, and a second reopen, writing nothing", async () => {
    const inProgress = await scheduleDeadline(org, OPENS, DUE);
    await startInterview(await asCandidate(inProgress.interviewId), true, s(60));
    const atATime = await scheduleAt(org, OPENS);
    const booked = await asCandidate(atATime.interviewId);
    await startInterview(booked, true, OPENS);
    for (const answer of await answerRows(atATime.interviewId)) await submitAnswer(booked, answer.id, "", addSeconds(OPENS, 10 + answer.position));
    const deleting = await completed();
    await requestDeletion(await asCandidate(deleting.interviewId), addDays(DUE, 1));
    const reopenedOnce = await completed();
    setClock(addDays(DUE, 1));
    await reopenAnswers(org.scheduler, reopenedOnce.interviewId, { answerIds: [reopenedOnce.video], dueDate: NEW_DATE });
    const theirs = await completed();
    const other = await makeSchedulingOrg("Reopen other");
    const ids = [inProgress.interviewId, atATime.interviewId, deleting.interviewId, reopenedOnce.interviewId, theirs.interviewId];
    const before = await Promise.all(ids.map(stored));
    const answerOf = async (id: string) => (await answerRows(id)).map((a) => a.id);
    const reopen = async (by: typeof org.scheduler, id: string) => reopenAnswers(by, id, { answerIds: await answerOf(id), dueDate: NEW_DATE });
    await expect(reopen(org.scheduler, inProgress.interviewId)).rejects.toThrow("This interview is in progress; only a completed interview's answers can be reopened.");
    await expect(reopen(org.scheduler, atATime.interviewId)).rejects.toThrow(/taken at a booked time/);
    await expect(reopen(org.scheduler, deleting.interviewId)).rejects.toThrow(/asked for their answers to be deleted/);
    await expect(reopen(org.scheduler, reopenedOnce.interviewId)).rejects.toThrow(/in progress/);
    await expect(reopen(other.scheduler, theirs.interviewId)).rejects.toThrow(/not found/i);
    expect(await Promise.all(ids.map(stored))).toEqual(before);
  });
});
