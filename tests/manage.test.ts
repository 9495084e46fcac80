import { addHours, addMinutes, addSeconds } from "date-fns";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { now, setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Attachment } from "@/lib/email/outbox";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { EmailKind, EmailStatus, InterviewStatus } from "@/lib/generated/prisma/enums";
import { resolveAccess } from "@/lib/interviews/candidate/access";
import { cancelInterview, rescheduleInterview, resendInvitation } from "@/lib/interviews/recruiter/manage";
import { PAST_START_TOLERANCE_SECONDS, scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { hashToken } from "@/lib/tokens";
import { anotherCandidate, makeSchedulingOrg, scheduleInput } from "./support/factories";
import { expectScrubbed, icsText, interviewSnapshot, linkKeyOf, linkKeys } from "./support/interviews";

const T0 = new Date("2026-06-01T08:00:00.000Z");
const START = new Date("2026-06-03T14:00:00.000Z");
const NEW_START = new Date("2026-06-04T10:30:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
let other: Awaited<ReturnType<typeof makeSchedulingOrg>>;

beforeAll(async () => {
  [org, other] = await Promise.all([makeSchedulingOrg("Manage A"), makeSchedulingOrg("Manage B")]);
});
beforeEach(() => setClock(T0));
afterEach(() => setClock(null));

/** A freshly scheduled interview of org A (for a candidate of its own) and the raw key its invitation carries. */
async function scheduled(start = START) {
  const prisma = await db();
  const candidate = await anotherCandidate(org);
  const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: candidate.id }, { scheduledAt: start }));
  const invitation = await prisma.outboxEmail.findFirstOrThrow({ where: { interviewId, kind: EmailKind.INVITATION } });
  const session = await prisma.interviewSession.findFirstOrThrow({ where: { interviewId } });
  return { interviewId, key: linkKeyOf(invitation), session, invitation, candidate };
}

