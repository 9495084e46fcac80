"use server";

import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { verifyEmail } from "@/lib/accounts/email-verification";
import { verifyEmailSchema } from "../schema";

/** Marks an account's address as proven from the link emailed to it. */
export const verifyEmailAction = defineAction(
  {
    caller: "anyone",
    refuse: asFormState,
    notFound: "This link is no longer valid. Send yourself a new one from the top of any page once you are signed in.",
    name: "verify email",
    args: [previousState, formInput(verifyEmailSchema)],
  },
  async (_context, _prev, { token }) => {
    const { email } = await verifyEmail(token);
    return { ok: true, message: `${email} is confirmed. You can now schedule interviews and invite teammates.` };
  },
);
