import { randomUUID } from "node:crypto";
import { addDays, addMinutes, addSeconds } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { startInterview } from "@/lib/interviews/candidate/answering";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { makeCandidate, makeJob, makeSchedulingOrg, scheduleInput } from "./support/factories";
import { asCandidate, organizationRows } from "./support/interviews";

// Scheduling the same candidate for the same job while an interview of theirs for it is still open
// (scheduled and not past its join window, or under way) is refused, naming the open one: a second
// link to the same questions only confuses the candidate, and everything a second interview could
// do — a new time, a new link, other accommodations — is done on the open one.

const T0 = new Date("2031-03-02T09:00:00.000Z");
const START = new Date("2031-03-04T15:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeEach(async () => {
  setClock(T0);
  org = await makeSchedulingOrg("Open interviews");
});
afterEach(() => setClock(null));

const scheduleFor = (candidateId: string, jobId = org.job.id, overrides: Parameters<typeof scheduleInput>[2] = {}) =>
  scheduleInterview(org.scheduler, scheduleInput(jobId, { id: candidateId }, { scheduledAt: START, ...overrides }));

async function refusal(promise: Promise<unknown>): Promise<ConflictError> {
  const error = await promise.then(
    (value) => expect.fail(`expected a refusal, got ${JSON.stringify(value)}`),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConflictError);
  return error as ConflictError;
}

describe("scheduling while the candidate has an open interview for the job", () => {
  it("is refused, names the open interview, and writes nothing", async () => {
    const { interviewId: first } = await scheduleFor(org.candidate.id);
    const before = await organizationRows(org.organizationId);

    const error = await refusal(scheduleFor(org.candidate.id, org.job.id, { scheduledAt: addMinutes(START, 90) }));
    expect(error.existingId).toBe(first);
    expect(error.message).toContain(org.candidate.name);
    expect(error.message).toContain(org.job.title);
    expect(await organizationRows(org.organizationId)).toEqual(before);
  });

  it("is refused while the open one is in progress", async () => {
    const { interviewId: first } = await scheduleFor(org.candidate.id);
    setClock(addMinutes(START, 1));
    await startInterview(await asCandidate(first), true);
    const prisma = await db();
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: first } })).status).toBe(InterviewStatus.IN_PROGRESS);

    const error = await refusal(scheduleFor(org.candidate.id, org.job.id, { scheduledAt: null }));
    expect(error.existingId).toBe(first);
  });

  it("goes through once the open one is cancelled, or has missed its window, and for another job or candidate", async () => {
    const { interviewId: first } = await scheduleFor(org.candidate.id);
    // Another job for the same candidate, and the same job for another candidate, are their own interviews.
    const otherJob = await makeJob(org.organizationId, ["Why this team?"], { title: "Another role" });
    const otherCandidate = await makeCandidate(org.organizationId);
    expect((await scheduleFor(org.candidate.id, otherJob.id)).created).toBe(true);
    expect((await scheduleFor(otherCandidate.id)).created).toBe(true);

    await cancelInterview(org.scheduler, first);
    const { interviewId: second, created } = await scheduleFor(org.candidate.id);
    expect(created).toBe(true);

    // Past its join window the link no longer opens, even before the background round marks it expired.
    setClock(addMinutes(START, 16));
    expect((await scheduleFor(org.candidate.id, org.job.id, { scheduledAt: null })).created).toBe(true);
    const prisma = await db();
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: second } })).status).toBe(InterviewStatus.SCHEDULED);
  });

  it("still finds the first interview when the same form is submitted twice", async () => {
    const requestToken = randomUUID();
    const first = await scheduleFor(org.candidate.id, org.job.id, { requestToken });
    const again = await scheduleFor(org.candidate.id, org.job.id, { requestToken });
    expect(again).toEqual({ interviewId: first.interviewId, created: false });
  });

  it("creates exactly one interview when several different forms for the pair arrive at once", async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () =>
        scheduleFor(org.candidate.id).then(
          (result) => ({ created: result.interviewId }),
          (error: unknown) => ({ refused: error }),
        ),
      ),
    );
    const created = outcomes.flatMap((o) => ("created" in o ? [o.created] : []));
    expect(created).toHaveLength(1);
    for (const outcome of outcomes) {
      if ("refused" in outcome) {
        expect(outcome.refused).toBeInstanceOf(ConflictError);
        expect((outcome.refused as ConflictError).existingId).toBe(created[0]);
      }
    }
    const prisma = await db();
    expect(await prisma.interview.count({ where: { organizationId: org.organizationId, candidateId: org.candidate.id } })).toBe(1);
  });

  it("counts a deadline interview as open from its opening to its due time: a second one for the same job is refused a second before and at the due time, allowed after", async () => {
    const { interviewId } = await scheduleFor(org.candidate.id, org.job.id, { mode: InterviewMode.DEADLINE, scheduledAt: "now", dueAt: addDays(T0, 5) });
    const dueAt = (await (await db()).interview.findUniqueOrThrow({ where: { id: interviewId }, select: { dueAt: true } })).dueAt!;
    for (const at of [addMinutes(T0, 60), addSeconds(dueAt, -1), dueAt]) {
      setClock(at);
      expect((await refusal(scheduleFor(org.candidate.id, org.job.id, { scheduledAt: addDays(at, 1) }))).existingId).toBe(interviewId);
    }
    setClock(addSeconds(dueAt, 1));
    expect((await scheduleFor(org.candidate.id, org.job.id, { scheduledAt: addDays(dueAt, 1) })).created).toBe(true);
  });
});
