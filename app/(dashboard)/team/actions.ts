"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { createTeamInvite, revokeTeamInvite } from "@/lib/accounts";
import { requireMember } from "@/lib/auth";
import { wakeDispatcher } from "@/lib/email/dispatcher";
import { DuplicateError, NotFoundError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { inviteSchema } from "./schema";

const OWNERS_ONLY: FormState = { ok: false, message: "Only the organisation's owner can invite teammates." };

/** Invites a teammate by email (through the outbox). */
export async function inviteTeammateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  if (member.role !== "OWNER") return OWNERS_ONLY;
  const parsed = inviteSchema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await createTeamInvite(member.organizationId, member.id, parsed.data.email);
  } catch (error) {
    if (error instanceof DuplicateError) return { ok: false, fieldErrors: { email: [error.message] } };
    console.error("createTeamInvite failed", { organizationId: member.organizationId, error });
    return { ok: false, message: "We could not create the invitation. Please try again." };
  }
  after(wakeDispatcher);
  revalidatePath("/team");
  return { ok: true, message: `Invitation sent to ${parsed.data.email}. The link works once and expires in 7 days.` };
}

export async function revokeInviteAction(id: string): Promise<string | undefined> {
  const member = await requireMember();
  if (member.role !== "OWNER") return OWNERS_ONLY.message;
  try {
    await revokeTeamInvite(member.organizationId, String(id));
  } catch (error) {
    if (error instanceof NotFoundError) return "This invitation was not found.";
    console.error("revokeTeamInvite failed", { organizationId: member.organizationId, error });
    return "We could not revoke the invitation. Please try again.";
  }
  revalidatePath("/team");
}
