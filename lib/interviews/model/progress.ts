import { addSeconds } from "date-fns";
import type { AnswerType } from "@/lib/generated/prisma/enums";

/** Seconds after a written answer's time runs out in which a submission still counts (network, a slow click). */
export const ANSWER_GRACE_SECONDS = 5;
/**
 * Seconds after a recorded answer's time runs out in which what was recorded before the deadline
 * may still arrive (slow uplinks, retries) and the answer be submitted. Nothing new can be
 * recorded then: a take cannot start after the deadline, and the page stops recording at it.
 */
export const UPLOAD_GRACE_SECONDS = 60;

export interface AnswerTiming {
  id: string;
  position: number;
  prepSeconds: number;
  answerSeconds: number;
  presentedAt: Date | null;
  answerStartedAt: Date | null;
  submittedAt: Date | null;
  /** Recorded answers: when the current retake started (a retake gets the full answer time again). */
  takeStartedAt?: Date | null;
  /** Recorded answers close UPLOAD_GRACE_SECONDS after the deadline, written ones ANSWER_GRACE_SECONDS. */
  answerType?: AnswerType;
}

export type Phase = "preparing" | "answering" | "overdue";

/**
 * When a presented question's preparation ends, answering starts, and answering must end. A
 * retake restarts the answer time: the deadline runs from the later of the two starts.
 */
export function answerTimes(answer: AnswerTiming) {
  if (!answer.presentedAt) throw new Error(`question ${answer.position} has not been presented`);
  const prepEndsAt = addSeconds(answer.presentedAt, answer.prepSeconds);
  const answerStartsAt = answer.answerStartedAt && answer.answerStartedAt < prepEndsAt ? answer.answerStartedAt : prepEndsAt;
  const takeStartsAt = answer.takeStartedAt && answer.takeStartedAt > answerStartsAt ? answer.takeStartedAt : answerStartsAt;
  const deadline = addSeconds(takeStartsAt, answer.answerSeconds);
  const grace = answer.answerType === "VIDEO" || answer.answerType === "AUDIO" ? UPLOAD_GRACE_SECONDS : ANSWER_GRACE_SECONDS;
  return { prepEndsAt, answerStartsAt, takeStartsAt, deadline, closesAt: addSeconds(deadline, grace) };
}

/** Where a presented question stands at `now`: both edges of answering (start, deadline + grace) count as answering. */
export function phaseAt(answer: AnswerTiming, now: Date): Phase {
  const { answerStartsAt, closesAt } = answerTimes(answer);
  if (now < answerStartsAt) return "preparing";
  return now <= closesAt ? "answering" : "overdue";
}

export interface Projection<A extends AnswerTiming> {
  answers: A[];
  /** The question the candidate is on, or null when every question is done. */
  current: A | null;
  /** When the last question's time ran out, if it did (the interview is over). */
  finishedAt: Date | null;
  /** Answers whose time ran out since they were stored, with the time each closed. */
  timedOut: Array<{ id: string; submittedAt: Date }>;
  /** The next question, if it was presented by the clock rather than by a submission. */
  presented: Array<{ id: string; presentedAt: Date }>;
  /**
   * DEADLINE interviews between questions: the question the candidate opens next, when they
   * choose to (no clock runs on it until then). Absent otherwise.
   */
  next?: A;
}

/**
 * What the clock has decided since the answers were stored, without writing anything: a question
 * whose time ran out counts as submitted when it closed (its last saved text stands). The server
 * is the clock; a reload or a second tab sees the same result.
 *
 * SCHEDULED (no `dueAt`): the next question was shown the moment the previous one closed — time
 * keeps running while the candidate is away, as it would have had they moved on.
 *
 * DEADLINE (`dueAt` given): the candidate may pause between questions, so the next question is
 * shown only when they open it (presentedAt written by openNextQuestion), until `dueAt`. A
 * question opened by then runs to its own end; once `dueAt` has passed and nothing is running,
 * the interview is over with what was answered, finished at the later of `dueAt` and the last close.
 */
export function project<A extends AnswerTiming>(stored: A[], now: Date, dueAt: Date | null = null): Projection<A> {
  const answers = [...stored].sort((a, b) => a.position - b.position).map((a) => ({ ...a }));
  const timedOut: Projection<A>["timedOut"] = [];
  const presented: Projection<A>["presented"] = [];
  for (let i = 0; i < answers.length; i++) {
    const answer = answers[i]!;
    if (answer.submittedAt) continue;
    if (!answer.presentedAt) {
      if (dueAt) {
        // A break: nothing runs until the candidate opens this question, which they may until dueAt.
        if (now <= dueAt) return { answers, current: null, finishedAt: null, timedOut, presented, next: answer };
        const lastClose = lastSubmitted(answers);
        return { answers, current: null, finishedAt: lastClose && lastClose > dueAt ? lastClose : dueAt, timedOut, presented };
      }
      // Every write presents the next question with the previous one's submission, so this only
      // happens to a row written by hand; show it now rather than never.
      answer.presentedAt = now;
      presented.push({ id: answer.id, presentedAt: now });
    }
    if (phaseAt(answer, now) !== "overdue") return { answers, current: answer, finishedAt: null, timedOut, presented };
    const { closesAt } = answerTimes(answer);
    answer.submittedAt = closesAt;
    timedOut.push({ id: answer.id, submittedAt: closesAt });
    const next = answers[i + 1];
    if (!dueAt && next && !next.presentedAt) {
      next.presentedAt = closesAt;
      presented.push({ id: next.id, presentedAt: closesAt });
    }
  }
  return { answers, current: null, finishedAt: lastSubmitted(answers), timedOut, presented };
}

/** When the last answer was given, wherever it is: after a reopen it need not be the last question's. */
function lastSubmitted(answers: ReadonlyArray<{ submittedAt: Date | null }>): Date | null {
  return answers.reduce<Date | null>((last, a) => (a.submittedAt && (!last || a.submittedAt > last) ? a.submittedAt : last), null);
}

/**
 * Seconds the candidate spent on the kept take: from when answering (or the retake) started, as
 * answerTimes() reckons it and the candidate's timer showed it, to submission, capped at the time
 * allowed (a timed-out answer closes after a short grace). Null when not submitted, or never shown.
 */
export function timeUsedSeconds(answer: Omit<AnswerTiming, "id" | "position">): number | null {
  if (!answer.submittedAt || !answer.presentedAt) return null;
  const { takeStartsAt } = answerTimes({ ...answer, id: "", position: 0 });
  const used = Math.round((answer.submittedAt.getTime() - takeStartsAt.getTime()) / 1000);
  return Math.min(Math.max(used, 0), answer.answerSeconds);
}
