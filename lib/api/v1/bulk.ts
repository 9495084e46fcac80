import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { emailField, nameField, recordId, timeZoneField } from "@/lib/fields";
import { BULK_ROWS_MAX, EXTERNAL_ID_MAX } from "@/lib/limits";
import { confirmInvitations, type NotInvitedRow } from "@/lib/interviews/recruiter/bulk/confirm";
import type { ApiCaller } from "../keys";
import { defineOperation } from "../operation";
import { managerOf, timingInput } from "./interviews";

// Many candidates invited to one job at once: the bulk invitation the Jobs page confirms
// (confirmInvitations), with the candidates given as JSON instead of a CSV.

const BULK_API_ROWS_MAX = Math.min(BULK_ROWS_MAX, 1000);

const bulkBody = z
  .object({
    job_id: recordId,
    candidates: z
      .array(
        z.union([
          z.object({ candidate_id: recordId }),
          z.object({ name: nameField("Give the candidate's name."), email: emailField, time_zone: timeZoneField.optional(), external_id: z.string().max(EXTERNAL_ID_MAX).optional() }),
        ]),
      )
      .min(1)
      .max(BULK_API_ROWS_MAX)
      .meta({ description: `Up to ${BULK_API_ROWS_MAX}: existing candidates by id, or people by name and email (created if new).` }),
    default_time_zone: timeZoneField.optional().meta({ description: "For new people given without time_zone." }),
    mode: z.enum(["scheduled", "deadline"]).default("deadline"),
    starts_at: z.union([z.iso.datetime({ offset: true }), z.literal("now")]).optional(),
    due_date: z.iso.date().optional().meta({ description: "deadline: each candidate's due date, at 17:00 in their own zone." }),
    duration_minutes: z.number().int().optional(),
  })
  .meta({ id: "BulkInterviewInput" });

const bulkResult = z
  .object({
    batch_id: z.string(),
    invited: z.array(z.object({ interview_id: z.string(), candidate_id: z.string(), email: z.string() })),
    not_invited: z.array(z.object({ name: z.string(), email: z.string(), reason: z.string().nullable(), interview_id: z.string().nullable().meta({ description: "The open interview a skipped candidate already has." }) })),
  })
  .meta({ id: "BulkInterviewResult" });

export const bulkCreateInterviewsOperation = defineOperation(
  {
    id: "bulkCreateInterviews",
    method: "POST",
    path: "/api/v1/interviews/bulk",
    scope: "interviews:write",
    tag: "Interviews",
    summary: "Invite many candidates to one job",
    description:
      "One transaction: everyone who can be invited is, each with their own link and emails; candidates who already have an open interview for the job, or whose rows are invalid, are listed in not_invited. With an Idempotency-Key, a retry returns the same batch.",
    body: bulkBody,
    bodyLimitBytes: 1024 * 1024,
    success: { status: 201, description: "Who was invited and who was not.", schema: bulkResult },
    problems: [400, 403, 409, 413, 415, 422],
    fields: { _form: "/candidates", dueDate: "/due_date", scheduledAt: "/starts_at", durationMinutes: "/duration_minutes" },
  },
  async ({ caller, body, idempotencyKey }) => {
    const batchId = batchIdFor(caller, idempotencyKey);
    const timing = await timingInput(caller.organizationId, body.job_id, body);
    await confirmInvitations(managerOf(caller), body.job_id, {
      batchId,
      rows: body.candidates.flatMap((c, i) =>
        "candidate_id" in c ? [] : [{ source: "paste" as const, line: i + 1, name: c.name, email: c.email, timeZone: c.time_zone ?? "", phone: "", externalId: c.external_id ?? "" }],
      ),
      candidateIds: body.candidates.flatMap((c) => ("candidate_id" in c ? [c.candidate_id] : [])),
      defaultTimeZone: body.default_time_zone ?? null,
      scheduledAt: timing.scheduledAt,
      mode: timing.mode,
      dueDate: timing.dueDate,
      durationMinutes: timing.durationMinutes,
    });
    const prisma = await db();
    const [batch, interviews] = await Promise.all([
      prisma.invitationBatch.findFirstOrThrow({ where: { id: batchId, organizationId: caller.organizationId }, select: { notInvited: true } }),
      prisma.interview.findMany({ where: { invitationBatchId: batchId }, orderBy: { id: "asc" }, select: { id: true, candidate: { select: { id: true, email: true } } } }),
    ]);
    return {
      status: 201,
      body: {
        batch_id: batchId,
        invited: interviews.map((i) => ({ interview_id: i.id, candidate_id: i.candidate.id, email: i.candidate.email })),
        not_invited: (batch.notInvited as unknown as NotInvitedRow[]).map((row) => ({ name: row.name, email: row.email, reason: row.reason, interview_id: row.interviewId })),
      },
    };
  },
);

/** A batch's id: derived from the Idempotency-Key (so a retry finds the batch), or fresh. */
function batchIdFor(caller: ApiCaller, idempotencyKey: string | null): string {
  if (!idempotencyKey) return randomUUID();
  const hex = createHash("sha256").update(`bulk\n${caller.apiKeyId}\n${idempotencyKey}`).digest("hex");
  // Shaped as a version-4 UUID, as the form's batch ids are.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
