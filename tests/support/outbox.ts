// Shared helpers for the outbox tests: queueing emails, dispatching at a chosen time, the Resend
// stub wired to the real SDK, and the isolation scheme that lets those tests share a PostgreSQL.
import { addDays } from "date-fns";
import pg from "pg";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { dispatchDue } from "@/lib/email/dispatcher";
import { enqueueEmail, type Attachment, type OutgoingEmail } from "@/lib/email/outbox";
import { resendTransport, type Transport } from "@/lib/email/transports";
import { EmailKind } from "@/lib/generated/prisma/enums";
import { cancellationEmail, linkEmail, loadEmailContext } from "@/lib/interviews/notify";
import { interviewUrl, newSessionKey } from "@/lib/interviews/model/session-keys";
import { uniqueEmail } from "./factories";
import { startResendStub } from "@/scripts/support/resend-stub";
import { interviewDelivery } from "@/lib/interviews/delivery";

/*
 * Isolation. dispatchDue claims every row due at its clock, whoever queued it. enqueueEmail never
 * writes a nextAttemptAt before 1970-01-01 (new Date(0) means "now"), and no other test file moves
 * its clock that far back. So these tests queue their emails due before 1970 (sendAfter) and
 * dispatch with the clock set there: a dispatcher at 1969 cannot claim another file's email, on
 * PGlite or on a shared PostgreSQL. (A far-future clock would do the opposite: claim everyone's
 * pending invitations and reminders.) Windows are handed out latest first and 10 days apart, and a
 * test moves its clock at most a few days into its window, so no test reaches rows an earlier one
 * left behind. The one leak left — a dispatcher with a later clock finds these rows due — matters
 * only between the two files that dispatch, which therefore take holdDispatchLock() on PostgreSQL.
 * Assertions read rows and stub traffic by id, never table-wide counts.
 */
const WINDOW_DAYS = 10;

/** Successive windows, each WINDOW_DAYS earlier than the last, starting at `first`. */
export function dispatchWindows(first: Date): () => Date {
  let next = first;
  return () => {
    const at = next;
    next = addDays(next, -WINDOW_DAYS);
    return at;
  };
}

/**
 * On PostgreSQL, serialises the test files that dispatch (a session advisory lock on a connection
 * of its own); a no-op on PGlite, where every file has its own database. Returns the release.
 */
export async function holdDispatchLock(): Promise<() => Promise<void>> {
  if (!process.env.DATABASE_URL) return async () => {};
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("SELECT pg_advisory_lock(hashtext('kairos tests: outbox dispatch'))");
  return () => client.end(); // ending the session releases the lock
}

/** Starts the Resend stub and points the SDK at it (RESEND_BASE_URL is read when the client is built). */
export async function stubbedResend() {
  const stub = await startResendStub();
  process.env.RESEND_BASE_URL = stub.url;
  process.env.RESEND_API_KEY = "re_test";
  return { stub, resend: resendTransport() };
}

/**
 * Wraps a transport to count, per email, the sends that came back accepted: what the dispatcher was
 * told. (The stub's own count of 2xx answers can also include one the client never read — an
 * answer that lost the race with the client's timeout — so "accepted twice" is judged here.)
 */
export function countAccepted(inner: Transport) {
  const accepted = new Map<string, number>();
  const transport: Transport = {
    name: inner.name,
    async send(request) {
      const result = await inner.send(request);
      if (result.ok) accepted.set(request.id, (accepted.get(request.id) ?? 0) + 1);
      return result;
    },
  };
  return { transport, accepted };
}

/** Moves the clock to `at` and runs one dispatch there. */
export async function dispatchAt(at: Date, transport: Transport, limit?: number) {
  setClock(at);
  return dispatchDue({ policy: interviewDelivery, transport, limit });
}

/** A link-carrying email's fields (key in HTML and text unless `secret: null`), due at `dueAt`. */
function testEmail(
  dueAt: Date,
  options: { organizationId: string; interviewId?: string | null; kind?: EmailKind; secret?: string | null; attachments?: Attachment[] },
): OutgoingEmail {
  const secret = options.secret === undefined ? newSessionKey().key : options.secret;
  const link = secret ? interviewUrl(secret) : "http://localhost:3000/";
  return {
    organizationId: options.organizationId,
    interviewId: options.interviewId ?? null,
    kind: options.kind ?? EmailKind.TEAM_INVITE,
    toEmail: uniqueEmail("to"),
    toName: "Test Recipient",
    subject: "Outbox test",
    html: `<p><a href="${link}">Open</a></p><p>${link}</p>`,
    text: `Open: ${link}`,
    attachments: options.attachments,
    secret,
    sendAfter: dueAt,
  };
}

/** Queues one such email; returns its id. */
export async function queueEmail(dueAt: Date, options: Parameters<typeof testEmail>[1]): Promise<string> {
  const prisma = await db();
  return (await prisma.$transaction((tx) => enqueueEmail(tx, testEmail(dueAt, options)))).id;
}

/** Queues `count` such emails (unique recipients) in one transaction. */
export async function queueEmails(count: number, dueAt: Date, organizationId: string): Promise<string[]> {
  const prisma = await db();
  return prisma.$transaction(
    async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) ids.push((await enqueueEmail(tx, testEmail(dueAt, { organizationId }))).id);
      return ids;
    },
    { timeout: 60_000 },
  );
}

/** The interview's real invitation (rendered HTML, text and calendar file carrying a fresh key), due at `dueAt`. */
export async function queueInvitation(dueAt: Date, interviewId: string): Promise<{ id: string; key: string }> {
  const prisma = await db();
  const { key } = newSessionKey();
  return prisma.$transaction(async (tx) => {
    const email = await linkEmail(await loadEmailContext(tx, interviewId), key, EmailKind.INVITATION);
    const { id } = await enqueueEmail(tx, { ...email, sendAfter: dueAt });
    return { id, key };
  });
}

/** The interview's real cancellation email, due at `dueAt`. */
export async function queueCancellation(dueAt: Date, interviewId: string): Promise<string> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const email = await cancellationEmail(await loadEmailContext(tx, interviewId));
    return (await enqueueEmail(tx, { ...email, sendAfter: dueAt })).id;
  });
}

/** One outbox row as stored. */
export async function emailRow(id: string) {
  const prisma = await db();
  return prisma.outboxEmail.findUniqueOrThrow({ where: { id } });
}

/** The stored rows of `ids`. */
export async function emailRows(ids: string[]) {
  const prisma = await db();
  return prisma.outboxEmail.findMany({ where: { id: { in: ids } } });
}

/** An interview's audit events of one type. */
export async function auditEvents(interviewId: string, type: string) {
  const prisma = await db();
  return prisma.auditEvent.findMany({ where: { interviewId, type } });
}
