import "server-only";
import type { Tx } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isOpenAt, OPEN_STATUSES } from "../model/status";

/**
 * Of `candidateIds`, those with an open interview for the job at `at` (see isOpenAt), each with
 * the earliest such interview's id. Scheduling one at a time and inviting in bulk both ask this;
 * under the candidates' row locks it decides, otherwise it previews.
 */
export async function openInterviewsFor(
  reader: Tx | PrismaClient,
  organizationId: string,
  jobId: string,
  candidateIds: readonly string[],
  at: Date,
): Promise<Map<string, string>> {
  if (candidateIds.length === 0) return new Map();
  const rows = await reader.interview.findMany({
    where: { organizationId, jobId, candidateId: { in: [...candidateIds] }, status: { in: [...OPEN_STATUSES] } },
    orderBy: [{ scheduledAt: "asc" }, { id: "asc" }],
    select: { id: true, candidateId: true, status: true, mode: true, scheduledAt: true, opensAt: true, dueAt: true, opensMinutesBefore: true, closesMinutesAfter: true },
  });
  const open = new Map<string, string>();
  for (const row of rows) if (!open.has(row.candidateId) && isOpenAt(row, at)) open.set(row.candidateId, row.id);
  return open;
}
