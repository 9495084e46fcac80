import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { emailField, nameField, recordId, textField, timeZoneField } from "@/lib/fields";
import { InterviewMode, type InterviewStatus } from "@/lib/generated/prisma/enums";
import { CANCEL_REASON_MAX, INTERVIEW_MINUTES } from "@/lib/limits";
import { estimateMinutes } from "@/lib/interviews/model/estimate";
import { cancelInterview, extendDeadline, resendInvitation } from "@/lib/interviews/recruiter/manage";
import type { Manager } from "@/lib/interviews/recruiter/manager";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import type { ApiCaller } from "../keys";
import { defineOperation } from "../operation";
import { INTERVIEW_SUMMARY, interviewDetailJson, interviewDetailSchema, interviewJson, interviewSchema } from "./interview-json";
import { after, externalIdField, idParams, listQuery, metadataField, NEWEST_FIRST, page, pageOf } from "./shared";

/** The member an API key acts as, marked as the key's doing in the audit trail. */
export const managerOf = (caller: ApiCaller): Manager => ({ userId: caller.userId, organizationId: caller.organizationId, apiKeyId: caller.apiKeyId });

/** A date in the candidate's zone ("2026-12-18"): due at 17:00 there. */
const dueDateField = z.iso.date().meta({ description: "The date it is due, at 17:00 in the candidate's time zone.", example: "2026-12-18" });

/** Where the domain's form fields land in this API's bodies. */
const SCHEDULE_FIELDS = {
  candidateId: "/candidate_id",
  newCandidateEmail: "/candidate/email",
  newCandidateName: "/candidate/name",
  jobId: "/job_id",
  scheduledAt: "/starts_at",
  dueAt: "/due_at",
  dueDate: "/due_date",
  durationMinutes: "/duration_minutes",
};

const timing = {
  mode: z.enum(["scheduled", "deadline"]).default("scheduled").meta({ description: "scheduled: at a booked time; deadline: any time until it is due." }),
  starts_at: z
    .union([z.iso.datetime({ offset: true }), z.literal("now")])
    .optional()
    .meta({ description: "scheduled: the booked start (default: an hour from now); deadline: when the link starts to work (default: now). \"now\" opens it at once." }),
  due_at: z.iso.datetime({ offset: true }).optional().meta({ description: "deadline only: the exact due time (or give due_date)." }),
  due_date: dueDateField.optional(),
  duration_minutes: z.number().int().min(INTERVIEW_MINUTES.min).max(INTERVIEW_MINUTES.max).optional().meta({ description: "Default: the job's estimate (its questions' times plus five minutes)." }),
};

const createInterviewBody = z
  .object({
    job_id: recordId,
    candidate_id: recordId.optional().meta({ description: "An existing candidate; or give `candidate`." }),
    candidate: z
      .object({ name: nameField("Give the candidate's name."), email: emailField, time_zone: timeZoneField })
      .optional()
      .meta({ description: "A candidate to create with the interview (an existing email is refused: use candidate_id or POST /candidates)." }),
    ...timing,
    notes: textField().optional(),
    external_id: externalIdField.optional(),
    metadata: metadataField.optional(),
  })
  .refine((body) => (body.candidate_id === undefined) !== (body.candidate === undefined), { message: "Give either candidate_id or candidate.", path: ["candidate_id"] })
  .meta({ id: "InterviewInput" });

const statusFilter = z.enum(["scheduled", "in_progress", "completed", "cancelled", "expired"]);

export const listInterviewsOperation = defineOperation(
  {
    id: "listInterviews",
    method: "GET",
    path: "/api/v1/interviews",
    scope: "interviews:read",
    tag: "Interviews",
    summary: "List interviews",
    description: "Newest first, optionally for one job, one candidate, one status or one external_id.",
    query: listQuery.extend({
      job_id: recordId.optional(),
      candidate_id: recordId.optional(),
      status: statusFilter.optional(),
      external_id: z.string().max(200).optional(),
    }),
    success: { status: 200, description: "A page of interviews.", schema: pageOf(interviewSchema, "InterviewPage") },
    problems: [400],
  },
  async ({ caller, query }) => {
    const prisma = await db();
    const rows = await prisma.interview.findMany({
      where: {
        organizationId: caller.organizationId,
        ...(query.job_id && { jobId: query.job_id }),
        ...(query.candidate_id && { candidateId: query.candidate_id }),
        ...(query.status && { status: query.status.toUpperCase() as InterviewStatus }),
        ...(query.external_id && { externalId: query.external_id }),
        ...after(query.cursor),
      },
      orderBy: NEWEST_FIRST,
      take: query.limit + 1,
      select: INTERVIEW_SUMMARY,
    });
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return { body: { ...result, data: result.data.map(interviewJson) } };
  },
);

