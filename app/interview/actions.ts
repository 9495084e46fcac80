"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { now } from "@/lib/clock";
import { wakeDispatcher } from "@/lib/email/dispatcher";
import type { FormState } from "@/lib/form-state";
import { resolveAccess } from "@/lib/interviews/access";
import { CandidateActionError, saveDraft, startAnswering, startInterview, submitAnswer } from "@/lib/interviews/candidate";
import { PORTAL_COOKIE } from "@/lib/interviews/portal";

// Every candidate action re-reads the key from its cookie and re-checks the session, the
// interview's state and the clock: a page that was right a minute ago proves nothing now.
async function access() {
  return resolveAccess((await cookies()).get(PORTAL_COOKIE)?.value, now());
}

const answerId = z.string().min(1).max(64);
const answerText = z.string().max(20_000, "Answers are limited to 20,000 characters.");

export type AnswerResult = { ok: true; savedAt?: string; done?: boolean } | { ok: false; reason: string; message: string };

const MESSAGES: Record<CandidateActionError["reason"] | "invalid" | "failed", string> = {
  not_open: "This interview cannot be started now.",
  consent_required: "Please agree before you start.",
  time_up: "Time is up for this question. Your last saved answer was kept.",
  not_current: "This question is no longer open.",
  not_in_progress: "This interview is not in progress.",
  already_requested: "You have already asked for a new time.",
  invalid: "Your link no longer works. Check your latest email from the recruiter.",
  failed: "Something went wrong. Please try again.",
};

function refused(error: unknown, context: string): { ok: false; reason: string; message: string } {
  if (error instanceof CandidateActionError) return { ok: false, reason: error.reason, message: MESSAGES[error.reason] };
  console.error(`candidate ${context} failed`, { error: (error as Error).message });
  return { ok: false, reason: "failed", message: MESSAGES.failed };
}

/** Starts the interview (consent given); the page then shows the first question. */
export async function startInterviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const current = await access();
  if (current.state === "in_progress") redirect("/interview");
  if (current.state !== "open") redirect("/interview");
  if (formData.get("consent") !== "yes") return { ok: false, fieldErrors: { consent: [MESSAGES.consent_required] } };
  try {
    await startInterview(current.interviewId, true);
  } catch (error) {
    return { ok: false, message: refused(error, "start").message };
  }
  redirect("/interview");
}

async function onAnswer(rawId: unknown, run: (interviewId: string, id: string) => Promise<AnswerResult>, context: string): Promise<AnswerResult> {
  const current = await access();
  if (current.state !== "in_progress") return { ok: false, reason: current.state === "invalid" ? "invalid" : "not_in_progress", message: current.state === "invalid" ? MESSAGES.invalid : MESSAGES.not_in_progress };
  const id = answerId.safeParse(rawId);
  if (!id.success) return { ok: false, reason: "not_current", message: MESSAGES.not_current };
  try {
    return await run(current.interviewId, id.data);
  } catch (error) {
    return refused(error, context);
  }
}

/** Autosave while typing. */
export async function saveAnswerAction(rawId: string, rawText: string): Promise<AnswerResult> {
  const text = answerText.safeParse(rawText);
  if (!text.success) return { ok: false, reason: "too_long", message: text.error.issues[0]!.message };
  return onAnswer(rawId, async (interviewId, id) => ({ ok: true, savedAt: (await saveDraft(interviewId, id, text.data)).savedAt.toISOString() }), "save");
}

/** Ends the preparation time early. */
export async function skipPreparationAction(rawId: string): Promise<AnswerResult> {
  return onAnswer(rawId, async (interviewId, id) => (await startAnswering(interviewId, id), { ok: true }), "skip");
}

/** Submits the answer; the page then shows the next question or the thank-you. */
export async function submitAnswerAction(rawId: string, rawText: string): Promise<AnswerResult> {
  const text = answerText.safeParse(rawText);
  if (!text.success) return { ok: false, reason: "too_long", message: text.error.issues[0]!.message };
  const result = await onAnswer(rawId, async (interviewId, id) => ({ ok: true, done: (await submitAnswer(interviewId, id, text.data)).done }), "submit");
  if (result.ok && result.done) after(wakeDispatcher);
  return result;
}
