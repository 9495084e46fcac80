"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { clientAddress } from "@/lib/http/client-address";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { forgotPasswordSchema } from "../schema";

/** Emails a reset link if the address has an account; the answer is the same either way. */
export const requestPasswordResetAction = defineAction(
  { caller: "anyone", refuse: asFormState, name: "request password reset", args: [previousState, formInput(forgotPasswordSchema)] },
  async (_context, _prev, { email }) => {
    await requestPasswordReset(email, clientAddress(await headers()));
    after(wakeDispatcher);
    return { ok: true, message: `If ${email} belongs to a Kairos account, we have sent it a link to choose a new password. It works for one hour.` };
  },
);
