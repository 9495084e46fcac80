import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { EmailKind, EmailStatus, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { confirmInvitations } from "@/lib/interviews/recruiter/bulk/confirm";
import { extendBatchDeadlines } from "@/lib/interviews/recruiter/bulk/extend";
import { parsePasted } from "@/lib/interviews/recruiter/bulk/parse";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { makeSchedulingOrg, uniqueEmail } from "./support/factories";
import { organizationRows } from "./support/interviews";

// Extending a batch's deadline: every unfinished candidate gets the same later date (17:00 in
// their own zone), one email each with a fresh key; finished or cancelled ones are left alone.

const T0 = new Date("2032-03-01T09:00:00.000Z");
let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeEach(async () => {
  setClock(T0);
  org = await makeSchedulingOrg("Bulk extend");
});
afterEach(() => setClock(null));

/** A batch of `count` candidates in Berlin, due 2032-03-05, and its interviews. */
async function deadlineBatch(count: number, mode: InterviewMode = InterviewMode.DEADLINE) {
  const rows = parsePasted(Array.from({ length: count }, (_, i) => `P${i} <${uniqueEmail(`p${i}`)}>`).join("\n"));
  const { batchId } = await confirmInvitations(org.scheduler, org.job.id, {
    batchId: randomUUID(),
    rows,
    candidateIds: [],
    defaultTimeZone: "Europe/Berlin",
    scheduledAt: "now",
    mode,
    dueDate: mode === InterviewMode.DEADLINE ? "2032-03-05" : null,
    durationMinutes: 30,
  });
  const prisma = await db();
  const interviews = await prisma.interview.findMany({ where: { invitationBatchId: batchId }, orderBy: { id: "asc" }, select: { id: true } });
  return { batchId, ids: interviews.map((i) => i.id) };
}

async function snapshot(ids: string[]) {
  const prisma = await db();
  return prisma.interview.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    select: { id: true, status: true, dueAt: true, emails: { orderBy: { id: "asc" }, select: { kind: true, status: true, sendAfter: true } }, sessions: { select: { revokedAt: true } } },
  });
}

describe("extendBatchDeadlines", () => {
  it("gives every unfinished candidate the new date, one email and a fresh key each, and leaves a cancelled one alone", async () => {
    const { batchId, ids } = await deadlineBatch(3);
    setClock(new Date("2032-03-02T09:00:00.000Z"));
    await cancelInterview(org.scheduler, ids[2]!);
    const cancelledBefore = (await snapshot([ids[2]!]))[0];

    const result = await extendBatchDeadlines(org.scheduler, org.job.id, batchId, { dueDate: "2032-03-10" });
    expect(result).toEqual({ extended: 2, refused: [] });
    // 17:00 in Berlin (CET) on 10 March is 16:00 UTC.
    const newDue = new Date("2032-03-10T16:00:00.000Z");
    for (const interview of await snapshot(ids.slice(0, 2))) {
      expect(interview).toMatchObject({ status: InterviewStatus.SCHEDULED, dueAt: newDue });
      expect(interview.emails.filter((e) => e.kind === EmailKind.DEADLINE_EXTENDED)).toHaveLength(1);
      expect(interview.sessions.filter((s) => !s.revokedAt)).toHaveLength(1);
      expect(interview.sessions).toHaveLength(2);
      // The reminders follow the new date.
      const pending = interview.emails.filter((e) => e.kind === EmailKind.DEADLINE_REMINDER && e.status === EmailStatus.PENDING).map((e) => e.sendAfter);
      expect(pending).toEqual([72, 24, 2].map((h) => new Date(newDue.getTime() - h * 3_600_000)));
    }
    expect((await snapshot([ids[2]!]))[0]).toEqual(cancelledBefore);
  });

  it("refuses a date not after the current one on the date's field, writing nothing", async () => {
    const { batchId, ids } = await deadlineBatch(2);
    const before = await organizationRows(org.organizationId);
    const error = await extendBatchDeadlines(org.scheduler, org.job.id, batchId, { dueDate: "2032-03-05" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "dueDate", message: "Choose a date after the current due date." });
    expect(await organizationRows(org.organizationId)).toEqual(before);
    expect((await snapshot(ids)).map((i) => i.dueAt)).toEqual([new Date("2032-03-05T16:00:00.000Z"), new Date("2032-03-05T16:00:00.000Z")]);
  });

  it("extends those it can and counts the rest with the reason", async () => {
    const { batchId, ids } = await deadlineBatch(2);
    // One was given until the 20th already.
    await extendBatchDeadlines(org.scheduler, org.job.id, batchId, { dueDate: "2032-03-20" });
    const prisma = await db();
    await prisma.interview.update({ where: { id: ids[0]! }, data: { dueAt: new Date("2032-03-05T16:00:00.000Z") } });
    expect(await extendBatchDeadlines(org.scheduler, org.job.id, batchId, { dueDate: "2032-03-12" })).toEqual({
      extended: 1,
      refused: [{ reason: "Choose a date after the current due date.", count: 1 }],
    });
  });

  it("is not found for another organisation or another job, and refuses a batch taken at a time", async () => {
    const { batchId } = await deadlineBatch(1);
    const other = await makeSchedulingOrg("Bulk extend other");
    const before = await organizationRows(org.organizationId);
    await expect(extendBatchDeadlines(other.scheduler, org.job.id, batchId, { dueDate: "2032-03-10" })).rejects.toThrow(NotFoundError);
    await expect(extendBatchDeadlines(other.scheduler, other.job.id, batchId, { dueDate: "2032-03-10" })).rejects.toThrow(NotFoundError);
    expect(await organizationRows(org.organizationId)).toEqual(before);

    const scheduled = await deadlineBatch(1, InterviewMode.SCHEDULED);
    await expect(extendBatchDeadlines(org.scheduler, org.job.id, scheduled.batchId, { dueDate: "2032-03-10" })).rejects.toThrow(StateError);
  });
});
