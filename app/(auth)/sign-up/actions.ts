"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { clientAddress } from "@/lib/http/client-address";
import { requestSignUp, SIGN_UP_VALID_HOURS } from "@/lib/accounts/sign-up";
import { signUpSchema } from "../schema";

/**
 * Starts a sign-up: the address gets a link that creates the organisation and its owner (or, when
 * it already has an account, a note saying so). The answer is the same either way.
 */
export const signUpAction = defineAction(
  { caller: "anyone", refuse: asFormState, failed: "We could not create your account. Please try again.", name: "sign up", args: [previousState, formInput(signUpSchema)] },
  async (_context, _prev, input) => {
    await requestSignUp(input, clientAddress(await headers()));
    after(wakeDispatcher);
    return {
      ok: true,
      message: `We sent an email to ${input.email}. Follow the link in it to finish creating your account; it works for ${SIGN_UP_VALID_HOURS} hours. If this address already has a Kairos account, the email tells you how to sign in instead.`,
    };
  },
);
