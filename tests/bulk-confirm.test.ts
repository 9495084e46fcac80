import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { SendRequest } from "@/lib/email/transports";
import { EmailKind, EmailStatus, InterviewMode, InterviewStatus } from "@/lib/generated/prisma/enums";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { confirmInvitations, type ConfirmInput } from "@/lib/interviews/recruiter/bulk/confirm";
import { parseCsv, parsePasted } from "@/lib/interviews/recruiter/bulk/parse";
import { composeForSending } from "@/lib/interviews/notify";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { makeCandidate, makeSchedulingOrg, scheduleInput, uniqueEmail } from "./support/factories";
import { linkKeyOf, linkKeys, organizationRows } from "./support/interviews";
import { dispatchAt, dispatchWindows, holdDispatchLock } from "./support/outbox";

// Confirming a bulk invitation writes, for every valid row, the candidate (when new), the
// interview, its key, its invitation and reminders and its audit event, with the batch, in one
// transaction; the batch's id makes a repeat (or two at once) a no-op.

const T0 = new Date("2031-06-02T09:00:00.000Z");
const START = new Date("2031-06-04T15:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeEach(async () => {
  setClock(T0);
  org = await makeSchedulingOrg("Bulk confirm");
});
afterEach(() => setClock(null));

const csv = (text: string) => parseCsv(new TextEncoder().encode(text));
const input = (overrides: Partial<ConfirmInput> = {}): ConfirmInput => ({
  batchId: randomUUID(),
  rows: [],
  candidateIds: [],
  defaultTimeZone: null,
  scheduledAt: START,
  durationMinutes: 30,
  ...overrides,
});
const confirm = (i: ConfirmInput, jobId = org.job.id) => confirmInvitations(org.scheduler, jobId, i);

async function batchRows(batchId: string) {
  const prisma = await db();
  const interviews = await prisma.interview.findMany({
    where: { invitationBatchId: batchId },
    orderBy: { id: "asc" },
    include: { candidate: true, sessions: true, emails: { orderBy: { kind: "asc" } }, events: true },
  });
  return interviews;
}

