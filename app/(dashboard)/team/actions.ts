"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { createTeamInvite, revokeTeamInvite } from "@/lib/accounts/members";
import { ROLE_LABELS } from "@/lib/accounts/roles";
import { changeMemberRole, removeMember, roleChangedMessage } from "@/lib/accounts/team-roles";
import { asViewer } from "@/lib/accounts/auth";
import { wakeDispatcher } from "@/lib/background";
import { inviteSchema, roleSchema } from "./schema";

const admin = { caller: "admin", forbidden: "Only an admin or owner can manage the team." } as const;
const MEMBER_NOT_FOUND = "This member was not found. They may have been removed.";

/** Invites a teammate by email, with the role they join with (through the outbox). */
export const inviteTeammateAction = defineAction(
  { ...admin, refuse: asFormState, failed: "We could not create the invitation. Please try again.", name: "invite teammate", args: [previousState, formInput(inviteSchema)] },
  async ({ member }, _prev, { email, role }) => {
    await createTeamInvite(member.organizationId, member.id, email, role);
    after(wakeDispatcher);
    revalidatePath("/team");
    return { ok: true, message: `Invitation sent to ${email} to join as ${ROLE_LABELS[role].toLowerCase()}. The link works once and expires in 7 days.` };
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

/** Gives a teammate another role. */
export const changeRoleAction = defineAction(
  { ...admin, refuse: asFormState, notFound: MEMBER_NOT_FOUND, failed: "We could not change the role. Please try again.", name: "change role", args: [recordId, previousState, formInput(roleSchema)] },
  async ({ member }, userId, _prev, { role }) => {
    const { name } = await changeMemberRole(asViewer(member), userId, role);
    revalidatePath("/team");
    return { ok: true, message: roleChangedMessage(name, role) };
  },
);

/** Removes a teammate: signed out everywhere at once; what they did stays. */
export const removeMemberAction = defineAction(
  { ...admin, refuse: asMessage, notFound: MEMBER_NOT_FOUND, failed: "We could not remove the member. Please try again.", name: "remove member", args: [recordId] },
  async ({ member }, userId) => {
    await removeMember(asViewer(member), userId);
    revalidatePath("/team");
    return undefined;
  },
);
