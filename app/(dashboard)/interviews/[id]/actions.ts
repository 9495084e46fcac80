"use server";

import { revalidatePath } from "next/cache";
import { asMessage, defineAction } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { retryTranscription } from "@/lib/interviews/transcripts/retry";

/** A failed transcript, queued again: recruiters and above (a reviewer reads transcripts, nothing more). */
export const retryTranscriptionAction = defineAction(
  { name: "retry transcription", caller: "recruiter", refuse: asMessage, notFound: "This answer was not found.", args: [recordId] },
  async ({ member }, answerId) => {
    const { interviewId } = await retryTranscription({ userId: member.id, organizationId: member.organizationId }, answerId);
    revalidatePath(`/interviews/${interviewId}`);
    return undefined;
  },
);