describe("confirmInvitations", () => {
  it("creates, for each valid row, the candidate if new, the interview, its key, invitation, reminders and event, and keeps the rest on the batch", async () => {
    const [ann, bob] = [uniqueEmail("ann"), uniqueEmail("bob")];
    const i = input({
      candidateIds: [org.candidate.id],
      rows: csv(`name,email,time zone,phone\nAnn Example,${ann},Asia/Tokyo,+81 3 0000 0000\nBob Example,${bob.toUpperCase()},,\nBad,not-an-email,UTC,\nAnn Again,${ann},UTC,\n`),
      defaultTimeZone: "America/Chicago",
    });
    const { batchId, created } = await confirm(i);
    expect(created).toBe(true);
    expect(batchId).toBe(i.batchId);

    const interviews = await batchRows(batchId);
    expect(interviews.map((x) => x.candidate.email).sort()).toEqual([ann, bob, org.candidate.email].sort());
    for (const interview of interviews) {
      expect(interview).toMatchObject({ status: InterviewStatus.SCHEDULED, scheduledAt: START, jobId: org.job.id, createdById: org.ownerId, organizationId: org.organizationId });
      expect(interview.candidateTimeZone).toBe(interview.candidate.timeZone);
      expect(interview.sessions.filter((s) => !s.revokedAt)).toHaveLength(1);
      expect(interview.emails.map((e) => e.kind)).toEqual([EmailKind.INVITATION, EmailKind.REMINDER_24H, EmailKind.REMINDER_1H]);
      const invitation = interview.emails[0]!;
      expect(invitation.toEmail).toBe(interview.candidate.email);
      // Queued with its subject and key alone: the dispatcher composes every email of a batch as it sends it.
      for (const email of interview.emails) expect(email).toMatchObject({ composeOnSend: true, html: "", text: "" });
      expect(invitation.subject).toBe(`Your interview with Bulk confirm ${org.suffix}: ${org.job.title}`);
      // Composed, the invitation's link opens this interview: its key's hash is the active session's.
      const composed = await composeForSending(await db(), { kind: invitation.kind, interviewId: interview.id, secret: invitation.secret });
      expect(composed).toMatchObject({ subject: invitation.subject });
      const { hashToken } = await import("@/lib/tokens");
      expect(hashToken(linkKeyOf({ attachments: [], ...composed! }))).toBe(interview.sessions[0]!.keyHash);
      expect(linkKeyOf({ attachments: [], ...composed! })).toBe(invitation.secret);
      expect(interview.events.map((e) => [e.type, (e.data as { invitationBatchId?: string }).invitationBatchId])).toEqual([["interview.scheduled", batchId]]);
    }
    const prisma = await db();
    const annRow = await prisma.candidate.findFirstOrThrow({ where: { organizationId: org.organizationId, email: ann } });
    expect(annRow).toMatchObject({ name: "Ann Example", timeZone: "Asia/Tokyo", phone: "+81 3 0000 0000" });
    expect(await prisma.candidate.findFirstOrThrow({ where: { organizationId: org.organizationId, email: bob } })).toMatchObject({ timeZone: "America/Chicago", phone: null });

    const batch = await prisma.invitationBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ organizationId: org.organizationId, jobId: org.job.id, createdById: org.ownerId, invitedCount: 3, newCandidateCount: 2, skippedCount: 1, invalidCount: 1 });
    expect(batch.notInvited).toEqual([
      { source: "csv", line: 4, name: "Bad", email: "not-an-email", class: "invalid", reason: "Malformed email “not-an-email”.", interviewId: null },
      { source: "csv", line: 5, name: "Ann Again", email: ann, class: "skipped", reason: "Repeated: the same email as row 2.", interviewId: null },
    ]);
  });

  it("confirmed twice, one batch and one set of interviews: the second call writes nothing", async () => {
    const i = input({ rows: parsePasted(`A <${uniqueEmail("a")}>\nB <${uniqueEmail("b")}>`), defaultTimeZone: "UTC" });
    expect((await confirm(i)).created).toBe(true);
    const after = await organizationRows(org.organizationId);
    expect(await confirm(i)).toEqual({ batchId: i.batchId, created: false });
    expect(await organizationRows(org.organizationId)).toEqual(after);
    expect(after.interviews).toBe(2);
  });

  it("confirmed twice at once, one set of interviews", async () => {
    const i = input({ rows: parsePasted(Array.from({ length: 5 }, (_, n) => `P${n} <${uniqueEmail(`p${n}`)}>`).join("\n")), defaultTimeZone: "UTC" });
    const results = await Promise.all([confirm(i), confirm(i)]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect((await organizationRows(org.organizationId)).interviews).toBe(5);
    expect(await batchRows(i.batchId)).toHaveLength(5);
  });

  it("refuses a list where nobody can be invited, writing nothing", async () => {
    const before = await organizationRows(org.organizationId);
    const i = input({ rows: csv("name,email,tz\nBad,nope,UTC\nNo Zone,nozone@example.test,\n") });
    const error = await confirm(i).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).message).toBe("Nobody on this list can be invited: every row is skipped or invalid. Nothing was sent.");
    expect(await organizationRows(org.organizationId)).toEqual(before);
    expect(await (await db()).invitationBatch.count({ where: { id: i.batchId } })).toBe(0);
  });

  it("invalid rows beside valid ones write nothing for themselves", async () => {
    const ok = uniqueEmail("ok");
    await confirm(input({ rows: csv(`name,email,tz\nOk,${ok},UTC\n,missing-name@example.test,UTC\nZone,zone@example.test,Mars/Base\n`) }));
    const prisma = await db();
    const emails = (await prisma.candidate.findMany({ where: { organizationId: org.organizationId }, select: { email: true } })).map((c) => c.email);
    expect(emails.sort()).toEqual([ok, org.candidate.email].sort());
  });

  it("skips a candidate with an open interview for the job and does not change an existing candidate's record", async () => {
    const busy = await makeCandidate(org.organizationId, "Europe/Paris");
    const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: busy.id }, { scheduledAt: START }));
    const { batchId } = await confirm(input({ rows: csv(`name,email,tz\nOther Name,${busy.email},UTC\nSomeone,${org.candidate.email},Asia/Tokyo\n`) }));
    const prisma = await db();
    const batch = await prisma.invitationBatch.findUniqueOrThrow({ where: { id: batchId } });
    expect(batch).toMatchObject({ invitedCount: 1, newCandidateCount: 0, skippedCount: 1 });
    expect(batch.notInvited).toMatchObject([{ email: busy.email, class: "skipped", interviewId }]);
    expect(await prisma.candidate.findUniqueOrThrow({ where: { id: org.candidate.id } })).toMatchObject({ name: org.candidate.name, timeZone: org.candidate.timeZone });
    expect((await batchRows(batchId))[0]!.candidateTimeZone).toBe(org.candidate.timeZone);
  });

  it("is atomic: a failure after the first writes leaves nothing, and the same batch can be confirmed again", async () => {
    const i = input({ rows: parsePasted(`A <${uniqueEmail("a")}>\nB <${uniqueEmail("b")}>`), defaultTimeZone: "UTC" });
    const before = await organizationRows(org.organizationId);
    await expect(
      confirmInvitations(org.scheduler, org.job.id, i, {
        afterInterviewInsert: async () => {
          throw new Error("the database went away");
        },
      }),
    ).rejects.toThrow("the database went away");
    expect(await organizationRows(org.organizationId)).toEqual(before);
    expect(await (await db()).invitationBatch.count({ where: { id: i.batchId } })).toBe(0);

    expect((await confirm(i)).created).toBe(true);
    expect((await organizationRows(org.organizationId)).interviews).toBe(2);
  });

  it("another organisation's batch id is not found, and refuses a start in the past", async () => {
    const other = await makeSchedulingOrg("Bulk confirm other");
    const i = input({ rows: parsePasted(`A <${uniqueEmail("a")}>`), defaultTimeZone: "UTC" });
    await confirmInvitations(other.scheduler, other.job.id, i);
    await expect(confirm(i)).rejects.toThrow(NotFoundError);
    await expect(confirm(input({ rows: i.rows, defaultTimeZone: "UTC", scheduledAt: new Date(T0.getTime() - 181_000) }))).rejects.toThrow("Choose a start time in the future.");
  });
});

