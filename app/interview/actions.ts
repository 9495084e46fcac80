"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { asFormState, defineAction, formInput, previousState, type RefusalShape } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { wakeDispatcher, wakeTranscriber } from "@/lib/background";
import { openNextQuestion, saveDraft, startAnswering, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import type { Access, CandidateSession } from "@/lib/interviews/candidate/access";
import { CandidateActionError } from "@/lib/interviews/candidate/errors";
import { ANSWER_TEXT_MAX } from "@/lib/limits";

// Every candidate action re-reads the key from its cookie (the pipeline's "candidate" caller) and
// re-checks the interview's state and the clock under its lock: a page that was right a minute
// ago proves nothing now.

export type AnswerResult = { ok: true; savedAt?: string; done?: boolean } | { ok: false; reason: string; message: string };

const asAnswerResult: RefusalShape<AnswerResult> = ({ reason, message }) => ({ ok: false, reason, message });
/** An answer id that names no answer is simply not the question on screen. */
const answer = { caller: "candidate", refuse: asAnswerResult, notFound: { reason: "not_current", message: new CandidateActionError("not_current").message } } as const;
const answerText = z.string().max(ANSWER_TEXT_MAX, `Answers are limited to ${ANSWER_TEXT_MAX.toLocaleString("en-US")} characters.`);

/** The interview in progress the cookie opens, or the refusal for anything else. */
function inProgress(access: Exclude<Access, { state: "invalid" }>): CandidateSession {
  if (access.state !== "in_progress") throw new CandidateActionError("not_in_progress");
  return access;
}

/** Starts the interview (consent given); the page then shows the first question. */
export const startInterviewAction = defineAction(
  {
    caller: "candidate",
    // The page decides what to show for a key that opens nothing (proxy.ts's 404).
    linkInvalid: () => redirect("/interview"),
    refuse: asFormState,
    name: "start interview",
    args: [previousState, formInput(z.object({ consent: z.string().max(10).optional() }))],
  },
  async ({ access }, _prev, input) => {
    if (access.state !== "open") redirect("/interview");
    if (input.consent !== "yes") return { ok: false, fieldErrors: { consent: [new CandidateActionError("consent_required").message] } };
    await startInterview(access, true);
    redirect("/interview");
  },
);

/**
 * An interview to complete by a deadline, after a break between questions: opens the next
 * question (its preparation time starts now); the page then shows it.
 */
export const openNextQuestionAction = defineAction(
  {
    caller: "candidate",
    linkInvalid: () => redirect("/interview"),
    refuse: asFormState,
    name: "open next question",
    args: [previousState, formInput(z.object({}))],
  },
  async ({ access }) => {
    await openNextQuestion(inProgress(access));
    redirect("/interview");
  },
);

/** Autosave while typing. */
export const saveAnswerAction = defineAction({ ...answer, name: "save answer", args: [recordId, answerText] }, async ({ access }, id, text) => {
  const { savedAt } = await saveDraft(inProgress(access), id, text);
  return { ok: true as const, savedAt: savedAt.toISOString() };
});

/** Ends the preparation time early. */
export const skipPreparationAction = defineAction({ ...answer, name: "skip preparation", args: [recordId] }, async ({ access }, id) => {
  await startAnswering(inProgress(access), id);
  return { ok: true as const };
});

/** Submits the answer; the page then shows the next question or the thank-you. */
export const submitAnswerAction = defineAction({ ...answer, name: "submit answer", args: [recordId, answerText] }, async ({ access }, id, text) => {
  const { done } = await submitAnswer(inProgress(access), id, text);
  if (done) after(wakeDispatcher);
  // A recorded answer's transcript was queued with it.
  after(wakeTranscriber);
  return { ok: true as const, done };
});
