import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { insertRows, type ColumnTypes } from "@/lib/db-insert";
import type { EmailKind, Prisma } from "@/lib/generated/prisma/client";
import { EmailStatus } from "@/lib/generated/prisma/enums";

export interface Attachment {
  filename: string;
  contentType: string;
  /** base64 */
  content: string;
}

export interface OutgoingEmail {
  /** The organisation whose action caused it; null only for a sign-up's confirmation (none exists yet). */
  organizationId: string | null;
  interviewId?: string | null;
  kind: EmailKind;
  toEmail: string;
  toName?: string;
  /** Where replies go (an address); unset, they go to EMAIL_FROM. */
  replyTo?: string | null;
  subject: string;
  html: string;
  text: string;
  attachments?: Attachment[];
  /** The raw link secret the email carries (scrubbed once the provider accepts it). */
  secret?: string | null;
  /** Not before this time (reminders). */
  sendAfter?: Date | null;
  /** Queued with its subject alone (html and text empty): the dispatcher's policy composes it as it is sent. */
  composeOnSend?: boolean;
}

/** Queues an email inside the caller's transaction: it exists exactly when the change that caused it commits. */
export async function enqueueEmail(tx: Tx, email: OutgoingEmail): Promise<{ id: string }> {
  return tx.outboxEmail.create({ data: outboxRow(email), select: { id: true } });
}

/** Queues several emails in one statement (scheduling queues the invitation and its reminders together). */
export async function enqueueEmails(tx: Tx, emails: OutgoingEmail[]): Promise<void> {
  await tx.outboxEmail.createMany({ data: emails.map(outboxRow) });
}

/**
 * Queues many emails (a bulk invitation's thousands, a few hundred per call) in one set-based
 * statement: the rows enqueueEmails writes, with the id and timestamps Prisma would fill in given here.
 */
export async function enqueueEmailBatch(tx: Tx, emails: OutgoingEmail[]): Promise<void> {
  // Stamped as Prisma stamps @default(now()) and @updatedAt: once per statement, when it is written.
  const written = new Date();
  await insertRows(tx, "OutboxEmail", OUTBOX_COLUMNS, emails.map((email) => ({ id: randomUUID(), ...outboxRow(email), createdAt: written, updatedAt: written })));
}

const OUTBOX_COLUMNS: ColumnTypes<ReturnType<typeof outboxRow> & { id: string; createdAt: Date; updatedAt: Date }> = {
  id: "text",
  organizationId: "text",
  interviewId: "text",
  kind: { enum: "EmailKind" },
  toEmail: "text",
  toName: "text",
  replyTo: "text",
  subject: "text",
  html: "text",
  text: "text",
  attachments: "jsonb",
  secret: "text",
  composeOnSend: "boolean",
  sendAfter: "timestamp",
  nextAttemptAt: "timestamp",
  createdAt: "timestamp",
  updatedAt: "timestamp",
};

function outboxRow(email: OutgoingEmail) {
  if (email.composeOnSend) {
    // Its body is the dispatcher's to compose; one given here would never be what is sent.
    if (email.html || email.text) throw new Error(`Refusing to queue a ${email.kind} email composed when sent with a body`);
  } else if (email.secret && !(email.html.includes(email.secret) && email.text.includes(email.secret))) {
    // An email that should carry a link but does not would strand its candidate: refuse to queue it.
    throw new Error(`Refusing to queue a ${email.kind} email whose HTML or text lacks its link`);
  }
  return {
    organizationId: email.organizationId,
    interviewId: email.interviewId ?? null,
    kind: email.kind,
    toEmail: email.toEmail,
    toName: email.toName ?? "",
    replyTo: email.replyTo ?? null,
    subject: email.subject,
    html: email.html,
    text: email.text,
    attachments: (email.attachments ?? []) as unknown as Prisma.InputJsonValue,
    secret: email.secret ?? null,
    composeOnSend: email.composeOnSend ?? false,
    sendAfter: email.sendAfter ?? null,
    nextAttemptAt: email.sendAfter ?? new Date(0),
  };
}

/**
 * Cancels an interview's unsent emails of the given kinds (e.g. reminders on reschedule). One that
 * carries a key is scrubbed as it is cancelled: a withdrawn invitation keeps no copy of its link.
 * One a dispatcher is sending right now is marked withdrawn: it records the outcome (sent, or
 * cancelled and scrubbed) and never puts it back in the queue.
 */
export async function cancelPendingEmails(tx: Tx, interviewId: string, kinds: EmailKind[], reason: string): Promise<number> {
  const pending = { interviewId, kind: { in: kinds }, status: EmailStatus.PENDING };
  const { count } = await tx.outboxEmail.updateMany({ where: { ...pending, secret: null }, data: { status: EmailStatus.CANCELLED, lastError: reason } });
  const withSecrets = await tx.outboxEmail.findMany({
    where: { ...pending, secret: { not: null } },
    select: { id: true, html: true, text: true, attachments: true, secret: true },
  });
  let scrubbed = 0;
  for (const email of withSecrets) {
    // Still PENDING: one a dispatcher claimed meanwhile is marked withdrawn below.
    const updated = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: EmailStatus.PENDING },
      data: { status: EmailStatus.CANCELLED, lastError: reason, ...withoutSecret(email) },
    });
    scrubbed += updated.count;
  }
  // Last: a dispatcher that claimed one of them while the updates above ran (each waits for the
  // claim to commit, then finds it SENDING and leaves it) has it marked here.
  await tx.outboxEmail.updateMany({ where: { interviewId, kind: { in: kinds }, status: EmailStatus.SENDING }, data: { withdrawnBecause: reason } });
  return count + scrubbed;
}

/**
 * The update that retires an email's key: its parts scrubbed of the secret and the secret column
 * cleared (nothing for an email without one). Every path that finishes with an email applies it.
 */
export function withoutSecret(email: { html: string; text: string; attachments: unknown; secret: string | null }) {
  if (!email.secret) return {};
  const scrubbed = scrubSecret(email, email.secret);
  return { html: scrubbed.html, text: scrubbed.text, attachments: scrubbed.attachments as unknown as Prisma.InputJsonValue, secret: null };
}

/** Replaces every occurrence of a secret in an email's stored parts, attachments included. */
export function scrubSecret(
  email: { html: string; text: string; attachments: unknown },
  secret: string,
): { html: string; text: string; attachments: Attachment[] } {
  const mask = "[redacted]";
  const attachments = (Array.isArray(email.attachments) ? (email.attachments as Attachment[]) : []).map((a) => ({
    ...a,
    // Calendar files fold long lines (RFC 5545), which can split the key; unfold before masking.
    content: Buffer.from(
      Buffer.from(a.content, "base64").toString("utf8").replace(/\r?\n[ \t]/g, "").replaceAll(secret, mask),
      "utf8",
    ).toString("base64"),
  }));
  return { html: email.html.replaceAll(secret, mask), text: email.text.replaceAll(secret, mask), attachments };
}
