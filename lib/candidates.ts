import "server-only";
import { db } from "@/lib/db";
import { DuplicateError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsText } from "@/lib/search";
import { deleteInterviewMedia } from "@/lib/interviews/media";
import { candidateData as candidatePayload, enqueueWebhookEvents } from "@/lib/webhooks/events";

export interface CandidateInput {
  name: string;
  /** Lower-cased by the schema before it gets here. */
  email: string;
  phone: string | null;
  timeZone: string;
  notes: string;
  /** Set through the API only (undefined leaves them as they are; null clears). */
  externalId?: string | null;
  metadata?: Record<string, unknown> | null;
}

/** A candidate's input as Prisma writes it: JSON null is Prisma's DbNull. */
function candidateData({ metadata, ...input }: CandidateInput) {
  return { ...input, ...(metadata !== undefined && { metadata: metadata === null ? Prisma.DbNull : (metadata as Prisma.InputJsonValue) }) };
}

const DUPLICATE_EMAIL = "A candidate with this email already exists.";
export const CANDIDATE_PAGE_SIZE = 50;

/** One page of an organisation's candidates, optionally filtered by a name or email fragment. */
export async function listCandidates(organizationId: string, { query = "", page = 1 }: { query?: string; page?: number } = {}) {
  const prisma = await db();
  const q = containsText(query);
  const where = {
    organizationId,
    ...(q && {
      OR: [
        { name: { contains: q, mode: "insensitive" as const } },
        { email: { contains: q.toLowerCase() } },
      ],
    }),
  };
  const [rows, total] = await Promise.all([
    prisma.candidate.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * CANDIDATE_PAGE_SIZE,
      take: CANDIDATE_PAGE_SIZE,
      select: { id: true, name: true, email: true, phone: true, timeZone: true },
    }),
    prisma.candidate.count({ where }),
  ]);
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / CANDIDATE_PAGE_SIZE)) };
}

/** One candidate, or null when it is not this organisation's. */
export async function findCandidate(organizationId: string, id: string) {
  const prisma = await db();
  return prisma.candidate.findFirst({
    where: { id, organizationId },
    select: { id: true, name: true, email: true, phone: true, timeZone: true, notes: true, createdAt: true },
  });
}

/** Creates a candidate; a taken email throws DuplicateError on `email`. */
export async function createCandidate(organizationId: string, input: CandidateInput): Promise<{ id: string }> {
  const prisma = await db();
  try {
    return await prisma.candidate.create({ data: { ...candidateData(input), organizationId }, select: { id: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateError("email", DUPLICATE_EMAIL);
    throw error;
  }
}

/** Updates a candidate of this organisation. */
export async function updateCandidate(organizationId: string, id: string, input: CandidateInput): Promise<void> {
  const prisma = await db();
  try {
    const { count } = await prisma.candidate.updateMany({ where: { id, organizationId }, data: candidateData(input) });
    if (count === 0) throw new NotFoundError("Candidate");
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateError("email", DUPLICATE_EMAIL);
    throw error;
  }
}

/**
 * Deletes a candidate of this organisation with everything of theirs: their interviews (rows
 * cascade) and those interviews' media in storage.
 */
export async function deleteCandidate(organizationId: string, id: string): Promise<void> {
  const prisma = await db();
  const candidate = await prisma.candidate.findFirst({ where: { id, organizationId }, select: { interviews: { select: { id: true } } } });
  if (!candidate) throw new NotFoundError("Candidate");
  const interviewIds = candidate.interviews.map((i) => i.id);
  // Media first: once the rows are gone nothing would remember media left behind, whereas a
  // storage failure here stops the deletion with nothing deleted, and the recruiter tries again.
  await deleteInterviewMedia(interviewIds);
  // The deletion and its candidate.deleted event commit together (the event carries the ids an ATS
  // maps back, read before the row goes).
  await prisma.$transaction(async (tx) => {
    const gone = await tx.candidate.findFirst({ where: { id, organizationId }, select: { id: true, name: true, email: true, externalId: true, metadata: true } });
    if (!gone) throw new NotFoundError("Candidate");
    await enqueueWebhookEvents(tx, [{ organizationId, type: "candidate.deleted", data: { candidate: candidatePayload(gone), interview_ids: interviewIds } }]);
    const { count } = await tx.candidate.deleteMany({ where: { id, organizationId } });
    if (count === 0) throw new NotFoundError("Candidate");
  });
  // Once more after the commit: an interview in progress may have uploaded a chunk in between.
  // Its rows are gone, so a failure now can only be logged (with the prefixes to clean up).
  await deleteInterviewMedia(interviewIds).catch((error: unknown) => {
    console.error("deleteCandidate: media left in storage", { organizationId, candidateId: id, interviewIds, error });
  });
}
