import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { assertMayEmailOutsiders } from "@/lib/accounts/sending-limits";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { linkEmailCount } from "../../notify";
import { extendDeadline } from "../manage";
import type { Manager } from "../manager";

/** A batch's interviews whose deadline can still be extended: not finished, not cancelled. */
export const EXTENDABLE: readonly InterviewStatus[] = [InterviewStatus.SCHEDULED, InterviewStatus.EXPIRED, InterviewStatus.IN_PROGRESS];

/**
 * Extends every unfinished DEADLINE interview of a batch to one date (each due at 17:00 in its
 * candidate's zone): each exactly as extending it alone does (its row lock, one email with a fresh
 * key, its reminders planned again), one after another. Those that cannot be (finished meanwhile,
 * already due on or after that date) are counted with the reason, not extended; when none can be
 * and they agree why, that reason is the date field's message.
 */
export async function extendBatchDeadlines(by: Manager, jobId: string, batchId: string, input: { dueDate: string }) {
  const prisma = await db();
  const batch = await prisma.invitationBatch.findFirst({
    where: { id: batchId, organizationId: by.organizationId, jobId },
    select: { interviews: { where: { mode: InterviewMode.DEADLINE, status: { in: [...EXTENDABLE] } }, orderBy: { id: "asc" }, select: { id: true } } },
  });
  if (!batch) throw new NotFoundError("Invitation");
  const ids = batch.interviews.map((i) => i.id);
  if (ids.length === 0) throw new StateError("No interview of this batch is waiting for a deadline: they are finished, cancelled or taken at a time.");
  // Refused before any is extended when the day's email allowance cannot take them all.
  await assertMayEmailOutsiders(by, ids.length * linkEmailCount(now(), now(), InterviewMode.DEADLINE));
  let extended = 0;
  const refused = new Map<string, number>();
  for (const id of ids) {
    try {
      await extendDeadline(by, id, input);
      extended++;
    } catch (error) {
      if (!(error instanceof FieldError || error instanceof StateError)) throw error;
      refused.set(error.message, (refused.get(error.message) ?? 0) + 1);
    }
  }
  if (extended === 0 && refused.size === 1) throw new FieldError("dueDate", [...refused.keys()][0]!);
  return { extended, refused: [...refused].map(([reason, count]) => ({ reason, count })) };
}
