import { addSeconds } from "date-fns";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { IntegritySignalKind } from "@/lib/generated/prisma/enums";
import { startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { DEVICE_ACTIVE_SECONDS, deviceHeartbeat, recordSignal, SIGNALS_PER_INTERVIEW } from "@/lib/interviews/candidate/signals";
import { findSignals } from "@/lib/interviews/review/find-review";
import { setClock } from "@/lib/clock";
import { makeJob, makeOrg, makeSchedulingOrg, question } from "./support/factories";
import { answerRows, scheduleAt, asCandidate } from "./support/interviews";

const START = new Date("2032-06-06T09:00:00.000Z");
const s = (seconds: number) => addSeconds(START, seconds);

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let jobId: string;

beforeAll(async () => {
  org = await makeSchedulingOrg("Signals");
  ({ id: jobId } = await makeJob(org.organizationId, [question("One?", { prepSeconds: 10, answerSeconds: 60 }), question("Two?", { prepSeconds: 10, answerSeconds: 60 })]));
});

async function started() {
  const { interviewId } = await scheduleAt(org, START, { jobId });
  await startInterview(await asCandidate(interviewId), true, START);
  const answers = (await answerRows(interviewId)).map((a) => a.id) as [string, string];
  return { interviewId, answers };
}

const kinds = async (interviewId: string) => (await findSignals({ userId: org.ownerId, organizationId: org.organizationId, role: "OWNER" }, interviewId)).map((x) => [x.kind, x.position, x.detail, x.at.toISOString()]);

describe("recordSignal", () => {
  it("stores what the page reported, with the question's number and the server's time", async () => {
    const { interviewId, answers } = await started();
    expect(await recordSignal(await asCandidate(interviewId), { kind: IntegritySignalKind.LEFT_PAGE, answerId: answers[0], seconds: 12 }, s(30))).toBe(true);
    expect(await recordSignal(await asCandidate(interviewId), { kind: IntegritySignalKind.PASTE, answerId: answers[1], characters: 240 }, s(31))).toBe(true);
    expect(await kinds(interviewId)).toEqual([
      [IntegritySignalKind.LEFT_PAGE, 1, { seconds: 12 }, s(30).toISOString()],
      [IntegritySignalKind.PASTE, 2, { characters: 240 }, s(31).toISOString()],
    ]);
  });

  it("ignores another interview's answer, an interview not in progress, and anything past the cap", async () => {
    const mine = await started();
    const theirs = await started();
    expect(await recordSignal(await asCandidate(mine.interviewId), { kind: IntegritySignalKind.PASTE, answerId: theirs.answers[0], characters: 5 }, s(30))).toBe(false);

    const prisma = await db();
    await prisma.integritySignal.createMany({
      data: Array.from({ length: SIGNALS_PER_INTERVIEW }, () => ({ interviewId: theirs.interviewId, kind: IntegritySignalKind.PASTE, at: s(1) })),
    });
    expect(await recordSignal(await asCandidate(theirs.interviewId), { kind: IntegritySignalKind.PASTE, answerId: theirs.answers[0], characters: 5 }, s(30))).toBe(false);
    expect(await prisma.integritySignal.count({ where: { interviewId: theirs.interviewId } })).toBe(SIGNALS_PER_INTERVIEW);

    await submitAnswer(await asCandidate(mine.interviewId), mine.answers[0], "a", s(20));
    await submitAnswer(await asCandidate(mine.interviewId), mine.answers[1], "b", s(40));
    expect(await recordSignal(await asCandidate(mine.interviewId), { kind: IntegritySignalKind.PASTE, answerId: mine.answers[1], characters: 5 }, s(41))).toBe(false);
    expect(await kinds(mine.interviewId)).toEqual([]);
  });

  it("keeps to the cap when 400 reports arrive at once: exactly 300 stored, each call told whether it was", async () => {
    const { interviewId, answers } = await started();
    const candidate = await asCandidate(interviewId);
    // On PostgreSQL these run in parallel on the pool's connections; PGlite takes them one at a time.
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) => recordSignal(candidate, { kind: IntegritySignalKind.PASTE, answerId: answers[i % 2]!, characters: i + 1 }, s(30))),
    );
    expect(results.filter(Boolean)).toHaveLength(SIGNALS_PER_INTERVIEW);
    const prisma = await db();
    expect(await prisma.integritySignal.count({ where: { interviewId } })).toBe(SIGNALS_PER_INTERVIEW);
  }, 120_000);

  it("keeps to the cap when 8 server processes take 50 reports each at once (the row lock, not the queue, decides)", async () => {
    const { interviewId, answers } = await started();
    const candidate = await asCandidate(interviewId);
    // Each fresh module instance has a queue of its own, as each server process does: on PostgreSQL
    // eight transactions at a time contend for the interview's row lock.
    const processes: Array<typeof import("@/lib/interviews/candidate/signals")> = [];
    for (let i = 0; i < 8; i++) {
      vi.resetModules();
      processes.push(await import("@/lib/interviews/candidate/signals"));
    }
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        processes[i % processes.length]!.recordSignal(candidate, { kind: IntegritySignalKind.PASTE, answerId: answers[i % 2]!, characters: i + 1 }, s(30)),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(SIGNALS_PER_INTERVIEW);
    const prisma = await db();
    expect(await prisma.integritySignal.count({ where: { interviewId } })).toBe(SIGNALS_PER_INTERVIEW);
  }, 120_000);

  it("another organisation reads none of them", async () => {
    const { interviewId, answers } = await started();
    await recordSignal(await asCandidate(interviewId), { kind: IntegritySignalKind.PASTE, answerId: answers[0], characters: 5 }, s(30));
    const other = await makeOrg("Other signals");
    expect(await findSignals({ userId: other.ownerId, organizationId: other.organizationId, role: "OWNER" }, interviewId)).toEqual([]);
  });
});

