import { randomUUID } from "node:crypto";
import { addHours, addMinutes, addSeconds } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Attachment } from "@/lib/email/outbox";
import { DuplicateError, FieldError } from "@/lib/errors";
import { EmailKind, EmailStatus, InterviewStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { resendInvitation, rescheduleInterview } from "@/lib/interviews/recruiter/manage";
import { PAST_START_TOLERANCE_SECONDS, scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { hashToken } from "@/lib/tokens";
import { anotherCandidate, makeCandidate, makeJob, makeSchedulingOrg, scheduleInput, uniqueEmail } from "./support/factories";
import { icsText, linkKeyOf, linkKeys, organizationRows } from "./support/interviews";

const T0 = new Date("2026-06-01T08:00:00.000Z");
const START = new Date("2026-06-03T14:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let other: Awaited<ReturnType<typeof makeSchedulingOrg>>;

// A fresh pair of organisations per test: org A's candidate may have one open interview per job.
beforeEach(async () => {
  [org, other] = await Promise.all([makeSchedulingOrg("Schedule A"), makeSchedulingOrg("Schedule B")]);
  setClock(T0);
});
afterEach(() => setClock(null));

/** Schedules for a new candidate of org A (or `candidate`) and returns the id. */
async function schedule(overrides: Parameters<typeof scheduleInput>[2] = {}, candidate?: Parameters<typeof scheduleInput>[1]) {
  const result = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, candidate ?? { id: (await anotherCandidate(org)).id }, overrides));
  expect(result.created).toBe(true);
  return result.interviewId;
}

async function outboxOf(interviewId: string) {
  const prisma = await db();
  return prisma.outboxEmail.findMany({ where: { interviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The error a promise rejects with (fails if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe("scheduleInterview", () => {
  it("writes one scheduled interview, one active session, the invitation with its link, reminders and an audit event", async () => {
    const prisma = await db();
    const requestToken = randomUUID();
    const { interviewId, created } = await scheduleInterview(
      org.scheduler,
      scheduleInput(org.job.id, { id: org.candidate.id }, { scheduledAt: START, durationMinutes: 45, requestToken }),
    );
    expect(created).toBe(true);

    const interviews = await prisma.interview.findMany({ where: { organizationId: org.organizationId, requestToken } });
    expect(interviews).toHaveLength(1);
    const interview = interviews[0]!;
    expect(interview.id).toBe(interviewId);
    expect(interview.status).toBe(InterviewStatus.SCHEDULED);
    expect(interview.scheduledAt).toEqual(START);
    expect(interview.durationMinutes).toBe(45);
    expect(interview.candidateId).toBe(org.candidate.id);
    expect(interview.candidateTimeZone).toBe(org.candidate.timeZone);
    expect(interview.createdById).toBe(org.ownerId);

    const sessions = await prisma.interviewSession.findMany({ where: { interviewId } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.revokedAt).toBeNull();
    expect(sessions[0]!.keyHash).toMatch(/^[0-9a-f]{64}$/);

    const emails = await outboxOf(interviewId);
    const invitations = emails.filter((e) => e.kind === EmailKind.INVITATION);
    expect(invitations).toHaveLength(1);
    const invitation = invitations[0]!;
    expect(invitation.status).toBe(EmailStatus.PENDING);
    expect(invitation.toEmail).toBe(org.candidate.email);
    // The same key in the HTML, the text and the calendar file; only its hash is in the database.
    const key = linkKeyOf(invitation);
    expect(hashToken(key)).toBe(sessions[0]!.keyHash);
    expect(invitation.secret).toBe(key);
    expect(invitation.html).toContain(`/interview?session_key=${key}`);
    expect(invitation.text).toContain(`/interview?session_key=${key}`);
    const ics = icsText((invitation.attachments as unknown as Attachment[])[0]!);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("DTSTART:20260603T140000Z");

    const reminders = emails.filter((e) => e.kind !== EmailKind.INVITATION);
    expect(reminders.map((r) => [r.kind, r.sendAfter?.toISOString()]).sort()).toEqual(
      [
        [EmailKind.REMINDER_1H, addHours(START, -1).toISOString()],
        [EmailKind.REMINDER_24H, addHours(START, -24).toISOString()],
      ].sort(),
    );
    for (const reminder of reminders) {
      expect(reminder.status).toBe(EmailStatus.PENDING);
      expect(reminder.secret).toBeNull();
      expect(reminder.html + reminder.text).not.toContain(key);
      expect(linkKeys(reminder.html + reminder.text)).toEqual([]);
    }

    const events = await prisma.auditEvent.findMany({ where: { interviewId } });
    expect(events.map((e) => e.type)).toEqual(["interview.scheduled"]);
    expect(events[0]).toMatchObject({ organizationId: org.organizationId, actorType: "USER", actorId: org.ownerId });
    expect(events[0]!.data).toMatchObject({ scheduledAt: START.toISOString(), sessionId: sessions[0]!.id });
  });

  it("keeps every pending link email's secret pointing at a session of its own interview (the active one for the newest)", async () => {
    const prisma = await db();
    const manager = org.scheduler;
    const plain = await schedule({ scheduledAt: START });
    const rescheduled = await schedule({ scheduledAt: START });
    const resent = await schedule({ scheduledAt: addHours(START, 2) });
    const both = await schedule({ scheduledAt: addHours(START, 3) });
    await rescheduleInterview(manager, rescheduled, { scheduledAt: addHours(START, 5), durationMinutes: 30 });
    await resendInvitation(manager, resent);
    await rescheduleInterview(manager, both, { scheduledAt: addHours(START, 6), durationMinutes: 60 });
    await resendInvitation(manager, both);
    await rescheduleInterview(manager, both, { scheduledAt: addHours(START, 7), durationMinutes: 60 });

    for (const interviewId of [plain, rescheduled, resent, both]) {
      const pending = await prisma.outboxEmail.findMany({
        where: { interviewId, kind: { in: [EmailKind.INVITATION, EmailKind.RESCHEDULED] }, status: EmailStatus.PENDING },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      expect(pending.length).toBeGreaterThan(0);
      const sessions = await prisma.interviewSession.findMany({ where: { interviewId } });
      for (const email of pending) {
        expect(email.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(linkKeyOf(email)).toBe(email.secret);
        expect(sessions.map((s) => s.keyHash)).toContain(hashToken(email.secret!));
      }
      const newest = pending.at(-1)!;
      const active = sessions.filter((s) => s.revokedAt === null);
      expect(active).toHaveLength(1);
      expect(hashToken(newest.secret!)).toBe(active[0]!.keyHash);
    }
    // Superseded link emails lost their secret when they were withdrawn.
    const withdrawn = await prisma.outboxEmail.findMany({
      where: { interviewId: { in: [rescheduled, resent, both] }, kind: { in: [EmailKind.INVITATION, EmailKind.RESCHEDULED] }, status: EmailStatus.CANCELLED },
    });
    expect(withdrawn.length).toBeGreaterThanOrEqual(5);
    for (const email of withdrawn) expect(email.secret).toBeNull();
  });

  it("writes nothing at all when the transaction fails after the interview row, inline candidate included", async () => {
    const prisma = await db();
    const email = uniqueEmail("atomic");
    const requestToken = randomUUID();
    const before = await organizationRows(org.organizationId);
    let insertedId: string | undefined;
    const error = await rejection(
      scheduleInterview(
        org.scheduler,
        scheduleInput(org.job.id, { name: "Grace Hopper", email, timeZone: "America/New_York" }, { scheduledAt: START, requestToken }),
        {
          afterInterviewInsert: async (tx) => {
            // Proves the hook ran after the insert, inside the same transaction.
            insertedId = (await tx.interview.findFirstOrThrow({ where: { organizationId: org.organizationId, requestToken } })).id;
            throw new Error("boom after the interview insert");
          },
        },
      ),
    );
    expect((error as Error).message).toBe("boom after the interview insert");
    expect(insertedId).toBeDefined();

    expect(await prisma.interview.findUnique({ where: { id: insertedId! } })).toBeNull();
    expect(await prisma.interview.findFirst({ where: { organizationId: org.organizationId, requestToken } })).toBeNull();
    expect(await prisma.interviewSession.count({ where: { interviewId: insertedId! } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { interviewId: insertedId! } })).toBe(0);
    expect(await prisma.outboxEmail.count({ where: { organizationId: org.organizationId, toEmail: email } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { interviewId: insertedId! } })).toBe(0);
    expect(await prisma.candidate.findFirst({ where: { organizationId: org.organizationId, email } })).toBeNull();
    expect(await organizationRows(org.organizationId)).toEqual(before);

    // The same submission succeeds afterwards: nothing half-written blocks it.
    const { interviewId, created } = await scheduleInterview(
      org.scheduler,
      scheduleInput(org.job.id, { name: "Grace Hopper", email, timeZone: "America/New_York" }, { scheduledAt: START, requestToken }),
    );
    expect(created).toBe(true);
    expect(await prisma.candidate.count({ where: { organizationId: org.organizationId, email } })).toBe(1);
    expect(await prisma.interviewSession.count({ where: { interviewId } })).toBe(1);
  });

  it("starts one hour from now, exactly, when no time is given", async () => {
    const prisma = await db();
    const interviewId = await schedule({ scheduledAt: null });
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.scheduledAt).toEqual(addHours(T0, 1));
    const emails = await outboxOf(interviewId);
    // The 1-hour reminder's time is now: it is skipped, the invitation went out instead.
    expect(emails.map((e) => e.kind)).toEqual([EmailKind.INVITATION]);
    expect(icsText((emails[0]!.attachments as unknown as Attachment[])[0]!)).toContain("DTSTART:20260601T090000Z");
  });

  it("refuses a start more than 3 minutes in the past, on scheduledAt, and writes nothing", async () => {
    const before = await organizationRows(org.organizationId);
    const error = await rejection(
      scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }, { scheduledAt: addSeconds(T0, -PAST_START_TOLERANCE_SECONDS - 1) })),
    );
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe("scheduledAt");
    expect(await organizationRows(org.organizationId)).toEqual(before);
  });

  it("accepts a start 3 minutes in the past, to the second (the form's whole-minute Now, a slow form)", async () => {
    const prisma = await db();
    const interviewId = await schedule({ scheduledAt: addSeconds(T0, -PAST_START_TOLERANCE_SECONDS) });
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview.scheduledAt).toEqual(addSeconds(T0, -PAST_START_TOLERANCE_SECONDS));
    expect(interview.status).toBe(InterviewStatus.SCHEDULED);
    expect((await outboxOf(interviewId)).map((e) => e.kind)).toEqual([EmailKind.INVITATION]);
  });

  it.each([
    ["25 hours ahead", 25 * 60, [EmailKind.INVITATION, EmailKind.REMINDER_1H, EmailKind.REMINDER_24H]],
    ["2 hours ahead", 120, [EmailKind.INVITATION, EmailKind.REMINDER_1H]],
    ["61 minutes ahead", 61, [EmailKind.INVITATION, EmailKind.REMINDER_1H]],
    ["30 minutes ahead", 30, [EmailKind.INVITATION]],
  ] as const)("plans only the reminders still to come for a start %s", async (_label, minutes, kinds) => {
    const start = addMinutes(T0, minutes);
    const interviewId = await schedule({ scheduledAt: start });
    const emails = await outboxOf(interviewId);
    expect(emails.map((e) => e.kind).sort()).toEqual([...kinds].sort());
    for (const email of emails.filter((e) => e.kind !== EmailKind.INVITATION)) {
      expect(email.sendAfter).toEqual(addHours(start, email.kind === EmailKind.REMINDER_1H ? -1 : -24));
      expect(email.sendAfter!.getTime()).toBeGreaterThan(T0.getTime());
    }
  });

  describe("a double submit (the same request token)", () => {
    async function expectOneInterview(requestToken: string, ids: string[], candidateEmail?: string) {
      const prisma = await db();
      const interviews = await prisma.interview.findMany({ where: { organizationId: org.organizationId, requestToken } });
      expect(interviews).toHaveLength(1);
      expect(new Set(ids)).toEqual(new Set([interviews[0]!.id]));
      const interviewId = interviews[0]!.id;
      expect(await prisma.interviewSession.count({ where: { interviewId } })).toBe(1);
      expect(await prisma.outboxEmail.count({ where: { interviewId, kind: EmailKind.INVITATION } })).toBe(1);
      expect(await prisma.auditEvent.count({ where: { interviewId, type: "interview.scheduled" } })).toBe(1);
      if (candidateEmail) expect(await prisma.candidate.count({ where: { organizationId: org.organizationId, email: candidateEmail } })).toBe(1);
    }

    it("sequentially returns the first interview", async () => {
      const input = scheduleInput(org.job.id, { id: org.candidate.id }, { scheduledAt: START });
      const first = await scheduleInterview(org.scheduler, input);
      const second = await scheduleInterview(org.scheduler, input);
      expect(first.created).toBe(true);
      expect(second).toEqual({ interviewId: first.interviewId, created: false });
      await expectOneInterview(input.requestToken, [first.interviewId, second.interviewId]);
    });

    it("concurrently yields one interview and the same id to both", async () => {
      const input = scheduleInput(org.job.id, { id: org.candidate.id }, { scheduledAt: START });
      const results = await Promise.all([scheduleInterview(org.scheduler, input), scheduleInterview(org.scheduler, input)]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      await expectOneInterview(input.requestToken, results.map((r) => r.interviewId));
    });

    it("concurrently, with an inline new candidate, yields one interview and one candidate", async () => {
      const email = uniqueEmail("double");
      const input = scheduleInput(org.job.id, { name: "Katherine Johnson", email, timeZone: "Asia/Kolkata" }, { scheduledAt: START });
      const results = await Promise.all([scheduleInterview(org.scheduler, input), scheduleInterview(org.scheduler, input)]);
      expect(results.map((r) => r.created).sort()).toEqual([false, true]);
      await expectOneInterview(input.requestToken, results.map((r) => r.interviewId), email);
    });
  });

  describe("refuses jobs and candidates it may not use, writing nothing", () => {
    it.each([
      ["an archived job", "jobId", async () => ({ jobId: (await makeJob(org.organizationId, ["Q?"], { status: JobStatus.ARCHIVED })).id, candidateId: org.candidate.id })],
      ["a job without questions", "jobId", async () => ({ jobId: (await makeJob(org.organizationId, [])).id, candidateId: org.candidate.id })],
      ["another organisation's job", "jobId", async () => ({ jobId: other.job.id, candidateId: org.candidate.id })],
      ["another organisation's candidate", "candidateId", async () => ({ jobId: org.job.id, candidateId: other.candidate.id })],
      ["an unknown candidate", "candidateId", async () => ({ jobId: org.job.id, candidateId: "does-not-exist" })],
    ] as const)("%s → FieldError on %s", async (_label, field, ids) => {
      const { jobId, candidateId } = await ids();
      const prisma = await db();
      const input = scheduleInput(jobId, { id: candidateId }, { scheduledAt: START });
      const [beforeA, beforeB] = await Promise.all([organizationRows(org.organizationId), organizationRows(other.organizationId)]);
      const error = await rejection(scheduleInterview(org.scheduler, input));
      expect(error).toBeInstanceOf(FieldError);
      expect((error as FieldError).field).toBe(field);
      expect(await organizationRows(org.organizationId)).toEqual(beforeA);
      expect(await organizationRows(other.organizationId)).toEqual(beforeB);
      expect(await prisma.interview.count({ where: { requestToken: input.requestToken } })).toBe(0);
    });

    it("an inline new candidate whose email the organisation already has → DuplicateError on newCandidateEmail", async () => {
      const prisma = await db();
      const existing = await makeCandidate(org.organizationId, "UTC");
      const input = scheduleInput(org.job.id, { name: "Someone Else", email: existing.email, timeZone: "Asia/Kolkata" }, { scheduledAt: START });
      const before = await organizationRows(org.organizationId);
      const error = await rejection(scheduleInterview(org.scheduler, input));
      expect(error).toBeInstanceOf(DuplicateError);
      expect((error as DuplicateError).field).toBe("newCandidateEmail");
      expect(await organizationRows(org.organizationId)).toEqual(before);
      const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: existing.id } });
      expect(candidate).toMatchObject({ name: existing.name, timeZone: "UTC" });
    });

    it("the same email in another organisation is not a duplicate", async () => {
      const prisma = await db();
      const interviewId = await schedule({ scheduledAt: START }, { name: "Shared Address", email: other.candidate.email, timeZone: "UTC" });
      const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { candidate: true } });
      expect(interview.candidate).toMatchObject({ organizationId: org.organizationId, email: other.candidate.email });
    });
  });
});