describe("a batch's emails, composed as they are sent", () => {
  // Dispatched in windows before 1967, which no other file's dispatcher reaches (tests/support/outbox.ts).
  const nextWindow = dispatchWindows(new Date("1967-06-01T09:00:00Z"));
  let release: () => Promise<void>;
  beforeAll(async () => (release = await holdDispatchLock()));
  afterAll(async () => release());

  // A deadline batch: its invitation has no calendar file, whose time stamp could not be before 1970
  // (the SCHEDULED invitation's composition, calendar and all, is checked above at the real clock).
  it("an invitation goes out with its link, and the stored copy has no body before and no key after", async () => {
    const email = uniqueEmail("sent");
    const { batchId } = await confirm(input({ rows: parsePasted(`Sent Person <${email}>`), defaultTimeZone: "Asia/Tokyo", scheduledAt: "now", mode: InterviewMode.DEADLINE, dueDate: "2031-06-09" }));
    const [interview] = await batchRows(batchId);
    const invitation = interview!.emails.find((e) => e.kind === EmailKind.INVITATION)!;
    const prisma = await db();
    const at = nextWindow();
    await prisma.outboxEmail.update({ where: { id: invitation.id }, data: { nextAttemptAt: at } });
    const sent: SendRequest[] = [];
    await dispatchAt(at, { name: "capture", send: async (m) => (sent.push(m), { ok: true, providerMessageId: `msg-${m.id}` }) });

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: email, subject: invitation.subject });
    const { hashToken } = await import("@/lib/tokens");
    const [key] = linkKeys(sent[0]!.text);
    expect(linkKeys(sent[0]!.html)).toContain(key);
    expect(hashToken(key!)).toBe(interview!.sessions[0]!.keyHash);
    expect(sent[0]!.text).toContain("Complete by: Monday, June 9, 2031, 5:00 PM Japan Standard Time (GMT+9)");
    const stored = await prisma.outboxEmail.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored).toMatchObject({ status: EmailStatus.SENT, secret: null, subject: sent[0]!.subject });
    // What went is what the recruiter's log shows, minus the key.
    expect(stored.text).toBe(sent[0]!.text.replaceAll(invitation.secret!, "[redacted]"));
    expect(stored.html + stored.text).not.toContain(invitation.secret!);
  });

  it("one whose interview was cancelled meanwhile is withheld, not composed", async () => {
    const { batchId } = await confirm(input({ rows: parsePasted(`Gone <${uniqueEmail("gone")}>`), defaultTimeZone: "UTC" }));
    const [interview] = await batchRows(batchId);
    await cancelInterview(org.scheduler, interview!.id);
    const invitation = interview!.emails.find((e) => e.kind === EmailKind.INVITATION)!;
    const prisma = await db();
    const at = nextWindow();
    await prisma.outboxEmail.update({ where: { id: invitation.id }, data: { status: EmailStatus.PENDING, nextAttemptAt: at } });
    const sent: SendRequest[] = [];
    await dispatchAt(at, { name: "capture", send: async (m) => (sent.push(m), { ok: true, providerMessageId: `msg-${m.id}` }) });
    expect(sent).toEqual([]);
    expect(await prisma.outboxEmail.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: EmailStatus.CANCELLED, html: "", secret: null });
  });
});

