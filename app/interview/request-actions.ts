"use server";

import { after } from "next/server";
import { z } from "zod";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { CandidateRequestError } from "@/lib/interviews/candidate/errors";
import { requestAccommodation, requestDeletion } from "@/lib/interviews/candidate/requests";
import { ACCOMMODATION_MESSAGE_MAX } from "@/lib/limits";

// Like every candidate action (./actions.ts), these act on the interview the cookie's key
// resolves to now: no id from the page is trusted.

const request = { caller: "candidate", refuse: asFormState, failed: "Something went wrong and your request was not sent. Please try again." } as const;
const message = z.object({
  message: z.preprocess(
    (value) => value ?? "",
    z.string().trim().min(1, "Tell the recruiter what would help you.").max(ACCOMMODATION_MESSAGE_MAX, `Use at most ${ACCOMMODATION_MESSAGE_MAX.toLocaleString("en-US")} characters.`),
  ),
});

/** From the lobby: sends the candidate's accommodation request to the recruiter. */
export const requestAccommodationAction = defineAction(
  { ...request, name: "request accommodation", args: [previousState, formInput(message)] },
  async ({ access }, _prev, input) => {
    if (access.state !== "open") throw new CandidateRequestError("not_open");
    const { requestsLeft } = await requestAccommodation(access, input.message);
    after(wakeDispatcher);
    return { ok: true, message: `Sent. The recruiter will reply by email.${requestsLeft === 0 ? " This was the last request you can send from here." : ""}` };
  },
);

/** From the thank-you page: asks the recruiter to delete the candidate's answers and recordings. */
export const requestDeletionAction = defineAction({ ...request, name: "request deletion", args: [] }, async ({ access }) => {
  // "in_progress" too: the last question's time may have run out before the sweep noticed.
  if (access.state !== "completed" && access.state !== "in_progress") throw new CandidateRequestError("not_completed");
  await requestDeletion(access);
  after(wakeDispatcher);
  return { ok: true, message: "Your request has been sent to the hiring team." };
});
