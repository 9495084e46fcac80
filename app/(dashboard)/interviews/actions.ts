"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { wakeDispatcher } from "@/lib/background";
import type { Member } from "@/lib/accounts/auth";
import { setAccommodations } from "@/lib/interviews/recruiter/accommodations";
import { deleteInterviewContent } from "@/lib/interviews/recruiter/content";
import { cancelInterview, extendDeadline, reopenAnswers, rescheduleInterview, resendInvitation } from "@/lib/interviews/recruiter/manage";
import { decide } from "@/lib/interviews/review/decide";
import { reopenScorecard, saveRating, saveRecommendation, submitScorecard } from "@/lib/interviews/review/scorecards";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { requestReviews } from "@/lib/interviews/review/requests";
import { createShareLink, revokeShareLink } from "@/lib/interviews/share/links";
import type { FormState } from "@/lib/form-state";
import { asViewer } from "@/lib/accounts/auth";
import {
  accommodationsSchema,
  cancelSchema,
  decisionSchema,
  extendSchema,
  noFieldsSchema,
  ratingSchema,
  reopenFromFormData,
  reopenSchema,
  rescheduleSchema,
  reviewRequestFromFormData,
  reviewRequestSchema,
  scheduleSchema,
  scorecardRecommendationSchema,
  shareLinkFromFormData,
  shareLinkSchema,
} from "./schema";

const NOT_FOUND = "This interview was not found.";
const manager = (member: Member) => ({ userId: member.id, organizationId: member.organizationId });
/** Managing interviews: recruiters and above. */
const form = { caller: "recruiter", refuse: asFormState, notFound: NOT_FOUND } as const;
const dialog = { caller: "recruiter", refuse: asMessage, notFound: NOT_FOUND } as const;
/** Scoring: any member who may see the interview (lib/ scopes a reviewer to what they are asked to review). */
const scoring = { caller: "member", refuse: asFormState, notFound: NOT_FOUND } as const;

export const scheduleInterviewAction = defineAction(
  { ...form, name: "schedule interview", args: [previousState, formInput(scheduleSchema)] },
  async ({ member }, _prev, input) => {
    const { interviewId } = await scheduleInterview(manager(member), input);
    // The invitation is already in the outbox; send it after the response, never before it.
    after(wakeDispatcher);
    revalidatePath("/interviews");
    redirect(`/interviews/${interviewId}?scheduled=1`);
  },
);

export const rescheduleInterviewAction = defineAction(
  { ...form, name: "reschedule interview", args: [recordId, previousState, formInput(rescheduleSchema)] },
  async ({ member }, id, _prev, input) => {
    await rescheduleInterview(manager(member), id, input);
    after(wakeDispatcher);
    revalidatePath(`/interviews/${id}`);
    return { ok: true, message: "Rescheduled. The candidate is getting the new time and a new link." };
  },
);

/** A DEADLINE interview's new due date: one email with a new link. */
export const extendDeadlineAction = defineAction(
  { ...form, name: "extend deadline", args: [recordId, previousState, formInput(extendSchema)] },
  async ({ member }, id, _prev, input) => {
    await extendDeadline(manager(member), id, input);
    after(wakeDispatcher);
    revalidatePath(`/interviews/${id}`);
    revalidatePath("/interviews");
    return { ok: true, message: "Deadline extended. The candidate is getting the new date and a new link." };
  },
);

/** Chosen answers of a completed DEADLINE interview, to be answered again by a new date: one email with a new link. */
export const reopenAnswersAction = defineAction(
  { ...form, name: "reopen answers", args: [recordId, previousState, formInput(reopenSchema, reopenFromFormData)] },
  async ({ member }, id, _prev, input) => {
    const { reopened } = await reopenAnswers(manager(member), id, input);
    after(wakeDispatcher);
    revalidatePath("/interviews");
    // The page changes around the dialog (in progress again): its notice comes with the page.
    redirect(`/interviews/${id}?reopened=${reopened}`);
  },
);

export const resendInvitationAction = defineAction({ ...dialog, name: "resend invitation", args: [recordId] }, async ({ member }, id) => {
  await resendInvitation(manager(member), id);
  after(wakeDispatcher);
  revalidatePath(`/interviews/${id}`);
  revalidatePath("/interviews");
  return undefined;
});

/** Cancels an interview, with an optional reason for the candidate's email. */
export const cancelInterviewAction = defineAction(
  { ...form, name: "cancel interview", args: [recordId, previousState, formInput(cancelSchema)] },
  async ({ member }, id, _prev, input) => {
    await cancelInterview(manager(member), id, input);
    after(wakeDispatcher);
    revalidatePath(`/interviews/${id}`);
    revalidatePath("/interviews");
    return { ok: true, message: "Interview cancelled. The candidate is getting a cancellation email." };
  },
);