export const getInterviewOperation = defineOperation(
  {
    id: "getInterview",
    method: "GET",
    path: "/api/v1/interviews/{id}",
    scope: "interviews:read",
    tag: "Interviews",
    summary: "Get an interview with its timeline, answers, scorecard summary and decision",
    params: idParams,
    success: { status: 200, description: "The interview.", schema: interviewDetailSchema },
    problems: [404],
  },
  async ({ caller, params }) => ({ body: await interviewDetailJson(caller.organizationId, params.id) }),
);

export const createInterviewOperation = defineOperation(
  {
    id: "createInterview",
    method: "POST",
    path: "/api/v1/interviews",
    scope: "interviews:write",
    tag: "Interviews",
    summary: "Invite a candidate to an interview",
    description:
      "Creates the interview, its link and the invitation email in one transaction (the email goes out within seconds). Send an Idempotency-Key: a retry with the same key returns the first interview instead of inviting twice.",
    body: createInterviewBody,
    success: { status: 201, description: "The interview.", schema: interviewDetailSchema },
    problems: [400, 403, 409, 413, 415, 422],
    fields: SCHEDULE_FIELDS,
  },
  async ({ caller, body, idempotencyKey }) => {
    const by = managerOf(caller);
    const { interviewId } = await scheduleInterview(by, {
      jobId: body.job_id,
      candidate: body.candidate_id ? { id: body.candidate_id } : { name: body.candidate!.name, email: body.candidate!.email, timeZone: body.candidate!.time_zone },
      ...(await timingInput(caller.organizationId, body.job_id, body)),
      notes: body.notes ?? "",
      requestToken: requestToken(caller, idempotencyKey),
      external: { externalId: body.external_id ?? undefined, metadata: body.metadata ?? undefined },
    });
    return { status: 201, body: await interviewDetailJson(caller.organizationId, interviewId) };
  },
);

/** The schedule's timing from the API's fields; without a duration, the job's estimate (as the form proposes). */
export async function timingInput(organizationId: string, jobId: string, body: { mode: "scheduled" | "deadline"; starts_at?: string; due_at?: string; due_date?: string; duration_minutes?: number }) {
  let durationMinutes = body.duration_minutes;
  if (durationMinutes === undefined) {
    const prisma = await db();
    const questions = await prisma.question.findMany({ where: { jobId, job: { organizationId } }, select: { prepSeconds: true, answerSeconds: true } });
    durationMinutes = Math.max(INTERVIEW_MINUTES.min, estimateMinutes(questions));
  }
  return {
    mode: body.mode === "deadline" ? InterviewMode.DEADLINE : InterviewMode.SCHEDULED,
    scheduledAt: body.starts_at === undefined ? null : body.starts_at === "now" ? ("now" as const) : new Date(body.starts_at),
    dueAt: body.due_at ? new Date(body.due_at) : null,
    dueDate: body.due_date ?? null,
    durationMinutes,
  };
}

/** The domain's one-time token: the Idempotency-Key (per key) when there is one, so a retry finds the first interview. */
export function requestToken(caller: ApiCaller, idempotencyKey: string | null): string {
  return idempotencyKey ? createHash("sha256").update(`${caller.apiKeyId}\n${idempotencyKey}`).digest("hex") : randomUUID();
}

const manageOperation = (id: string, path: string, summary: string, description: string, body: z.ZodType | undefined, act: (by: Manager, interviewId: string, body: never) => Promise<unknown>) =>
  defineOperation(
    { id, method: "POST", path, scope: "interviews:write", tag: "Interviews", summary, description, params: idParams, body, success: { status: 200, description: "The interview after the change.", schema: interviewDetailSchema }, problems: [400, 404, 409, 413, 415, 422], fields: { dueDate: "/due_date", reason: "/reason" } },
    async ({ caller, params, body: input }) => {
      await act(managerOf(caller), params.id, (input ?? {}) as never);
      return { body: await interviewDetailJson(caller.organizationId, params.id) };
    },
  );

export const cancelInterviewOperation = manageOperation(
  "cancelInterview",
  "/api/v1/interviews/{id}/cancel",
  "Cancel an interview",
  "Its link stops working and the candidate is emailed (with the reason, if given). Scheduled or in-progress interviews only.",
  z.object({ reason: textField(CANCEL_REASON_MAX).optional().meta({ description: "Told to the candidate in the cancellation email." }) }).meta({ id: "CancelInput" }),
  (by, id, body: { reason?: string }) => cancelInterview(by, id, { reason: body.reason ?? "" }),
);

export const resendInvitationOperation = manageOperation(
  "resendInvitation",
  "/api/v1/interviews/{id}/resend",
  "Resend the invitation with a new link",
  "The old link stops working. Scheduled interviews only.",
  undefined,
  (by, id) => resendInvitation(by, id),
);

export const extendInterviewOperation = manageOperation(
  "extendInterview",
  "/api/v1/interviews/{id}/extend",
  "Extend a deadline interview",
  "Moves the due date later and emails the candidate a new link; also reopens an expired one.",
  z.object({ due_date: dueDateField }).meta({ id: "ExtendInput" }),
  (by, id, body: { due_date: string }) => extendDeadline(by, id, { dueDate: body.due_date }),
);

