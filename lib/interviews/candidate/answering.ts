import "server-only";
import type { Tx } from "@/lib/db";
import { cancelPendingEmails } from "@/lib/email/outbox";
import { AnswerType, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { CANDIDATE, recordEvent } from "../audit";
import { answerFields, closeRecordings, completeInterview, readForSettle, settle, type EngineAnswer } from "../lifecycle/settle";
import { statusIn, withInterviewLock } from "../model/guard";
import { phaseAt } from "../model/progress";
import { accessPosition } from "../model/window";
import { REMINDER_KINDS } from "../notify";
import type { CandidateSession } from "./access";
import { CandidateActionError } from "./errors";

// The candidate's steps through an interview. `candidate` always comes from the candidate's
// resolved key, never from the request, and its session must still be the active one when the
// step holds the lock; `at` pins the time for tests (see withInterviewLock).

/**
 * Starts the interview (a POST, after consent): snapshots the job's questions so later edits to
 * the job cannot change it, and shows the first question now.
 */
export async function startInterview(candidate: CandidateSession, consent: boolean, at?: Date) {
  const { interviewId } = candidate;
  if (!consent) throw new CandidateActionError("consent_required");
  const startable = statusIn([InterviewStatus.SCHEDULED, InterviewStatus.IN_PROGRESS], () => new CandidateActionError("not_open"));
  await withInterviewLock(interviewId, { sessionId: candidate.sessionId }, startable, async (tx, interview, at) => {
    if (interview.status === InterviewStatus.IN_PROGRESS) return; // a second tab, or a double click
    const { job, extraTimePercent, extraRetakes, ...window } = await tx.interview.findUniqueOrThrow({
      where: { id: interviewId },
      select: {
        mode: true,
        scheduledAt: true,
        opensMinutesBefore: true,
        closesMinutesAfter: true,
        opensAt: true,
        dueAt: true,
        extraTimePercent: true,
        extraRetakes: true,
        job: { select: { questions: { orderBy: { position: "asc" } } } },
      },
    });
    if (accessPosition(window, at) !== "open") throw new CandidateActionError("not_open");
    // Accommodations are part of the snapshot: the timers and the retake count the candidate
    // sees are the ones the server enforces.
    const extended = (seconds: number) => Math.round((seconds * (100 + extraTimePercent)) / 100);
    await tx.interviewAnswer.createMany({
      data: job.questions.map((q, position) => ({
        interviewId,
        position,
        prompt: q.prompt,
        answerType: q.answerType,
        prepSeconds: extended(q.prepSeconds),
        answerSeconds: extended(q.answerSeconds),
        retakes: q.answerType === AnswerType.TEXT ? 0 : q.retakes + extraRetakes,
        presentedAt: position === 0 ? at : null,
      })),
    });
    await tx.interview.update({ where: { id: interviewId }, data: { status: InterviewStatus.IN_PROGRESS, startedAt: at, consentedAt: at } });
    // Reminders still queued are pointless now.
    await cancelPendingEmails(tx, interviewId, REMINDER_KINDS, "interview started");
    await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: CANDIDATE, type: "interview.started", at });
  }, at);
}

const inProgress = statusIn([InterviewStatus.IN_PROGRESS], () => new CandidateActionError("not_in_progress"));

/** Runs a candidate change on the current question of an interview in progress, after settling what the clock decided. */
export async function onCurrent<T>(candidate: CandidateSession, answerId: string, at: Date | undefined, fn: (tx: Tx, current: EngineAnswer, at: Date) => Promise<T>) {
  const { interviewId } = candidate;
  const outcome = await withInterviewLock(interviewId, { sessionId: candidate.sessionId }, inProgress, async (tx, _interview, at) => {
    const { current, answers } = await settle(tx, await readForSettle(tx, interviewId), at, CANDIDATE);
    if (!current || current.id !== answerId) {
      // The question this request was about has closed (or it is not open yet, or not this
      // interview's). Refused after the commit: throwing here would roll back what settle() wrote.
      return { refused: new CandidateActionError(answers.some((a) => a.id === answerId && a.submittedAt) ? "time_up" : "not_current") };
    }
    return { result: await fn(tx, current, at) };
  }, at);
  if ("refused" in outcome) throw outcome.refused;
  return outcome.result;
}

