"use server";

import { revalidatePath } from "next/cache";
import { requireMember } from "@/lib/auth";
import { FieldError, StateError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { setRetentionDays } from "@/lib/retention";
import { retentionSchema } from "./schema";

const OWNERS_ONLY: FormState = { ok: false, message: "Only the organisation's owner can change how long answers are kept." };

/** Sets how many days after an interview its answers and recordings are deleted (owners only). */
export async function setRetentionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  if (member.role !== "OWNER") return OWNERS_ONLY;
  const parsed = retentionSchema.safeParse({ retentionDays: formData.get("retentionDays") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setRetentionDays({ userId: member.id, organizationId: member.organizationId }, parsed.data.retentionDays);
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: { [error.field]: [error.message] } };
    if (error instanceof StateError) return { ok: false, message: error.message };
    console.error("setRetentionDays failed", { organizationId: member.organizationId, error });
    return { ok: false, message: "Something went wrong. Nothing was changed; please try again." };
  }
  revalidatePath("/settings");
  return { ok: true, message: `Saved. Answers and recordings are now kept for ${parsed.data.retentionDays} days after an interview ends.` };
}
