"use server";

import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { signUpOwner } from "@/lib/accounts";
import { signUpSchema } from "../schema";

/** Creates an organisation and its owner. The form signs in with the same credentials afterwards. */
export const signUpAction = defineAction(
  { caller: "anyone", refuse: asFormState, failed: "We could not create your account. Please try again.", name: "sign up", args: [previousState, formInput(signUpSchema)] },
  async (_context, _prev, input) => {
    await signUpOwner(input);
    return { ok: true };
  },
);