describe("a batch to complete by a deadline", () => {
  it("gives every candidate the same date, due at 17:00 in their own zone, with its reminders", async () => {
    const [tokyo, chicago] = [uniqueEmail("tokyo"), uniqueEmail("chicago")];
    const { batchId } = await confirm(
      input({ rows: csv(`name,email,tz\nT,${tokyo},Asia/Tokyo\nC,${chicago},America/Chicago\n`), scheduledAt: "now", mode: InterviewMode.DEADLINE, dueDate: "2031-06-09" }),
    );
    const interviews = await batchRows(batchId);
    const due = Object.fromEntries(interviews.map((i) => [i.candidate.email, i.dueAt?.toISOString()]));
    expect(due).toEqual({ [tokyo]: "2031-06-09T08:00:00.000Z", [chicago]: "2031-06-09T22:00:00.000Z" });
    for (const i of interviews) {
      expect(i).toMatchObject({ mode: InterviewMode.DEADLINE, opensAt: T0, scheduledAt: T0, opensMinutesBefore: 0, closesMinutesAfter: 0 });
      expect(i.emails.map((e) => e.kind)).toEqual([EmailKind.INVITATION, ...Array(3).fill(EmailKind.DEADLINE_REMINDER)]);
    }
  });

  it("refuses a batch without a date, or due before anyone could finish, writing nothing", async () => {
    const before = await organizationRows(org.organizationId);
    const rows = parsePasted(`A <${uniqueEmail("a")}>`);
    await expect(confirm(input({ rows, defaultTimeZone: "UTC", mode: InterviewMode.DEADLINE }))).rejects.toMatchObject({ field: "dueDate", message: "Choose the date to complete it by." });
    await expect(confirm(input({ rows, defaultTimeZone: "UTC", scheduledAt: "now", mode: InterviewMode.DEADLINE, dueDate: "2031-06-01" }))).rejects.toMatchObject({
      field: "dueDate",
      message: "Choose a later date: the candidate needs time to take it.",
    });
    expect(await organizationRows(org.organizationId)).toEqual(before);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("confirmInvitations under real concurrency (PostgreSQL: PGlite has one connection)", () => {
  it("the same batch confirmed four times at once creates one set; overlapping batches at once invite each person once", { timeout: 180_000 }, async () => {
    const people = Array.from({ length: 15 }, (_, n) => `P${n} <${uniqueEmail(`c${n}`)}>`);
    const same = input({ rows: parsePasted(people.join("\n")), defaultTimeZone: "UTC" });
    const results = await Promise.all([1, 2, 3, 4].map(() => confirm(same)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await batchRows(same.batchId)).toHaveLength(15);

    // Two different batches naming the same new people, in opposite orders: no deadlock, and each
    // person ends with one open interview for the job (the second batch skips them).
    const fresh = Array.from({ length: 15 }, (_, n) => `Q${n} <${uniqueEmail(`q${n}`)}>`);
    const a = input({ rows: parsePasted(fresh.join("\n")), defaultTimeZone: "UTC" });
    const b = input({ rows: parsePasted([...fresh].reverse().join("\n")), defaultTimeZone: "UTC" });
    const settled = await Promise.allSettled([confirm(a), confirm(b)]);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled"]);
    const prisma = await db();
    const counts = await prisma.interview.groupBy({ by: ["candidateId"], where: { organizationId: org.organizationId, invitationBatchId: { in: [a.batchId, b.batchId] } }, _count: true });
    expect(counts).toHaveLength(15);
    expect(counts.every((c) => c._count === 1)).toBe(true);
  });
});
