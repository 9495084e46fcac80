"use server";

import { cookies } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { now } from "@/lib/clock";
import { wakeDispatcher } from "@/lib/email/dispatcher";
import { FieldError } from "@/lib/errors";
import type { FormState } from "@/lib/form-state";
import { resolveAccess } from "@/lib/interviews/access";
import { requestAccommodation } from "@/lib/interviews/accommodations";
import { requestDeletion } from "@/lib/interviews/deletion";
import { PORTAL_COOKIE } from "@/lib/interviews/portal";
import { CandidateRequestError } from "@/lib/interviews/requests";

// Like every candidate action (./actions.ts), these re-read the key from its cookie and act on
// the interview it resolves to now: no id from the page is trusted.
async function access() {
  return resolveAccess((await cookies()).get(PORTAL_COOKIE)?.value, now());
}

const message = z.string().trim().min(1, "Tell the recruiter what would help you.").max(2000, "Use at most 2,000 characters.");

const INVALID = "Your link no longer works. Check your latest email from the recruiter.";
const FAILED = "Something went wrong and your request was not sent. Please try again.";

function refusal(error: CandidateRequestError): string {
  switch (error.reason) {
    case "too_soon":
      return `You sent a request a few minutes ago. You can send another in ${error.retryInMinutes === 1 ? "1 minute" : `${error.retryInMinutes} minutes`}.`;
    case "too_many":
      return "You have sent as many requests as we can pass on. To add anything, reply to the recruiter's email.";
    case "not_open":
      return "This interview can no longer take requests. To ask for something, reply to the recruiter's email.";
    case "not_completed":
      return "You can ask for this once your interview is complete.";
    case "already_requested":
      return "You have already asked for your answers to be deleted. The hiring team has been told.";
    case "already_deleted":
      return "Your answers and recordings have already been deleted.";
  }
}

function failure(error: unknown, context: string): FormState {
  if (error instanceof CandidateRequestError) return { ok: false, message: refusal(error) };
  if (error instanceof FieldError) return { ok: false, fieldErrors: { [error.field]: [error.message] } };
  console.error(`candidate ${context} failed`, { error: (error as Error).message });
  return { ok: false, message: FAILED };
}

/** From the lobby: sends the candidate's accommodation request to the recruiter. */
export async function requestAccommodationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const current = await access();
  if (current.state === "invalid") return { ok: false, message: INVALID };
  if (current.state !== "open") return { ok: false, message: refusal(new CandidateRequestError("not_open")) };
  const parsed = message.safeParse(formData.get("message") ?? "");
  if (!parsed.success) return { ok: false, fieldErrors: { message: [parsed.error.issues[0]!.message] } };
  let requestsLeft: number;
  try {
    ({ requestsLeft } = await requestAccommodation(current.interviewId, parsed.data));
  } catch (error) {
    return failure(error, "accommodation request");
  }
  after(wakeDispatcher);
  return {
    ok: true,
    message: `Sent. The recruiter will reply by email.${requestsLeft === 0 ? " This was the last request you can send from here." : ""}`,
  };
}

/** From the thank-you page: asks the recruiter to delete the candidate's answers and recordings. */
export async function requestDeletionAction(): Promise<FormState> {
  const current = await access();
  if (current.state === "invalid") return { ok: false, message: INVALID };
  // "in_progress" too: the last question's time may have run out before the sweep noticed.
  if (current.state !== "completed" && current.state !== "in_progress") return { ok: false, message: refusal(new CandidateRequestError("not_completed")) };
  try {
    await requestDeletion(current.interviewId);
  } catch (error) {
    return failure(error, "deletion request");
  }
  after(wakeDispatcher);
  return { ok: true, message: "Your request has been sent to the hiring team." };
}
