"use server";

import { acceptTeamInvite } from "@/lib/accounts";
import { DuplicateError, NotFoundError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { acceptInviteSchema } from "../schema";

/** Creates a teammate's account from an invitation link. */
export async function acceptInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = acceptInviteSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await acceptTeamInvite(parsed.data.token, parsed.data);
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, message: "This invitation is no longer valid. Ask for a new one." };
    if (error instanceof DuplicateError) return { ok: false, message: error.message };
    console.error("accepting an invitation failed", { error });
    return { ok: false, message: "We could not create your account. Please try again." };
  }
  return { ok: true };
}
