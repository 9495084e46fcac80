import { addMinutes } from "date-fns";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { saveDraft, startInterview, submitAnswer } from "@/lib/interviews/candidate/answering";
import { requestReschedule } from "@/lib/interviews/candidate/requests";
import { onInterviewDeliveryEvent } from "@/lib/interviews/delivery";
import { lockInterview, statusIn, withInterviewLock } from "@/lib/interviews/model/guard";
import { DeliveryState } from "@/lib/generated/prisma/enums";
import { makeJob, makeSchedulingOrg } from "./support/factories";
import { answerRows, scheduleAt, asCandidate } from "./support/interviews";

// Dates after every other file's sweeps on a shared PostgreSQL (see tests/candidate.test.ts).
const START = new Date("2032-05-05T09:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let jobId: string;

beforeAll(async () => {
  org = await makeSchedulingOrg("Guard");
  ({ id: jobId } = await makeJob(org.organizationId, ["Only question"]));
});
afterEach(() => setClock(null));

describe("withInterviewLock", () => {
  it("reads the clock once it holds the lock, so a change that waited is timed after the one it waited for", async () => {
    const { interviewId } = await scheduleAt(org, START, { jobId });
    const prisma = await db();
    setClock(START);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = prisma.$transaction(async (tx) => {
      await lockInterview(tx, interviewId, "unscoped");
      locked();
      await held;
    });
    await lockTaken;
    const waiting = withInterviewLock(interviewId, "unscoped", () => {}, async (_tx, _interview, at) => at);
    // The clock moves while the change waits for the lock.
    setClock(addMinutes(START, 7));
    release();
    await holder;
    expect(await waiting).toEqual(addMinutes(START, 7));
  });

  it("runs the status check on the locked row and writes nothing when it refuses", async () => {
    const { interviewId } = await scheduleAt(org, START, { jobId });
    const refusal = new Error("not in this status");
    const ran: string[] = [];
    await expect(
      withInterviewLock(interviewId, "unscoped", statusIn([InterviewStatus.COMPLETED], () => refusal), async () => {
        ran.push("fn");
      }),
    ).rejects.toBe(refusal);
    expect(ran).toEqual([]);
  });

  it("treats another organisation's interview as not found", async () => {
    const { interviewId } = await scheduleAt(org, START, { jobId });
    await expect(withInterviewLock(interviewId, { organizationId: "someone-else" }, () => {}, async () => "changed")).rejects.toMatchObject({ name: "NotFoundError" });
  });
});

describe("recruiter notices: the scheduler, else every owner, never dropped", () => {
  /** An interview whose scheduler's account is gone, in an organisation with two owners. */
  async function orphaned() {
    const prisma = await db();
    const interview = await scheduleAt(org, START, { jobId });
    await prisma.interview.update({ where: { id: interview.interviewId }, data: { createdById: null } });
    const second = await prisma.user.upsert({
      where: { email: `second-owner-${org.suffix}@example.test` },
      update: {},
      create: { email: `second-owner-${org.suffix}@example.test`, name: "Second Owner", passwordHash: "scrypt$unused", role: "OWNER", organizationId: org.organizationId },
    });
    return { ...interview, owners: [org.ownerEmail, second.email].sort() };
  }

  async function recipients(interviewId: string, kind: EmailKind) {
    const prisma = await db();
    const emails = await prisma.outboxEmail.findMany({ where: { interviewId, kind }, select: { toEmail: true, text: true } });
    return { to: emails.map((e) => e.toEmail).sort(), texts: emails.map((e) => e.text) };
  }

  it("the completion notice", async () => {
    const { interviewId, owners } = await orphaned();
    await startInterview(await asCandidate(interviewId), true, START);
    const [answer] = await answerRows(interviewId);
    await saveDraft(await asCandidate(interviewId), answer!.id, "Done.", addMinutes(START, 1));
    expect(await submitAnswer(await asCandidate(interviewId), answer!.id, "Done.", addMinutes(START, 1))).toEqual({ done: true });
    const { to, texts } = await recipients(interviewId, EmailKind.CANDIDATE_COMPLETED);
    expect(to).toEqual(owners);
    for (const text of texts) expect(text).toContain("you own the account");
  });

  it("the request for a new time", async () => {
    const { interviewId, owners } = await orphaned();
    await requestReschedule(await asCandidate(interviewId), addMinutes(START, 20));
    expect((await recipients(interviewId, EmailKind.RESCHEDULE_REQUESTED)).to).toEqual(owners);
  });

  it("a bounced invitation, once however many bounces arrive", async () => {
    const { interviewId, owners } = await orphaned();
    const prisma = await db();
    const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION }, select: { id: true, kind: true, organizationId: true, interviewId: true } });
    for (const reason of ["mailbox full", "no such user"]) {
      await prisma.$transaction((tx) => onInterviewDeliveryEvent(tx, { email: invitation, state: DeliveryState.BOUNCED, reason, at: START }));
    }
    const { to } = await recipients(interviewId, EmailKind.INVITATION_BOUNCED);
    expect(to).toEqual(owners);
  });
});
