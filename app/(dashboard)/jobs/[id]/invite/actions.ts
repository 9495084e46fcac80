"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { asFormState, defineAction, formInput, previousState, type Refusal } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { FieldError } from "@/lib/errors";
import { recordId, withoutNul } from "@/lib/fields";
import type { FormState } from "@/lib/form-state";
import { confirmInvitations } from "@/lib/interviews/recruiter/bulk/confirm";
import { parseCsv, parsePasted } from "@/lib/interviews/recruiter/bulk/parse";
import { listUninvitedCandidates, previewInvitations, type PreviewRow, type RowClass } from "@/lib/interviews/recruiter/bulk/preview";
import { confirmSchema, previewFromFormData, previewSchema } from "./schema";

const NOT_FOUND = "This job was not found. It may have been deleted.";
const form = { caller: "recruiter", refuse: asFormState, notFound: NOT_FOUND } as const;
const manager = (member: { id: string; organizationId: string }) => ({ userId: member.id, organizationId: member.organizationId });

/** The preview form's result: refused with field messages, or every row classified, with the people to confirm. */
export type PreviewState = FormState & {
  preview?: { rows: PreviewRow[]; counts: Record<RowClass, number>; invitees: string };
};

/** Reads the people from the form (file, paste, chosen candidates) and classifies each row for the job; writes nothing. */
export const previewInvitationsAction = defineAction(
  { ...form, name: "preview invitations", args: [recordId, previousState, formInput(previewSchema, previewFromFormData)] },
  async ({ member }, jobId, _prev, input): Promise<PreviewState> => {
    const fromFile = input.file ? parseCsv(new Uint8Array(await input.file.arrayBuffer())) : [];
    const fromPaste = parsePasted(withoutNul(input.pasted));
    if (fromFile.length + fromPaste.length + input.candidateIds.length === 0) {
      throw new FieldError("_form", "Choose candidates, paste names and emails, or upload a CSV file.");
    }
    const invitees = { rows: [...fromPaste, ...fromFile], candidateIds: input.candidateIds, defaultTimeZone: input.defaultTimeZone };
    const { rows, counts } = await previewInvitations(member.organizationId, jobId, invitees);
    return { ok: true, preview: { rows, counts, invitees: JSON.stringify(invitees) } };
  },
);

/** Invites every valid row of the preview (checked again), then opens the batch's page. */
export const confirmInvitationsAction = defineAction(
  { ...form, name: "confirm invitations", args: [recordId, previousState, formInput(confirmSchema)] },
  async ({ member }, jobId, _prev, input) => {
    const { batchId } = await confirmInvitations(manager(member), jobId, input);
    // The invitations are in the outbox; they go out after the response, at the provider's pace.
    after(wakeDispatcher);
    revalidatePath(`/jobs/${jobId}`);
    revalidatePath("/interviews");
    redirect(`/jobs/${jobId}/invitations/${batchId}`);
  },
);

type SearchResult = { ok: boolean; rows: Array<{ id: string; name: string; email: string; timeZone: string }>; more: boolean; message?: string };

/** The picker's search: candidates of the organisation never invited to this job, by part of a name or email. */
export const searchUninvitedCandidatesAction = defineAction(
  {
    caller: "recruiter",
    name: "search uninvited candidates",
    args: [recordId, z.string().max(200)],
    refuse: ({ message }: Refusal): SearchResult => ({ ok: false, rows: [], more: false, message }),
    notFound: NOT_FOUND,
  },
  async ({ member }, jobId, query): Promise<SearchResult> => ({ ok: true, ...(await listUninvitedCandidates(member.organizationId, jobId, query)) }),
);
