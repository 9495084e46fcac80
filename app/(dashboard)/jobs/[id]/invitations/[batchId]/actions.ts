"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { asFormState, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { recordId } from "@/lib/fields";
import { extendBatchDeadlines } from "@/lib/interviews/recruiter/bulk/extend";
import { extendSchema } from "../../../../interviews/schema";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Gives every unfinished candidate of a batch (to complete by a deadline) one later date: one email each. */
export const extendBatchAction = defineAction(
  {
    caller: "recruiter",
    refuse: asFormState,
    notFound: "These invitations were not found. They may have been deleted.",
    name: "extend batch deadlines",
    args: [recordId, recordId, previousState, formInput(extendSchema)],
  },
  async ({ member }, jobId, batchId, _prev, input) => {
    const { extended, refused } = await extendBatchDeadlines({ userId: member.id, organizationId: member.organizationId }, jobId, batchId, input);
    after(wakeDispatcher);
    revalidatePath(`/jobs/${jobId}/invitations/${batchId}`);
    revalidatePath("/interviews");
    const notExtended = refused.map((r) => `${plural(r.count, "was", "were")} not: ${r.reason}`).join(" ");
    return {
      ok: true,
      message: `Extended ${plural(extended, "interview", "interviews")}: each candidate is getting the new date and a new link.${notExtended ? ` ${notExtended}` : ""}`,
    };
  },
);
