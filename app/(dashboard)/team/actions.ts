"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { createTeamInvite, revokeTeamInvite } from "@/lib/accounts/members";
import { wakeDispatcher } from "@/lib/background";
import { inviteSchema } from "./schema";

const admin = { caller: "admin", forbidden: "Only an admin or owner can manage the team." } as const;

/** Invites a teammate by email (through the outbox). */
export const inviteTeammateAction = defineAction(
  { ...admin, refuse: asFormState, failed: "We could not create the invitation. Please try again.", name: "invite teammate", args: [previousState, formInput(inviteSchema)] },
  async ({ member }, _prev, { email }) => {
    await createTeamInvite(member.organizationId, member.id, email);
    after(wakeDispatcher);
    revalidatePath("/team");
    return { ok: true, message: `Invitation sent to ${email}. The link works once and expires in 7 days.` };
  },
);

export const revokeInviteAction = defineAction(
  { ...admin, refuse: asMessage, notFound: "This invitation was not found.", failed: "We could not revoke the invitation. Please try again.", name: "revoke invitation", args: [recordId] },
  async ({ member }, id) => {
    await revokeTeamInvite(member.organizationId, id);
    revalidatePath("/team");
    return undefined;
  },
);