describe("deviceHeartbeat", () => {
  it.each([
    ["a second before the first device counts as gone", DEVICE_ACTIVE_SECONDS - 1, true],
    ["when it counts as gone", DEVICE_ACTIVE_SECONDS, false],
    ["after", DEVICE_ACTIVE_SECONDS + 1, false],
  ])("a second device %s", async (_, after, signal) => {
    const { interviewId } = await started();
    expect(await deviceHeartbeat(await asCandidate(interviewId), "device-aaaa-1111", s(10))).toEqual({ otherDevice: false });
    expect(await deviceHeartbeat(await asCandidate(interviewId), "device-aaaa-1111", s(20))).toEqual({ otherDevice: false });
    expect(await deviceHeartbeat(await asCandidate(interviewId), "device-bbbb-2222", s(20 + after))).toEqual({ otherDevice: signal });
    expect((await kinds(interviewId)).map(([kind]) => kind)).toEqual(signal ? [IntegritySignalKind.MULTIPLE_DEVICES] : []);
  });

  it("two devices trading places make one signal per five minutes, not one per heartbeat", async () => {
    const { interviewId } = await started();
    for (let i = 0; i < 10; i++) await deviceHeartbeat(await asCandidate(interviewId), i % 2 ? "device-bbbb-2222" : "device-aaaa-1111", s(i * 10));
    expect(await kinds(interviewId)).toHaveLength(1);
    await deviceHeartbeat(await asCandidate(interviewId), "device-aaaa-1111", s(5 * 60 + 10));
    await deviceHeartbeat(await asCandidate(interviewId), "device-bbbb-2222", s(5 * 60 + 20));
    expect(await kinds(interviewId)).toHaveLength(2);
  });

  it("uses the injected clock when none is passed", async () => {
    const { interviewId } = await started();
    setClock(s(50));
    try {
      await deviceHeartbeat(await asCandidate(interviewId), "device-aaaa-1111");
    } finally {
      setClock(null);
    }
    const prisma = await db();
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { deviceSeenAt: true } })).deviceSeenAt).toEqual(s(50));
  });
});