/** One answer's rating and notes on the caller's own scorecard (saved as they type). */
export const saveRatingAction = defineAction(
  { ...scoring, name: "save rating", args: [recordId, recordId, previousState, formInput(ratingSchema)] },
  async ({ member }, interviewId, answerId, _prev, input) => {
    // No revalidation: the page already shows what was typed, and a refresh mid-typing would fight it.
    await saveRating(asViewer(member), interviewId, answerId, input);
    return { ok: true, message: "Saved." };
  },
);

/** The caller's overall recommendation and comment, kept on their draft scorecard (saved as they go). */
export const saveRecommendationAction = defineAction(
  { ...scoring, name: "save recommendation", args: [recordId, previousState, formInput(scorecardRecommendationSchema)] },
  async ({ member }, interviewId, _prev, input) => {
    await saveRecommendation(asViewer(member), interviewId, input);
    return { ok: true, message: "Saved." };
  },
);

/** Submits the caller's scorecard with the recommendation and comment on the form, in one step. */
export const submitScorecardAction = defineAction(
  { ...scoring, name: "submit scorecard", args: [recordId, previousState, formInput(scorecardRecommendationSchema)] },
  async ({ member }, interviewId, _prev, input) => {
    await submitScorecard(asViewer(member), interviewId, input);
    revalidatePath(`/interviews/${interviewId}`);
    return { ok: true, message: "Scorecard submitted." };
  },
);

export const reopenScorecardAction = defineAction(
  { ...scoring, name: "reopen scorecard", args: [recordId, previousState, formInput(noFieldsSchema)] },
  async ({ member }, interviewId) => {
    await reopenScorecard(asViewer(member), interviewId);
    revalidatePath(`/interviews/${interviewId}`);
    return { ok: true, message: "Scorecard reopened." };
  },
);

/** The hiring decision (recruiters and above; lib refuses a reviewer). */
export const decideAction = defineAction(
  { ...form, name: "decide", args: [recordId, previousState, formInput(decisionSchema)] },
  async ({ member }, interviewId, _prev, input) => {
    await decide(asViewer(member), interviewId, input);
    revalidatePath(`/interviews/${interviewId}`);
    revalidatePath("/interviews");
    return { ok: true, message: "Decision saved." };
  },
);

/** Extra time and retakes for a scheduled interview (applied when the candidate starts). */
export const setAccommodationsAction = defineAction(
  { ...form, name: "set accommodations", args: [recordId, previousState, formInput(accommodationsSchema)] },
  async ({ member }, id, _prev, input) => {
    await setAccommodations(manager(member), id, input);
    revalidatePath(`/interviews/${id}`);
    return { ok: true, message: "Accommodations saved. They apply when the candidate starts." };
  },
);

/** Deletes a finished interview's answers and recordings. */
export const deleteInterviewContentAction = defineAction({ ...dialog, name: "delete interview content", args: [recordId] }, async ({ member }, id) => {
  await deleteInterviewContent(manager(member), id);
  revalidatePath(`/interviews/${id}`);
  return undefined;
});

/** Asks teammates to review one or more completed interviews (an email each, a reminder the day before it is due). */
export const requestReviewsAction = defineAction(
  { ...form, name: "request reviews", args: [previousState, formInput(reviewRequestSchema, reviewRequestFromFormData)] },
  async ({ member }, _prev, input) => {
    const { asked, alreadyAsked, emailed } = await requestReviews(asViewer(member), input);
    after(wakeDispatcher);
    for (const id of input.interviewIds) revalidatePath(`/interviews/${id}`);
    revalidatePath("/interviews");
    const sent = asked === 0 ? "Everyone you chose was already asked; no one was emailed again." : `Review ${asked === 1 ? "request" : "requests"} sent: ${emailed} ${emailed === 1 ? "email" : "emails"} on the way.`;
    return { ok: true, message: alreadyAsked > 0 && asked > 0 ? `${sent} ${alreadyAsked} already asked were not emailed again.` : sent };
  },
);

/** A created share link's form state: its URL, the one time it is ever shown. */
export type ShareLinkFormState = FormState & { url?: string };

/**
 * Creates a share link for chosen answers of a completed interview. The URL comes back in this
 * response only: Kairos keeps its SHA-256, and nothing logs it.
 */
export const createShareLinkAction = defineAction(
  { ...form, name: "create share link", args: [recordId, previousState, formInput(shareLinkSchema, shareLinkFromFormData)] },
  async ({ member }, id, _prev, input): Promise<ShareLinkFormState> => {
    const { url } = await createShareLink(asViewer(member), id, input);
    revalidatePath(`/interviews/${id}`);
    return { ok: true, message: "Share link created.", url };
  },
);

/** Revokes a share link: from now on it answers "no longer available". */
export const revokeShareLinkAction = defineAction({ ...dialog, name: "revoke share link", notFound: "This share link was not found.", args: [recordId, recordId] }, async ({ member }, id, shareLinkId) => {
  await revokeShareLink(asViewer(member), id, shareLinkId);
  revalidatePath(`/interviews/${id}`);
  return undefined;
});
