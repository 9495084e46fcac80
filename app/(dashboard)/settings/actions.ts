"use server";

import { revalidatePath } from "next/cache";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { setRetentionDays } from "@/lib/interviews/lifecycle/retention";
import { retentionSchema } from "./schema";

/** Sets how many days after an interview its answers and recordings are deleted (owners only). */
export const setRetentionAction = defineAction(
  {
    caller: "owner",
    ownersOnly: "Only the organisation's owner can change how long answers are kept.",
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
