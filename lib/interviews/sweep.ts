import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { cancelPendingEmails } from "@/lib/email/outbox";
import { ActorType, InterviewStatus } from "@/lib/generated/prisma/enums";
import { recordEvent } from "./audit";
import { answerFields, lock, settle } from "./candidate";
import { REMINDER_KINDS } from "./emails";
import { project } from "./progress";
import { windowPosition } from "./window";

/**
 * The clock's own changes: an interview never started by the end of its join window becomes
 * EXPIRED; a started one whose every question's time has run out is completed with what was
 * saved. Safe to run from many processes at once (each change re-checks under a row lock).
 */
export async function sweepInterviews(at = clockNow(), limit = 200) {
  const prisma = await db();
  let expired = 0;
  let completed = 0;
  // `scheduledAt < at` lets the (status, scheduledAt) index do the work; the window check is exact.
  const late = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Interview"
    WHERE status = 'SCHEDULED' AND "scheduledAt" < ${at}
      AND "scheduledAt" + make_interval(mins => "closesMinutesAfter") < ${at}
    ORDER BY "scheduledAt" LIMIT ${limit}`;
  for (const { id } of late) {
    const changed = await prisma.$transaction(async (tx) => {
      const interview = await lock(tx, id);
      if (interview.status !== InterviewStatus.SCHEDULED || windowPosition(interview, at) !== "closed") return false;
      await tx.interview.update({ where: { id }, data: { status: InterviewStatus.EXPIRED } });
      await cancelPendingEmails(tx, id, REMINDER_KINDS, "interview expired");
      await recordEvent(tx, { organizationId: interview.organizationId, interviewId: id, actor: { type: ActorType.SYSTEM }, type: "interview.expired", at });
      return true;
    });
    if (changed) expired++;
  }

  // Oldest first (the first to run out), and none started after `at` (they cannot have): an
  // unordered `take` let running interviews crowd out, round after round, one that had run out.
  const running = await prisma.interview.findMany({
    where: { status: InterviewStatus.IN_PROGRESS, startedAt: { lte: at } },
    select: { id: true, answers: { select: answerFields } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  for (const interview of running) {
    // Lock only the interviews whose time has actually run out.
    if (project(interview.answers, at).current) continue;
    const done = await prisma.$transaction(async (tx) => {
      const locked = await lock(tx, interview.id);
      if (locked.status !== InterviewStatus.IN_PROGRESS) return false;
      // Nobody submitted the last answer: the clock did, so the event is the system's.
      const projection = await settle(tx, locked, at, { type: ActorType.SYSTEM });
      return !projection.current;
    });
    if (done) completed++;
  }
  return { expired, completed };
}
