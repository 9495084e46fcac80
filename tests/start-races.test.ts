import { addDays, addMinutes } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { startInterview } from "@/lib/interviews/candidate/answering";
import { rescheduleInterview, resendInvitation } from "@/lib/interviews/recruiter/manage";
import { makeSchedulingOrg } from "./support/factories";
import { asCandidate, scheduleAt } from "./support/interviews";

// A recruiter's Reschedule or Resend fired at the moment the candidate presses Start: whichever
// takes the interview's lock first wins, and the other is refused. Never both: a started
// interview whose only key was replaced would strand its candidate. On PostgreSQL the two run
// truly at once (a pool of connections); PGlite has one connection and runs them in turn.
const START = new Date("2033-06-06T09:00:00.000Z");
const RUNS = process.env.DATABASE_URL ? 200 : 40;

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeAll(async () => {
  org = await makeSchedulingOrg("Races");
});
afterEach(() => setClock(null));

/** Lets `n` database round trips pass first: varies which request reaches the lock first, without sleeping. */
async function after(n: number) {
  const prisma = await db();
  for (let i = 0; i < n; i++) await prisma.$queryRaw`SELECT 1`;
}

const settled = async (promise: Promise<unknown>) => promise.then(() => "ok" as const, (error: Error) => error.name);

describe.each([
  ["reschedule", (id: string) => rescheduleInterview(org.scheduler, id, { scheduledAt: addDays(START, 1), durationMinutes: 30 })],
  ["resend", (id: string) => resendInvitation(org.scheduler, id)],
] as const)("Start against %s, fired together", (_name, recruiterChange) => {
  it(`never both succeed, and a started interview always keeps the key that started it (${RUNS} runs, varied order)`, async () => {
    const prisma = await db();
    const outcomes = { startWon: 0, recruiterWon: 0 };
    for (let run = 0; run < RUNS; run++) {
      const { interviewId } = await scheduleAt(org, START);
      const candidate = await asCandidate(interviewId);
      setClock(addMinutes(START, 1));
      const [start, change] = await Promise.all([
        after(run % 3).then(() => settled(startInterview(candidate, true))),
        after(Math.floor(run / 3) % 3).then(() => settled(recruiterChange(interviewId))),
      ]);
      expect([start, change], `run ${run}`).not.toEqual(["ok", "ok"]);
      expect([start, change].filter((o) => o === "ok"), `run ${run}: one of them goes through`).toHaveLength(1);
      const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { status: true, sessions: { where: { revokedAt: null }, select: { id: true } } } });
      if (start === "ok") {
        outcomes.startWon++;
        expect(change, `run ${run}`).toBe("StateError");
        expect(interview.status).toBe(InterviewStatus.IN_PROGRESS);
        expect(interview.sessions, `run ${run}: the candidate's key still opens it`).toEqual([{ id: candidate.sessionId }]);
      } else {
        outcomes.recruiterWon++;
        expect(start, `run ${run}`).toBe("SessionEndedError");
        expect(interview.status).toBe(InterviewStatus.SCHEDULED);
        expect(interview.sessions).toHaveLength(1);
        expect(interview.sessions[0]!.id).not.toBe(candidate.sessionId);
      }
      // The audit trail says what happened in the order it happened.
      const events = await prisma.auditEvent.findMany({ where: { interviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { type: true } });
      expect(events.map((e) => e.type).filter((t) => t !== "interview.scheduled")).toHaveLength(1);
    }
    // Both orders happened, or the test proved nothing about the race.
    expect(outcomes.startWon).toBeGreaterThan(0);
    expect(outcomes.recruiterWon).toBeGreaterThan(0);
  }, 240_000);
});
