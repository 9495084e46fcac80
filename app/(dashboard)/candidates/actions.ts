"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth";
import { createCandidate, deleteCandidate, updateCandidate } from "@/lib/candidates";
import { DuplicateError, NotFoundError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { candidateFromFormData, candidateSchema } from "./schema";

const NOT_FOUND = "This candidate was not found. They may have been deleted.";
const FAILED: FormState = { ok: false, message: "We could not save the candidate. Please try again." };

export async function createCandidateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = candidateSchema.safeParse(candidateFromFormData(formData));
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createCandidate(member.organizationId, parsed.data));
  } catch (error) {
    if (error instanceof DuplicateError) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { [error.field]: [error.message] } };
    console.error("createCandidate failed", { organizationId: member.organizationId, error });
    return FAILED;
  }
  revalidatePath("/candidates");
  redirect(`/candidates/${id}?saved=1`);
}

export async function updateCandidateAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = candidateSchema.safeParse(candidateFromFormData(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateCandidate(member.organizationId, id, parsed.data);
  } catch (error) {
    if (error instanceof DuplicateError) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { [error.field]: [error.message] } };
    if (error instanceof NotFoundError) return { ok: false, message: NOT_FOUND };
    console.error("updateCandidate failed", { organizationId: member.organizationId, id, error });
    return FAILED;
  }
  revalidatePath("/candidates");
  redirect(`/candidates/${id}?saved=1`);
}

/** Deletes a candidate; returns an error message, or redirects to the list. */
export async function deleteCandidateAction(id: string): Promise<string | undefined> {
  const member = await requireMember();
  if (typeof id !== "string") return NOT_FOUND;
  try {
    await deleteCandidate(member.organizationId, id);
  } catch (error) {
    if (error instanceof NotFoundError) return NOT_FOUND;
    console.error("deleteCandidate failed", { organizationId: member.organizationId, id, error });
    return "We could not delete the candidate. Please try again.";
  }
  revalidatePath("/candidates");
  redirect("/candidates?deleted=1");
}