async function emailsOf(interviewId: string) {
  const prisma = await db();
  return prisma.outboxEmail.findMany({ where: { interviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function sessionsOf(interviewId: string) {
  const prisma = await db();
  return prisma.interviewSession.findMany({ where: { interviewId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

describe("rescheduleInterview", () => {
  it("rotates the key, withdraws the old emails, sends a new-time email and re-plans reminders", async () => {
    const prisma = await db();
    const before = await scheduled();
    const oldReminders = (await emailsOf(before.interviewId)).filter((e) => e.kind !== EmailKind.INVITATION);
    expect(oldReminders).toHaveLength(2);

    setClock(addMinutes(T0, 10));
    await rescheduleInterview(org.scheduler, before.interviewId, { scheduledAt: NEW_START, durationMinutes: 60 });

    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: before.interviewId } });
    expect(interview.status).toBe(InterviewStatus.SCHEDULED);
    expect(interview.scheduledAt).toEqual(NEW_START);
    expect(interview.durationMinutes).toBe(60);
    expect(interview.icsSequence).toBe(1);

    const sessions = await sessionsOf(before.interviewId);
    expect(sessions).toHaveLength(2);
    const old = sessions.find((s) => s.id === before.session.id)!;
    const fresh = sessions.find((s) => s.id !== before.session.id)!;
    expect(fresh.revokedAt).toBeNull();
    expect(old.revokedAt).toEqual(now());
    expect(old.replacedById).toBe(fresh.id);

    const emails = await emailsOf(before.interviewId);
    const byId = new Map(emails.map((e) => [e.id, e]));
    expect(byId.get(before.invitation.id)).toMatchObject({ status: EmailStatus.CANCELLED, secret: null });
    for (const reminder of oldReminders) expect(byId.get(reminder.id)!.status).toBe(EmailStatus.CANCELLED);

    const pending = emails.filter((e) => e.status === EmailStatus.PENDING);
    expect(pending.map((e) => e.kind).sort()).toEqual([EmailKind.REMINDER_1H, EmailKind.REMINDER_24H, EmailKind.RESCHEDULED].sort());
    const moved = pending.find((e) => e.kind === EmailKind.RESCHEDULED)!;
    const newKey = linkKeyOf(moved);
    expect(hashToken(newKey)).toBe(fresh.keyHash);
    expect(newKey).not.toBe(before.key);
    expect(moved.secret).toBe(newKey);
    const ics = icsText((moved.attachments as unknown as Attachment[])[0]!);
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain("DTSTART:20260604T103000Z");
    for (const reminder of pending.filter((e) => e.kind !== EmailKind.RESCHEDULED)) {
      expect(reminder.sendAfter).toEqual(addHours(NEW_START, reminder.kind === EmailKind.REMINDER_1H ? -1 : -24));
      expect(linkKeys(reminder.html + reminder.text)).toEqual([]);
    }

    const events = await prisma.auditEvent.findMany({ where: { interviewId: before.interviewId, type: "interview.rescheduled" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: "USER", actorId: org.ownerId });
    expect(events[0]!.data).toMatchObject({ from: START.toISOString(), to: NEW_START.toISOString(), sessionId: fresh.id });

    expect(await resolveAccess(before.key, now())).toEqual({ state: "replaced" });
    expect(await resolveAccess(newKey, now())).toMatchObject({ state: "too_early", startsAt: NEW_START, opensAt: addMinutes(NEW_START, -15) });
    expect(await resolveAccess(newKey, NEW_START)).toEqual({ state: "open", interviewId: before.interviewId, sessionId: fresh.id });
  });

  it("refuses a new time more than 3 minutes in the past with a FieldError on scheduledAt, changing nothing", async () => {
    const { interviewId, key } = await scheduled();
    const before = await interviewSnapshot(interviewId);
    const error = await rejection(rescheduleInterview(org.scheduler, interviewId, { scheduledAt: addSeconds(T0, -PAST_START_TOLERANCE_SECONDS - 1), durationMinutes: 30 }));
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe("scheduledAt");
    expect(await interviewSnapshot(interviewId)).toEqual(before);
    expect(await resolveAccess(key, START)).toMatchObject({ state: "open", interviewId });
  });
});

describe("resendInvitation", () => {
  it("rotates the key, withdraws the pending invitation and queues a new one", async () => {
    const prisma = await db();
    const before = await scheduled();
    const remindersBefore = (await emailsOf(before.interviewId)).filter((e) => e.kind !== EmailKind.INVITATION);

    await resendInvitation(org.scheduler, before.interviewId);

    const sessions = await sessionsOf(before.interviewId);
    expect(sessions).toHaveLength(2);
    const fresh = sessions.find((s) => s.id !== before.session.id)!;
    expect(fresh.revokedAt).toBeNull();
    expect(sessions.find((s) => s.id === before.session.id)).toMatchObject({ revokedAt: T0, replacedById: fresh.id });

    const emails = await emailsOf(before.interviewId);
    expect(emails.find((e) => e.id === before.invitation.id)).toMatchObject({ status: EmailStatus.CANCELLED, secret: null });
    const invitations = emails.filter((e) => e.kind === EmailKind.INVITATION && e.status === EmailStatus.PENDING);
    expect(invitations).toHaveLength(1);
    const newKey = linkKeyOf(invitations[0]!);
    expect(hashToken(newKey)).toBe(fresh.keyHash);
    // The time did not change, so neither did the reminders nor the calendar sequence.
    for (const reminder of remindersBefore) expect(emails.find((e) => e.id === reminder.id)!.status).toBe(EmailStatus.PENDING);
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: before.interviewId } })).icsSequence).toBe(0);

    const events = await prisma.auditEvent.findMany({ where: { interviewId: before.interviewId, type: "invitation.resent" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ sessionId: fresh.id });

    expect(await resolveAccess(before.key, START)).toEqual({ state: "replaced" });
    expect(await resolveAccess(newKey, START)).toEqual({ state: "open", interviewId: before.interviewId, sessionId: fresh.id });
  });
});

describe("cancelInterview", () => {
  it("cancels the interview, revokes its key, withdraws unsent emails and queues a calendar cancellation", async () => {
    const prisma = await db();
    const before = await scheduled();

    await cancelInterview(org.scheduler, before.interviewId);

    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: before.interviewId } });
    expect(interview.status).toBe(InterviewStatus.CANCELLED);
    expect(interview.icsSequence).toBe(1);

    const sessions = await sessionsOf(before.interviewId);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ id: before.session.id, revokedAt: T0, replacedById: null });

    const emails = await emailsOf(before.interviewId);
    for (const email of emails.filter((e) => e.kind !== EmailKind.CANCELLED)) {
      expect(email).toMatchObject({ status: EmailStatus.CANCELLED, secret: null });
    }
    const cancellations = emails.filter((e) => e.kind === EmailKind.CANCELLED);
    expect(cancellations).toHaveLength(1);
    const cancellation = cancellations[0]!;
    expect(cancellation).toMatchObject({ status: EmailStatus.PENDING, secret: null, toEmail: before.candidate.email });
    const attachments = cancellation.attachments as unknown as Attachment[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.contentType).toContain("method=CANCEL");
    const ics = icsText(attachments[0]!);
    expect(ics).toContain("METHOD:CANCEL");
    expect(ics).toContain("STATUS:CANCELLED");
    expect(ics).toContain("SEQUENCE:1");
    expect(ics).toContain(`UID:interview-${before.interviewId}@kairos`);
    for (const body of [cancellation.html, cancellation.text, ics]) {
      expect(body).not.toContain(before.key);
      expect(linkKeys(body)).toEqual([]);
    }

    const events = await prisma.auditEvent.findMany({ where: { interviewId: before.interviewId, type: "interview.cancelled" } });
    expect(events).toHaveLength(1);

    expect(await resolveAccess(before.key, START)).toEqual({ state: "cancelled" });
  });

  it("refuses a second cancel, a reschedule and a resend once cancelled, changing nothing", async () => {
    const { interviewId, key } = await scheduled();
    await cancelInterview(org.scheduler, interviewId);
    const before = await interviewSnapshot(interviewId);
    expect(await rejection(cancelInterview(org.scheduler, interviewId))).toBeInstanceOf(StateError);
    expect(await rejection(rescheduleInterview(org.scheduler, interviewId, { scheduledAt: NEW_START, durationMinutes: 30 }))).toBeInstanceOf(StateError);
    expect(await rejection(resendInvitation(org.scheduler, interviewId))).toBeInstanceOf(StateError);
    expect(await interviewSnapshot(interviewId)).toEqual(before);
    expect(await resolveAccess(key, START)).toEqual({ state: "cancelled" });
  });

  it("makes a key replaced before the cancel say cancelled too", async () => {
    const { interviewId, key } = await scheduled();
    await resendInvitation(org.scheduler, interviewId);
    await cancelInterview(org.scheduler, interviewId);
    expect(await resolveAccess(key, START)).toEqual({ state: "cancelled" });
    expect((await sessionsOf(interviewId)).every((s) => s.revokedAt !== null)).toBe(true);
  });
});

