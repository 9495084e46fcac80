"use server";

import { after } from "next/server";
import { asMessage, defineAction } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { sendVerificationEmail } from "@/lib/accounts/email-verification";

/** Emails the signed-in user a link that confirms their address (accounts made before sign-ups were confirmed). */
export const sendVerificationEmailAction = defineAction(
  { caller: "member", refuse: asMessage, failed: "We could not send the email. Please try again.", name: "send verification email", args: [] },
  async ({ member }) => {
    await sendVerificationEmail(member.id);
    after(wakeDispatcher);
    return undefined;
  },
);
