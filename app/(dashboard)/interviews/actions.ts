"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { requireMember } from "@/lib/auth";
import { wakeDispatcher } from "@/lib/email/dispatcher";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { setAccommodations } from "@/lib/interviews/accommodations";
import { deleteInterviewContent } from "@/lib/interviews/deletion";
import { cancelInterview, rescheduleInterview, resendInvitation } from "@/lib/interviews/manage";
import { rateAnswer, recommend } from "@/lib/interviews/review";
import { scheduleInterview } from "@/lib/interviews/schedule";
import { accommodationsSchema, ratingSchema, recommendationSchema, rescheduleSchema, scheduleSchema } from "./schema";

const NOT_FOUND = "This interview was not found.";

/** Maps the domain's expected errors to what the form shows; anything else is logged and generic. */
function failure(error: unknown, context: Record<string, unknown>): FormState {
  if (error instanceof FieldError) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { [error.field]: [error.message] } };
  if (error instanceof NotFoundError) return { ok: false, message: NOT_FOUND };
  if (error instanceof StateError) return { ok: false, message: error.message };
  console.error("interview action failed", { ...context, error });
  return { ok: false, message: "Something went wrong. Nothing was changed; please try again." };
}

export async function scheduleInterviewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = scheduleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  let interviewId: string;
  try {
    ({ interviewId } = await scheduleInterview({ userId: member.id, organizationId: member.organizationId }, parsed.data));
  } catch (error) {
    return failure(error, { action: "schedule", organizationId: member.organizationId });
  }
  // The invitation is already in the outbox; send it after the response, never before it.
  after(wakeDispatcher);
  revalidatePath("/interviews");
  redirect(`/interviews/${interviewId}?scheduled=1`);
}

export async function rescheduleInterviewAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = rescheduleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await rescheduleInterview({ userId: member.id, organizationId: member.organizationId }, String(id), parsed.data);
  } catch (error) {
    return failure(error, { action: "reschedule", organizationId: member.organizationId, id });
  }
  after(wakeDispatcher);
  revalidatePath(`/interviews/${id}`);
  return { ok: true, message: "Rescheduled. The candidate is getting the new time and a new link." };
}

/** Resend or cancel: returns an error message for the dialog, or nothing. */
async function runChange(kind: "resend" | "cancel", id: string): Promise<string | undefined> {
  const member = await requireMember();
  const by = { userId: member.id, organizationId: member.organizationId };
  try {
    await (kind === "resend" ? resendInvitation(by, String(id)) : cancelInterview(by, String(id)));
  } catch (error) {
    return failure(error, { action: kind, organizationId: member.organizationId, id }).message;
  }
  after(wakeDispatcher);
  revalidatePath(`/interviews/${id}`);
  revalidatePath("/interviews");
}

export async function resendInvitationAction(id: string): Promise<string | undefined> {
  return runChange("resend", id);
}

export async function cancelInterviewAction(id: string): Promise<string | undefined> {
  return runChange("cancel", id);
}

export async function rateAnswerAction(interviewId: string, answerId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = ratingSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await rateAnswer({ userId: member.id, organizationId: member.organizationId }, String(interviewId), String(answerId), parsed.data);
  } catch (error) {
    return failure(error, { action: "rate", organizationId: member.organizationId, id: interviewId, answerId });
  }
  revalidatePath(`/interviews/${interviewId}`);
  return { ok: true, message: "Rating saved." };
}

export async function recommendAction(interviewId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = recommendationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await recommend({ userId: member.id, organizationId: member.organizationId }, String(interviewId), parsed.data);
  } catch (error) {
    return failure(error, { action: "recommend", organizationId: member.organizationId, id: interviewId });
  }
  revalidatePath(`/interviews/${interviewId}`);
  revalidatePath("/interviews");
  return { ok: true, message: "Recommendation saved." };
}

/** Extra time and retakes for a scheduled interview (applied when the candidate starts). */
export async function setAccommodationsAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = accommodationsSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setAccommodations({ userId: member.id, organizationId: member.organizationId }, String(id), parsed.data);
  } catch (error) {
    return failure(error, { action: "accommodations", organizationId: member.organizationId, id });
  }
  revalidatePath(`/interviews/${id}`);
  return { ok: true, message: "Accommodations saved. They apply when the candidate starts." };
}

/** Deletes a finished interview's answers and recordings: returns an error message for the dialog, or nothing. */
export async function deleteInterviewContentAction(id: string): Promise<string | undefined> {
  const member = await requireMember();
  try {
    await deleteInterviewContent({ userId: member.id, organizationId: member.organizationId }, String(id));
  } catch (error) {
    return failure(error, { action: "delete content", organizationId: member.organizationId, id }).message;
  }
  revalidatePath(`/interviews/${id}`);
}