/** Autosave: keeps the latest text while the question is open (and its grace seconds). */
export async function saveDraft(candidate: CandidateSession, answerId: string, text: string, at?: Date) {
  return onCurrent(candidate, answerId, at, async (tx, current, at) => {
    await tx.interviewAnswer.update({ where: { id: current.id }, data: { text, savedAt: at } });
    return { savedAt: at };
  });
}

/** Skips the rest of the preparation time. */
export async function startAnswering(candidate: CandidateSession, answerId: string, at?: Date) {
  return onCurrent(candidate, answerId, at, async (tx, current, at) => {
    const answer = await tx.interviewAnswer.findUniqueOrThrow({ where: { id: current.id }, select: answerFields });
    if (phaseAt(answer, at) === "preparing") await tx.interviewAnswer.update({ where: { id: current.id }, data: { answerStartedAt: at } });
  });
}

/**
 * Submits the current answer and shows the next question, or completes the interview after the
 * last one. A DEADLINE interview does not show the next question: the candidate may pause here,
 * and its clock starts when they open it (openNextQuestion).
 */
export async function submitAnswer(candidate: CandidateSession, answerId: string, text: string, at?: Date) {
  return onCurrent(candidate, answerId, at, async (tx, current, at) => {
    const answer = await tx.interviewAnswer.update({
      where: { id: current.id },
      data: { text, savedAt: at, submittedAt: at },
      select: { interview: { select: { organizationId: true, mode: true } } },
    });
    await closeRecordings(tx, current, at);
    // The first question still unanswered: the next one, or after a reopen an earlier one.
    const next = await tx.interviewAnswer.findFirst({ where: { interviewId: candidate.interviewId, submittedAt: null }, orderBy: { position: "asc" }, select: { id: true } });
    if (next) {
      if (answer.interview.mode !== InterviewMode.DEADLINE) await tx.interviewAnswer.update({ where: { id: next.id }, data: { presentedAt: at } });
      return { done: false };
    }
    await completeInterview(tx, candidate.interviewId, answer.interview.organizationId, at, CANDIDATE);
    return { done: true };
  });
}

/**
 * DEADLINE interviews, after a break between questions: opens the next question, whose
 * preparation time starts now. Allowed until dueAt (included); a question already open is simply
 * resumed (a second tab, a double click). Returns whether a question is open afterwards.
 */
export async function openNextQuestion(candidate: CandidateSession, at?: Date): Promise<{ opened: boolean }> {
  const { interviewId } = candidate;
  const outcome = await withInterviewLock(interviewId, { sessionId: candidate.sessionId }, inProgress, async (tx, _interview, at) => {
    const interview = await readForSettle(tx, interviewId);
    if (interview.mode !== InterviewMode.DEADLINE) return { refused: new CandidateActionError("not_current") };
    // What the clock decided first: a question that ran out while the candidate was away, or the due time passing.
    const projection = await settle(tx, interview, at, CANDIDATE);
    if (projection.current) return { opened: true };
    // Past dueAt nothing is left to open (settle has just completed the interview), refused after the commit.
    if (!projection.next) return { refused: new CandidateActionError("past_due") };
    await tx.interviewAnswer.update({ where: { id: projection.next.id }, data: { presentedAt: at } });
    await recordEvent(tx, { organizationId: interview.organizationId, interviewId, actor: CANDIDATE, type: "question.opened", data: { number: projection.next.position + 1 }, at });
    return { opened: true };
  }, at);
  if ("refused" in outcome) throw outcome.refused;
  return outcome;
}
