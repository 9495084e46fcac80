import "server-only";
import { z } from "zod";
import { createCandidate, deleteCandidate, updateCandidate } from "@/lib/candidates";
import { db } from "@/lib/db";
import { DuplicateError, NotFoundError } from "@/lib/errors";
import { emailField, nameField, phoneField, textField, timeZoneField } from "@/lib/fields";
import { defineOperation } from "../operation";
import { externalIdField, idParams, iso, metadataField, timestamp } from "./shared";

export const candidateSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    time_zone: z.string().meta({ description: "IANA time zone: emails show times in it." }),
    notes: z.string(),
    external_id: z.string().nullable(),
    metadata: z.record(z.string(), z.unknown()).nullable(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Candidate" });

const candidateInput = z
  .object({
    name: nameField("Give the candidate's name."),
    email: emailField.meta({ description: "Unique within the organisation: posting an existing address updates that candidate." }),
    phone: phoneField.optional(),
    time_zone: timeZoneField.optional().meta({ description: "IANA zone, e.g. Europe/Berlin. New candidates without one get UTC." }),
    notes: textField().optional(),
    external_id: externalIdField.optional(),
    metadata: metadataField.optional(),
  })
  .meta({ id: "CandidateInput" });

const SELECT = { id: true, name: true, email: true, phone: true, timeZone: true, notes: true, externalId: true, metadata: true, createdAt: true, updatedAt: true } as const;

export const upsertCandidateOperation = defineOperation(
  {
    id: "upsertCandidate",
    method: "POST",
    path: "/api/v1/candidates",
    scope: "candidates:write",
    tag: "Candidates",
    summary: "Create a candidate, or update the one with this email",
    description: "Matched by email within the organisation: a new address creates a candidate (201), a known one updates the fields given (200).",
    body: candidateInput,
    success: { status: 201, created: true, description: "The candidate (201 created, 200 updated).", schema: candidateSchema },
    problems: [400, 409, 413, 415, 422],
    fields: { timeZone: "/time_zone", externalId: "/external_id" },
  },
  async ({ caller, body }) => {
    const prisma = await db();
    const fields = { phone: body.phone, timeZone: body.time_zone, notes: body.notes, externalId: body.external_id, metadata: body.metadata };
    const update = async (existing: { id: string; name: string; phone: string | null; timeZone: string; notes: string }) => {
      await updateCandidate(caller.organizationId, existing.id, {
        ...fields,
        name: body.name,
        email: body.email,
        phone: fields.phone === undefined ? existing.phone : fields.phone,
        timeZone: fields.timeZone ?? existing.timeZone,
        notes: fields.notes ?? existing.notes,
      });
      return { status: 200, body: await candidateJson(caller.organizationId, existing.id) };
    };
    const existing = () => prisma.candidate.findFirst({ where: { organizationId: caller.organizationId, email: body.email }, select: { id: true, name: true, phone: true, timeZone: true, notes: true } });
    const found = await existing();
    if (found) return update(found);
    try {
      const { id } = await createCandidate(caller.organizationId, { ...fields, name: body.name, email: body.email, phone: fields.phone ?? null, timeZone: fields.timeZone ?? "UTC", notes: fields.notes ?? "" });
      return { status: 201, body: await candidateJson(caller.organizationId, id) };
    } catch (error) {
      // Created by a concurrent request with the same address: update that one instead.
      const raced = error instanceof DuplicateError ? await existing() : null;
      if (raced) return update(raced);
      throw error;
    }
  },
);

export const getCandidateOperation = defineOperation(
  {
    id: "getCandidate",
    method: "GET",
    path: "/api/v1/candidates/{id}",
    scope: "candidates:write",
    tag: "Candidates",
    summary: "Get a candidate",
    params: idParams,
    success: { status: 200, description: "The candidate.", schema: candidateSchema },
    problems: [404],
  },
  async ({ caller, params }) => ({ body: await candidateJson(caller.organizationId, params.id) }),
);

export const deleteCandidateOperation = defineOperation(
  {
    id: "deleteCandidate",
    method: "DELETE",
    path: "/api/v1/candidates/{id}",
    scope: "candidates:write",
    tag: "Candidates",
    summary: "Delete a candidate with everything of theirs",
    description: "The same deletion as the Candidates page: their interviews, answers, recordings (in storage too), scorecards and emails. It cannot be undone.",
    params: idParams,
    success: { status: 204, description: "Deleted." },
    problems: [404],
  },
  async ({ caller, params }) => {
    await deleteCandidate(caller.organizationId, params.id);
    return { status: 204 };
  },
);

async function candidateJson(organizationId: string, id: string) {
  const prisma = await db();
  const candidate = await prisma.candidate.findFirst({ where: { id, organizationId }, select: SELECT });
  if (!candidate) throw new NotFoundError("Candidate");
  return {
    id: candidate.id,
    name: candidate.name,
    email: candidate.email,
    phone: candidate.phone,
    time_zone: candidate.timeZone,
    notes: candidate.notes,
    external_id: candidate.externalId,
    metadata: candidate.metadata as Record<string, unknown> | null,
    created_at: iso(candidate.createdAt),
    updated_at: iso(candidate.updatedAt),
  };
}
