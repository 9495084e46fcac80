import "server-only";
import { db } from "@/lib/db";

/** True only where the e2e suite turned test hooks on (KAIROS_TEST_HOOKS=1); never in a deployment. */
export function testHooksEnabled(): boolean {
  return process.env.KAIROS_TEST_HOOKS === "1";
}

/**
 * Moves one interview's timeline `seconds` into the past — the same as the clock moving forward
 * for that interview alone, so browser tests running in parallel do not disturb each other.
 */
export async function shiftInterviewIntoPast(interviewId: string, seconds: number): Promise<boolean> {
  const prisma = await db();
  const interval = `${Math.trunc(seconds)} seconds`;
  const moved = await prisma.$executeRaw`
    UPDATE "Interview" SET
      "scheduledAt" = "scheduledAt" - ${interval}::interval,
      "consentedAt" = "consentedAt" - ${interval}::interval,
      "startedAt" = "startedAt" - ${interval}::interval,
      "completedAt" = "completedAt" - ${interval}::interval
    WHERE id = ${interviewId}`;
  await prisma.$executeRaw`
    UPDATE "InterviewAnswer" SET
      "presentedAt" = "presentedAt" - ${interval}::interval,
      "answerStartedAt" = "answerStartedAt" - ${interval}::interval,
      "submittedAt" = "submittedAt" - ${interval}::interval,
      "savedAt" = "savedAt" - ${interval}::interval,
      "takeStartedAt" = "takeStartedAt" - ${interval}::interval
    WHERE "interviewId" = ${interviewId}`;
  await prisma.$executeRaw`
    UPDATE "Recording" SET
      "startedAt" = "startedAt" - ${interval}::interval,
      "finishedAt" = "finishedAt" - ${interval}::interval
    WHERE "interviewId" = ${interviewId}`;
  return moved > 0;
}

/** Seconds from now until the interview's join window opens (negative once open). */
export async function secondsUntilOpen(interviewId: string, at: Date): Promise<number | null> {
  const prisma = await db();
  const interview = await prisma.interview.findUnique({ where: { id: interviewId }, select: { scheduledAt: true, opensMinutesBefore: true } });
  if (!interview) return null;
  return (interview.scheduledAt.getTime() - interview.opensMinutesBefore * 60_000 - at.getTime()) / 1000;
}
