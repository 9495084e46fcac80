"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { createCandidate, deleteCandidate, updateCandidate } from "@/lib/candidates";
import { candidateFromFormData, candidateSchema } from "./schema";

const NOT_FOUND = "This candidate was not found. They may have been deleted.";
const form = { caller: "recruiter", refuse: asFormState, notFound: NOT_FOUND, failed: "We could not save the candidate. Please try again." } as const;
const candidateForm = formInput(candidateSchema, candidateFromFormData);

export const createCandidateAction = defineAction({ ...form, name: "create candidate", args: [previousState, candidateForm] }, async ({ member }, _prev, input) => {
  const { id } = await createCandidate(member.organizationId, input);
  revalidatePath("/candidates");
  redirect(`/candidates/${id}?saved=1`);
});

export const updateCandidateAction = defineAction({ ...form, name: "update candidate", args: [recordId, previousState, candidateForm] }, async ({ member }, id, _prev, input) => {
  await updateCandidate(member.organizationId, id, input);
  revalidatePath("/candidates");
  redirect(`/candidates/${id}?saved=1`);
});

/** Deletes a candidate; returns an error message, or redirects to the list. */
export const deleteCandidateAction = defineAction(
  { caller: "recruiter", refuse: asMessage, notFound: NOT_FOUND, failed: "We could not delete the candidate. Please try again.", name: "delete candidate", args: [recordId] },
  async ({ member }, id) => {
    await deleteCandidate(member.organizationId, id);
    revalidatePath("/candidates");
    redirect("/candidates?deleted=1");
  },
);
