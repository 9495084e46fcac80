"use server";

import { redirect } from "next/navigation";
import { after } from "next/server";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { resetPassword } from "@/lib/accounts/password-reset";
import { resetPasswordSchema } from "../schema";

/** Sets a new password with a reset link (once), signing the account out everywhere. */
export const resetPasswordAction = defineAction(
  {
    caller: "anyone",
    refuse: asFormState,
    notFound: "This link is no longer valid. Ask for a new one.",
    failed: "We could not change your password. Please try again.",
    name: "reset password",
    args: [previousState, formInput(resetPasswordSchema)],
  },
  async (_context, _prev, { token, password }) => {
    await resetPassword(token, password);
    after(wakeDispatcher);
    redirect("/sign-in?reset=1");
  },
);
