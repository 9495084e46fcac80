"use server";

import { signUpOwner } from "@/lib/accounts";
import { DuplicateError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { signUpSchema } from "../schema";

/** Creates an organisation and its owner. The form signs in with the same credentials afterwards. */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await signUpOwner(parsed.data);
  } catch (error) {
    if (error instanceof DuplicateError) return { ok: false, fieldErrors: { [error.field]: [error.message] } };
    console.error("sign-up failed", { error });
    return { ok: false, message: "We could not create your account. Please try again." };
  }
  return { ok: true };
}
