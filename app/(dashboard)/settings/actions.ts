"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { changePassword } from "@/lib/accounts/change-password";
import { setRetentionDays } from "@/lib/interviews/lifecycle/retention";
import { setTranscriptionEnabled } from "@/lib/interviews/transcripts/settings";
import { endAllSessions } from "@/lib/accounts/sessions";
import { setTimeZone } from "@/lib/accounts/time-zone";
import { changePasswordSchema, retentionSchema, timeZoneSchema, transcriptionSchema } from "./schema";

/** Sets how many days after an interview its answers and recordings are deleted (admins and owners). */
export const setRetentionAction = defineAction(
  {
    caller: "admin",
    forbidden: "Only an admin or owner can change how long answers are kept.",
    refuse: asFormState,
    name: "set retention",
    args: [previousState, formInput(retentionSchema)],
  },
  async ({ member }, _prev, { retentionDays }) => {
    await setRetentionDays({ userId: member.id, organizationId: member.organizationId }, retentionDays);
    revalidatePath("/settings");
    return { ok: true, message: `Saved. Answers and recordings are now kept for ${retentionDays} days after an interview ends.` };
  },
);

/** Turns transcription of the organisation's recorded answers on or off (admins and owners). */
export const setTranscriptionAction = defineAction(
  {
    caller: "admin",
    forbidden: "Only an admin or owner can change whether answers are transcribed.",
    refuse: asFormState,
    name: "set transcription",
    args: [previousState, formInput(transcriptionSchema)],
  },
  async ({ member }, _prev, { enabled }) => {
    await setTranscriptionEnabled({ userId: member.id, organizationId: member.organizationId }, enabled);
    revalidatePath("/settings");
    return { ok: true, message: enabled ? "Saved. New recorded answers will be transcribed." : "Saved. Recorded answers are no longer transcribed; transcripts already written are kept." };
  },
);

/** Changes the signed-in user's own password; every other browser signed in to the account is signed out. */
export const changePasswordAction = defineAction(
  { caller: "member", refuse: asFormState, failed: "We could not change your password. Please try again.", name: "change password", args: [previousState, formInput(changePasswordSchema)] },
  async ({ member }, _prev, input) => {
    await changePassword(member, input);
    after(wakeDispatcher);
    return { ok: true, message: "Password changed. Every other browser signed in to your account was signed out." };
  },
);

/** Ends every session of the signed-in user, this one included (the page then clears its cookie). */
export const signOutEverywhereAction = defineAction(
  { caller: "member", refuse: asMessage, failed: "We could not sign you out everywhere. Please try again.", name: "sign out everywhere", args: [] },
  async ({ member }) => {
    await endAllSessions(member.id);
    return undefined;
  },
);

/** Sets the signed-in recruiter's own time zone, which the emails they get use. */
export const setTimeZoneAction = defineAction(
  { caller: "member", refuse: asFormState, name: "set time zone", args: [previousState, formInput(timeZoneSchema)] },
  async ({ member }, _prev, { timeZone }) => {
    await setTimeZone(member.id, timeZone);
    revalidatePath("/settings");
    return { ok: true, message: `Saved. Emails to you now show times in ${timeZone.replaceAll("_", " ")}.` };
  },
);
