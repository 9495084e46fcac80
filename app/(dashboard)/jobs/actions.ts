"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireMember } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { invalid, type FormState } from "@/lib/form-state";
import { createJob, setJobStatus, updateJob } from "@/lib/jobs";
import { jobFromFormData, jobSchema } from "./schema";

const NOT_FOUND: FormState = { ok: false, message: "This job was not found. It may have been deleted." };
const FAILED: FormState = { ok: false, message: "We could not save the job. Please try again." };

export async function createJobAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = jobSchema.safeParse(jobFromFormData(formData));
  if (!parsed.success) return invalid(parsed.error);
  let id: string;
  try {
    ({ id } = await createJob(member.organizationId, parsed.data));
  } catch (error) {
    console.error("createJob failed", { organizationId: member.organizationId, error });
    return FAILED;
  }
  revalidatePath("/jobs");
  redirect(`/jobs/${id}?saved=1`);
}

export async function updateJobAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const member = await requireMember();
  const parsed = jobSchema.safeParse(jobFromFormData(formData));
  if (!parsed.success) return invalid(parsed.error);
  try {
    await updateJob(member.organizationId, id, parsed.data);
  } catch (error) {
    if (error instanceof NotFoundError) return NOT_FOUND;
    console.error("updateJob failed", { organizationId: member.organizationId, id, error });
    return FAILED;
  }
  revalidatePath("/jobs");
  // The page re-renders the form from the saved rows (new questions now have ids).
  redirect(`/jobs/${id}?saved=1`);
}

/** Archives (hides from scheduling) or reopens a job. Returns an error message, or nothing. */
export async function setJobArchivedAction(id: string, archived: boolean): Promise<string | undefined> {
  const member = await requireMember();
  if (typeof id !== "string" || typeof archived !== "boolean") return NOT_FOUND.message;
  try {
    await setJobStatus(member.organizationId, id, archived ? "ARCHIVED" : "OPEN");
  } catch (error) {
    if (error instanceof NotFoundError) return NOT_FOUND.message;
    console.error("setJobStatus failed", { organizationId: member.organizationId, id, error });
    return "We could not change the job. Please try again.";
  }
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${id}`);
}
