"use server";

import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { acceptTeamInvite } from "@/lib/accounts/members";
import { acceptInviteSchema } from "../schema";

/** Creates a teammate's account from an invitation link. */
export const acceptInviteAction = defineAction(
  {
    caller: "anyone",
    refuse: asFormState,
    notFound: "This invitation is no longer valid. Ask for a new one.",
    failed: "We could not create your account. Please try again.",
    name: "accept invitation",
    args: [previousState, formInput(acceptInviteSchema)],
  },
  async (_context, _prev, input) => {
    await acceptTeamInvite(input.token, input);
    return { ok: true };
  },
);
