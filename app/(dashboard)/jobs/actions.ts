"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { recordId } from "@/lib/fields";
import { createJob, setJobStatus, setOnHiringTeam, updateJob } from "@/lib/jobs";
import { jobFromFormData, jobSchema } from "./schema";

const NOT_FOUND = "This job was not found. It may have been deleted.";
const form = { caller: "recruiter", refuse: asFormState, notFound: NOT_FOUND, failed: "We could not save the job. Please try again." } as const;
const jobForm = formInput(jobSchema, jobFromFormData);

export const createJobAction = defineAction({ ...form, name: "create job", args: [previousState, jobForm] }, async ({ member }, _prev, input) => {
  const { id } = await createJob(member.organizationId, input);
  revalidatePath("/jobs");
  redirect(`/jobs/${id}?saved=1`);
});

export const updateJobAction = defineAction({ ...form, name: "update job", args: [recordId, previousState, jobForm] }, async ({ member }, id, _prev, input) => {
  await updateJob(member.organizationId, id, input);
  revalidatePath("/jobs");
  // The page re-renders the form from the saved rows (new questions now have ids).
  redirect(`/jobs/${id}?saved=1`);
});

/** Archives (hides from scheduling) or reopens a job. Returns an error message, or nothing. */
export const setJobArchivedAction = defineAction(
  { caller: "recruiter", refuse: asMessage, notFound: NOT_FOUND, failed: "We could not change the job. Please try again.", name: "archive job", args: [recordId, z.boolean()] },
  async ({ member }, id, archived) => {
    await setJobStatus(member.organizationId, id, archived ? "ARCHIVED" : "OPEN");
    revalidatePath("/jobs");
    revalidatePath(`/jobs/${id}`);
    return undefined;
  },
);

/** Puts a teammate on the job's hiring team, or takes them off. Returns an error message, or nothing. */
export const setHiringTeamAction = defineAction(
  {
    caller: "recruiter",
    refuse: asMessage,
    notFound: NOT_FOUND,
    failed: "We could not change the hiring team. Please try again.",
    name: "set hiring team",
    args: [recordId, recordId, z.boolean()],
  },
  async ({ member }, jobId, userId, on) => {
    await setOnHiringTeam({ organizationId: member.organizationId, userId: member.id }, jobId, userId, on);
    revalidatePath(`/jobs/${jobId}`);
    return undefined;
  },
);
