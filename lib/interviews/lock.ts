import "server-only";
import type { Tx } from "@/lib/email/outbox";
import { NotFoundError } from "@/lib/errors";

/**
 * Takes the interview's row lock for the rest of the transaction, so that changes to one interview
 * (the candidate's steps, a recruiter's, the background round's) apply one after the other and each
 * reads what the last one wrote. Given an organisation, another organisation's interview is "not
 * found", exactly like one that does not exist.
 */
export async function lockInterview(tx: Tx, interviewId: string, organizationId?: string): Promise<void> {
  const locked = organizationId
    ? await tx.$queryRaw<Array<{ id: string }>>`
        SELECT id FROM "Interview" WHERE id = ${interviewId} AND "organizationId" = ${organizationId} FOR UPDATE`
    : await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Interview" WHERE id = ${interviewId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Interview");
}