describe("an invitation withdrawn before it was sent keeps no copy of its key", () => {
  /** The interview's link emails as stored, by id. */
  const linkEmails = async (interviewId: string) => new Map((await emailsOf(interviewId)).filter((e) => e.secret !== null || e.kind === EmailKind.INVITATION || e.kind === EmailKind.RESCHEDULED).map((e) => [e.id, e]));

  it("superseded by a resend", async () => {
    const first = await scheduled();
    await resendInvitation(org.scheduler, first.interviewId);
    const old = (await linkEmails(first.interviewId)).get(first.invitation.id)!;
    expect(old.status).toBe(EmailStatus.CANCELLED);
    expectScrubbed(old, first.key);
  });

  it("superseded by a reschedule, and the new-time email in turn by a second one", async () => {
    const first = await scheduled();
    await rescheduleInterview(org.scheduler, first.interviewId, { scheduledAt: NEW_START, durationMinutes: 30 });
    const moved = [...(await linkEmails(first.interviewId)).values()].find((e) => e.kind === EmailKind.RESCHEDULED)!;
    const movedKey = linkKeyOf(moved);
    await rescheduleInterview(org.scheduler, first.interviewId, { scheduledAt: addHours(NEW_START, 1), durationMinutes: 30 });

    const emails = await linkEmails(first.interviewId);
    expectScrubbed(emails.get(first.invitation.id)!, first.key);
    expect(emails.get(moved.id)!.status).toBe(EmailStatus.CANCELLED);
    expectScrubbed(emails.get(moved.id)!, movedKey);
  });

  it("withdrawn by a cancel, the one before it superseded by a resend", async () => {
    const first = await scheduled();
    await resendInvitation(org.scheduler, first.interviewId);
    const second = [...(await linkEmails(first.interviewId)).values()].find((e) => e.status === EmailStatus.PENDING)!;
    const secondKey = linkKeyOf(second);
    await cancelInterview(org.scheduler, first.interviewId);

    const emails = await linkEmails(first.interviewId);
    expectScrubbed(emails.get(first.invitation.id)!, first.key);
    expect(emails.get(second.id)!.status).toBe(EmailStatus.CANCELLED);
    expectScrubbed(emails.get(second.id)!, secondKey);
    for (const email of await emailsOf(first.interviewId)) {
      for (const key of [first.key, secondKey]) expect(JSON.stringify(email).includes(key)).toBe(false);
    }
  });
});

describe("another organisation's manager", () => {
  const outsider = () => ({ userId: other.ownerId, organizationId: other.organizationId });

  it.each([
    ["reschedule", (id: string) => rescheduleInterview(outsider(), id, { scheduledAt: NEW_START, durationMinutes: 30 })],
    ["resend the invitation of", (id: string) => resendInvitation(outsider(), id)],
    ["cancel", (id: string) => cancelInterview(outsider(), id)],
  ])("cannot %s A's interview: NotFoundError, nothing changed", async (_label, action) => {
    const { interviewId, key } = await scheduled();
    const before = await interviewSnapshot(interviewId);
    const prisma = await db();
    const otherEvents = await prisma.auditEvent.count({ where: { organizationId: other.organizationId } });
    const otherEmails = await prisma.outboxEmail.count({ where: { organizationId: other.organizationId } });

    expect(await rejection(action(interviewId))).toBeInstanceOf(NotFoundError);

    expect(await interviewSnapshot(interviewId)).toEqual(before);
    expect(await prisma.auditEvent.count({ where: { organizationId: other.organizationId } })).toBe(otherEvents);
    expect(await prisma.outboxEmail.count({ where: { organizationId: other.organizationId } })).toBe(otherEmails);
    expect(await resolveAccess(key, START)).toMatchObject({ state: "open", interviewId });
  });

  it("gets the same NotFoundError for an id that does not exist", async () => {
    expect(await rejection(cancelInterview(outsider(), "no-such-interview"))).toBeInstanceOf(NotFoundError);
  });
});
