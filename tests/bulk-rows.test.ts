import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind, InterviewMode } from "@/lib/generated/prisma/enums";
import { confirmInvitations } from "@/lib/interviews/recruiter/bulk/confirm";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { makeSchedulingOrg, scheduleInput } from "./support/factories";

// A bulk invitation writes its rows with set-based SQL (writeInterviewBatch, lib/db-insert.ts),
// the form through Prisma (writeInterviews). For the same candidate, job and time both must write
// the same rows, column by column: every column Prisma reads back is compared, so one added to the
// schema that the set-based path leaves out (or to its default, where Prisma fills one in) fails here.

const T0 = new Date("2031-06-02T09:00:00.000Z");
const START = new Date("2031-06-04T15:00:00.000Z");

/** Columns that differ by design, each with why; every other column must be equal. */
const DIFFERENT = {
  interview: ["id", "createdAt", "updatedAt", "requestToken", "invitationBatchId"], // new row; the form's token or the batch
  session: ["id", "interviewId", "keyHash", "createdAt"], // new key
  // A batch's emails are composed when sent (html, text, the .ics attachment); the form's are rendered now.
  email: ["id", "interviewId", "secret", "createdAt", "updatedAt", "html", "text", "attachments", "composeOnSend"],
  event: ["id", "interviewId", "data"], // data compared below, apart from the session's id and the batch's
};

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeEach(async () => {
  setClock(T0);
  org = await makeSchedulingOrg("Bulk rows");
});
afterEach(() => setClock(null));

async function rowsOf(interviewId: string) {
  const prisma = await db();
  const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
  const [sessions, emails, events] = await Promise.all([
    prisma.interviewSession.findMany({ where: { interviewId } }),
    // Two reminders of one kind (a deadline's): paired by when each goes.
    prisma.outboxEmail.findMany({ where: { interviewId }, orderBy: [{ kind: "asc" }, { sendAfter: { sort: "asc", nulls: "first" } }] }),
    prisma.auditEvent.findMany({ where: { interviewId } }),
  ]);
  return { interview, sessions, emails, events };
}

function expectSameColumns(actual: Record<string, unknown>, expected: Record<string, unknown>, different: string[]) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  const omit = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).filter(([column]) => !different.includes(column)));
  expect(omit(actual)).toEqual(omit(expected));
}

/** Written at the wall clock, as Prisma stamps @default(now()) and @updatedAt (not the test's clock). */
const recent = (at: Date) => Math.abs(at.getTime() - Date.now()) < 5 * 60_000;

describe.each([InterviewMode.SCHEDULED, InterviewMode.DEADLINE])("a batch's rows (%s)", (mode) => {
  it("equal those the form writes for the same candidate, column by column, apart from ids, keys and when they were written", async () => {
    const dueDate = mode === InterviewMode.DEADLINE ? "2031-06-09" : null;
    const one = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }, { scheduledAt: START, mode, dueDate }));
    const single = await rowsOf(one.interviewId);
    // The candidate may have one open interview per job: cancel the form's before the batch invites them.
    await cancelInterview(org.scheduler, one.interviewId);

    const { batchId } = await confirmInvitations(org.scheduler, org.job.id, {
      batchId: randomUUID(),
      rows: [],
      candidateIds: [org.candidate.id],
      defaultTimeZone: null,
      scheduledAt: START,
      mode,
      dueDate,
      durationMinutes: 30,
    });
    const prisma = await db();
    const [{ id }] = await prisma.interview.findMany({ where: { invitationBatchId: batchId }, select: { id: true } }) as [{ id: string }];
    const batch = await rowsOf(id);

    expectSameColumns(batch.interview, single.interview, DIFFERENT.interview);
    expect(batch.interview).toMatchObject({ invitationBatchId: batchId, requestToken: null, mode });

    expect(batch.sessions).toHaveLength(1);
    expect(single.sessions).toHaveLength(1);
    expectSameColumns(batch.sessions[0]!, single.sessions[0]!, DIFFERENT.session);

    expect(batch.emails.map((e) => e.kind)).toEqual(single.emails.map((e) => e.kind));
    expect(batch.emails.map((e) => e.kind)).toContain(EmailKind.INVITATION);
    batch.emails.forEach((email, i) => expectSameColumns(email, single.emails[i]!, DIFFERENT.email));
    for (const email of batch.emails) expect(email).toMatchObject({ composeOnSend: true, html: "", text: "", attachments: [] });

    expect(batch.events).toHaveLength(1);
    expect(single.events).toHaveLength(1);
    expectSameColumns(batch.events[0]!, single.events[0]!, DIFFERENT.event);
    const { sessionId, invitationBatchId, ...data } = batch.events[0]!.data as Record<string, unknown>;
    const { sessionId: singleSessionId, ...singleData } = single.events[0]!.data as Record<string, unknown>;
    expect(data).toEqual(singleData);
    expect(sessionId).toBe(batch.sessions[0]!.id);
    expect(singleSessionId).toBe(single.sessions[0]!.id);
    expect(invitationBatchId).toBe(batchId);

    for (const rows of [single, batch]) {
      expect(recent(rows.interview.createdAt) && recent(rows.interview.updatedAt)).toBe(true);
      expect(rows.sessions.every((s) => recent(s.createdAt))).toBe(true);
      expect(rows.emails.every((e) => recent(e.createdAt) && recent(e.updatedAt))).toBe(true);
      // One statement's emails share their time, so the invitation lists before its reminders (queries.ts).
      expect(new Set(rows.emails.map((e) => e.createdAt.getTime())).size).toBe(1);
    }
    // The audit trail's time is the scheduling's (the clock), in both.
    expect(batch.events[0]!.createdAt).toEqual(T0);
  });
});

describe("a batch's new candidate", () => {
  it("equals one the form creates inline, apart from the id, the address and when it was written", async () => {
    const prisma = await db();
    const [formEmail, batchEmail] = [`form-${randomUUID()}@example.com`, `batch-${randomUUID()}@example.com`];
    await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { name: "Ann Example", email: formEmail, timeZone: "Asia/Tokyo" }, { scheduledAt: START }));
    await confirmInvitations(org.scheduler, org.job.id, {
      batchId: randomUUID(),
      rows: [{ source: "csv", line: 2, name: "Ann Example", email: batchEmail, timeZone: "Asia/Tokyo", phone: "", externalId: "" }],
      candidateIds: [],
      defaultTimeZone: null,
      scheduledAt: START,
      durationMinutes: 30,
    });
    const [fromForm, fromBatch] = await Promise.all([formEmail, batchEmail].map((email) => prisma.candidate.findFirstOrThrow({ where: { organizationId: org.organizationId, email } })));
    expectSameColumns(fromBatch, fromForm, ["id", "email", "createdAt", "updatedAt"]);
    expect(recent(fromBatch.createdAt) && recent(fromBatch.updatedAt)).toBe(true);
  });
});
