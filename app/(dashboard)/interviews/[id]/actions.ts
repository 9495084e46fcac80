"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { asMessage, defineAction } from "@/lib/actions";
import { wakeTranscriber } from "@/lib/background";
import { recordId } from "@/lib/fields";
import { retryTranscription } from "@/lib/interviews/transcripts/retry";

/** A failed transcript, queued again: recruiters and above (a reviewer reads transcripts, nothing more). */
export const retryTranscriptionAction = defineAction(
  { name: "retry transcription", caller: "recruiter", refuse: asMessage, notFound: "This answer was not found.", args: [recordId] },
  async ({ member }, answerId) => {
    const { interviewId } = await retryTranscription({ userId: member.id, organizationId: member.organizationId }, answerId);
    // Transcribed after the response, as a submitted answer is (the poller would get to it anyway).
    after(wakeTranscriber);
    revalidatePath(`/interviews/${interviewId}`);
    return undefined;
  },
);
