import "server-only";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import { cancelPendingEmails } from "@/lib/email/outbox";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { recordEvent, SYSTEM } from "../audit";
import { anyStatus, withInterviewLock } from "../model/guard";
import { project } from "../model/progress";
import { accessPosition } from "../model/window";
import { ALL_REMINDER_KINDS } from "../notify";
import { answerFields, pacingDueAt, readForSettle, settle } from "./settle";

/**
 * The clock's own changes: an interview never started by the end of its join window (DEADLINE:
 * by its due time) becomes EXPIRED; a started one whose every question's time has run out (or,
 * DEADLINE, whose due time has passed with no question still running) is completed with what was
 * saved. Safe to run from many processes at once (each change re-checks under a row lock).
 */
export async function sweepInterviews(at?: Date, limit = 200) {
  const prisma = await db();
  // Which interviews to look at is decided by the round's time; each change re-reads the clock once it holds the lock.
  const round = at ?? clockNow();
  let expired = 0;
  let completed = 0;
  // `scheduledAt < at` lets the (status, scheduledAt) index do the work, `dueAt < at` the
  // (status, dueAt) one; the window check under the lock is exact.
  const late = await prisma.$queryRaw<Array<{ id: string }>>`
    (SELECT id, "scheduledAt" AS "closedBy" FROM "Interview"
      WHERE status = 'SCHEDULED' AND mode = 'SCHEDULED' AND "scheduledAt" < ${round}
        AND "scheduledAt" + make_interval(mins => "closesMinutesAfter") < ${round}
      ORDER BY "scheduledAt" LIMIT ${limit})
    UNION ALL
    (SELECT id, "dueAt" AS "closedBy" FROM "Interview"
      WHERE status = 'SCHEDULED' AND "dueAt" < ${round} AND mode = 'DEADLINE'
      ORDER BY "dueAt" LIMIT ${limit})
    ORDER BY "closedBy" LIMIT ${limit}`;
  for (const { id } of late) {
    const changed = await withInterviewLock(id, "unscoped", anyStatus, async (tx, locked, at) => {
      if (locked.status !== InterviewStatus.SCHEDULED) return false;
      const window = await tx.interview.findUniqueOrThrow({
        where: { id },
        select: { mode: true, scheduledAt: true, opensMinutesBefore: true, closesMinutesAfter: true, opensAt: true, dueAt: true },
      });
      if (accessPosition(window, at) !== "closed") return false;
      await tx.interview.update({ where: { id }, data: { status: InterviewStatus.EXPIRED } });
      await cancelPendingEmails(tx, id, ALL_REMINDER_KINDS, "interview expired");
      const deadline = window.mode === InterviewMode.DEADLINE ? { data: { deadline: true } } : {};
      await recordEvent(tx, { organizationId: locked.organizationId, interviewId: id, actor: SYSTEM, type: "interview.expired", ...deadline, at });
      return true;
    }, at);
    if (changed) expired++;
  }

  // Oldest first (the first to run out), and none started after `at` (they cannot have): an
  // unordered `take` let running interviews crowd out, round after round, one that had run out.
  // A DEADLINE interview paused between questions cannot run out before its due time, so only
  // those past due or with a question open are read: dozens of paused candidates, days from
  // their due dates, must not fill the round either.
  const running = await prisma.interview.findMany({
    where: {
      status: InterviewStatus.IN_PROGRESS,
      startedAt: { lte: round },
      OR: [
        { mode: InterviewMode.SCHEDULED },
        { dueAt: { lt: round } },
        { answers: { some: { presentedAt: { not: null }, submittedAt: null } } },
      ],
    },
    select: { id: true, mode: true, dueAt: true, answers: { select: answerFields } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  for (const interview of running) {
    // Lock only the interviews whose time has actually run out.
    if (!project(interview.answers, round, pacingDueAt(interview)).finishedAt) continue;
    const done = await withInterviewLock(interview.id, "unscoped", anyStatus, async (tx, locked, at) => {
      if (locked.status !== InterviewStatus.IN_PROGRESS) return false;
      // Nobody submitted the last answer: the clock did, so the event is the system's.
      const projection = await settle(tx, await readForSettle(tx, interview.id), at, SYSTEM);
      return projection.finishedAt !== null;
    }, at);
    if (done) completed++;
  }
  return { expired, completed };
}
