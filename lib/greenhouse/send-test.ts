import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { managerOf, timingInput } from "@/lib/api/v1/interviews";
import type { ApiCaller } from "@/lib/api/keys";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { emailField } from "@/lib/fields";
import { JobStatus } from "@/lib/generated/prisma/enums";
import { NAME_MAX } from "@/lib/limits";
import { dueDateAfter } from "@/lib/interviews/model/window";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { checkEndpointUrl, WebhookAddressError } from "@/lib/webhooks/address";
import { sealCredential } from "./credential";

// send_test: Greenhouse asks us to send test `partner_test_id` (a job) to a candidate. It becomes a
// DEADLINE interview through scheduleInterview — the function the scheduling form calls — due the
// job's default number of days from now, and a GreenhouseAssessment row written in the same
// transaction remembers where to PATCH when it completes.

const text = (max: number) => z.string().max(max).nullish();

/** The spec's request (unknown properties are dropped: Greenhouse may add some). */
export const sendTestBody = z.object({
  // The spec says String; an older example sends a number. Either names the same job.
  partner_test_id: z.union([z.string().trim().min(1).max(100), z.number().int().transform(String)]),
  candidate: z.object({
    first_name: text(NAME_MAX),
    last_name: text(NAME_MAX),
    preferred_name: text(NAME_MAX),
    email: emailField,
    phone_number: text(100),
    resume_url: text(2_000),
    greenhouse_profile_url: text(2_000),
  }),
  sent_by: text(320),
  url: text(2_000),
});
export type SendTestBody = z.output<typeof sendTestBody>;

/** The candidate's name as Greenhouse gives it: first and last, else the preferred name, else the address. */
function candidateName(candidate: SendTestBody["candidate"]): string {
  const full = [candidate.first_name, candidate.last_name].map((part) => part?.trim() ?? "").filter(Boolean).join(" ");
  return (full || candidate.preferred_name?.trim() || candidate.email).slice(0, NAME_MAX);
}

/**
 * The request's one-time token: Greenhouse's callback URL names the test instance, so a retried
 * send_test (same URL) finds the first interview instead of inviting twice.
 */
function requestTokenOf(caller: ApiCaller, body: SendTestBody): string {
  const instance = body.url ?? [body.partner_test_id, body.candidate.email, body.candidate.greenhouse_profile_url ?? ""].join("\n");
  return createHash("sha256").update(`greenhouse\n${caller.organizationId}\n${instance}`).digest("hex");
}

/** Invites the candidate (or finds the invitation an identical earlier request made) and returns the partner_interview_id. */
export async function sendTest(caller: ApiCaller, presentedKey: string, body: SendTestBody): Promise<{ partnerInterviewId: string; created: boolean }> {
  const prisma = await db();
  const job = await prisma.job.findFirst({
    where: { id: body.partner_test_id, organizationId: caller.organizationId, status: JobStatus.OPEN },
    select: { id: true, defaultDaysToComplete: true },
  });
  if (!job) throw new NotFoundError("Test");
  let callbackUrl: string | null = null;
  if (body.url) {
    try {
      callbackUrl = checkEndpointUrl(body.url).toString();
    } catch (error) {
      if (error instanceof WebhookAddressError) throw new FieldError("url", `The callback url cannot be used: ${error.message}`);
      throw error;
    }
  }
  const existing = await prisma.candidate.findFirst({ where: { organizationId: caller.organizationId, email: body.candidate.email }, select: { id: true, timeZone: true } });
  const timeZone = existing?.timeZone ?? "UTC";
  const requestToken = requestTokenOf(caller, body);
  const link = {
    organizationId: caller.organizationId,
    apiKeyId: caller.apiKeyId,
    credential: sealCredential(presentedKey),
    partnerTestId: job.id,
    callbackUrl,
    greenhouseProfileUrl: body.candidate.greenhouse_profile_url ?? null,
    sentBy: body.sent_by ?? null,
  };
  const timing = await timingInput(caller.organizationId, job.id, { mode: "deadline", starts_at: "now", due_date: dueDateAfter(now(), job.defaultDaysToComplete, timeZone) });
  try {
    const { interviewId, created } = await scheduleInterview(
      managerOf(caller),
      {
        jobId: job.id,
        candidate: existing ? { id: existing.id } : { name: candidateName(body.candidate), email: body.candidate.email, timeZone },
        ...timing,
        notes: "",
        requestToken,
        external: { metadata: { source: "greenhouse", greenhouse_profile_url: body.candidate.greenhouse_profile_url?.slice(0, 500) ?? null } },
      },
      // In the interview's own transaction: an invitation Greenhouse cannot hear back about is never committed.
      { afterInterviewInsert: (tx) => linkByRequestToken(tx, requestToken, link) },
    );
    return { partnerInterviewId: interviewId, created };
  } catch (error) {
    // The candidate already has this job's interview open (invited from Kairos, say): Greenhouse
    // gets that one, unless another Greenhouse test instance already has it.
    if (error instanceof ConflictError && error.existingId) {
      const adopted = await adopt(error.existingId, link);
      if (adopted) return { partnerInterviewId: error.existingId, created: false };
    }
    throw error;
  }
}

type Link = { organizationId: string; apiKeyId: string; credential: string; partnerTestId: string; callbackUrl: string | null; greenhouseProfileUrl: string | null; sentBy: string | null };

async function linkByRequestToken(tx: Tx, requestToken: string, link: Link) {
  const interview = await tx.interview.findUniqueOrThrow({ where: { organizationId_requestToken: { organizationId: link.organizationId, requestToken } }, select: { id: true } });
  await tx.greenhouseAssessment.create({ data: { ...link, interviewId: interview.id } });
}

/** Links an open interview to this test instance; false when another instance has it. */
async function adopt(interviewId: string, link: Link): Promise<boolean> {
  const prisma = await db();
  const current = await prisma.greenhouseAssessment.findUnique({ where: { interviewId }, select: { callbackUrl: true } });
  if (current) return current.callbackUrl === link.callbackUrl;
  const interview = await prisma.interview.findFirst({ where: { id: interviewId, organizationId: link.organizationId }, select: { id: true } });
  if (!interview) return false;
  await prisma.greenhouseAssessment.create({ data: { ...link, interviewId } }).catch(() => null);
  return true;
}
