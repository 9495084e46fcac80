"use server";

import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { confirmSignUp } from "@/lib/accounts/sign-up";
import { confirmSignUpSchema } from "../../schema";

/** Creates the organisation and its owner from a sign-up's emailed link. The form then signs in with the same password. */
export const confirmSignUpAction = defineAction(
  {
    caller: "anyone",
    refuse: asFormState,
    notFound: "This link no longer creates an account: it has expired or been used, or the address has an account now. Sign in, or sign up again.",
    failed: "We could not create your account. Please try again.",
    name: "confirm sign-up",
    args: [previousState, formInput(confirmSignUpSchema)],
  },
  async (_context, _prev, { token, password, timeZone }) => {
    await confirmSignUp(token, password, timeZone);
    return { ok: true };
  },
);
