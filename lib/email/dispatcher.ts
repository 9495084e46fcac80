import "server-only";
import { addMilliseconds, differenceInMilliseconds } from "date-fns";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EmailKind } from "@/lib/generated/prisma/enums";
import { DeliveryState, EmailStatus } from "@/lib/generated/prisma/enums";
import { backoff as queueBackoff } from "@/lib/queue/backoff";
import { claimDue } from "@/lib/queue/claim";
import { withoutSecret, type Attachment } from "./outbox";
import { reserveSendSlot, waitForSlot } from "./pace";
import { defaultTransport, sendTimeoutMs, type SendResult, type Transport } from "./transports";

/** A claimed row stays ours this long; a dispatcher that dies mid-send loses it to the next one after that. */
export const LEASE_MS = 60_000;
/** Retries stop this long after an email became due. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
const BACKOFF = { baseMs: 2_000, capMs: 10 * 60_000 };

/** What the dispatcher tells the domain about a claimed email. */
export interface ClaimedEmail {
  id: string;
  /** Null only for a sign-up's confirmation (no organisation exists yet). */
  organizationId: string | null;
  interviewId: string | null;
  kind: EmailKind;
  toEmail: string;
  attempts: number;
}

/**
 * What the dispatcher asks of the domain that queued its emails; it knows no interview itself.
 * `withheld` answers, for a claimed batch, which emails may no longer go out and why (they are
 * cancelled unsent); `settled` runs in the transaction that records an email's final outcome.
 */
export interface DeliveryPolicy {
  withheld(emails: readonly ClaimedEmail[]): Promise<Map<string, string>>;
  /**
   * Composes the emails queued to be composed when sent (composeOnSend): the content of each, or a
   * reason to withhold it when there is nothing left to say. One it does not answer is withheld.
   */
  compose?(emails: readonly ComposableEmail[]): Promise<Map<string, RenderedContent | { withheld: string }>>;
  settled(
    tx: Tx,
    email: ClaimedEmail,
    outcome: { status: "sent"; at: Date; /** The transport delivered as it accepted (the dev mailbox). */ delivered: boolean } | { status: "failed"; reason: string; at: Date },
  ): Promise<void>;
}

export type RenderedContent = { subject: string; html: string; text: string; attachments?: Attachment[] };
/** A claimed email to compose: it carries its link's secret (if any) for the composer to put in. */
export type ComposableEmail = ClaimedEmail & { secret: string | null };

interface ClaimedRow extends ClaimedEmail {
  toName: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  attachments: unknown;
  secret: string | null;
  /** Queued without a body: composed here as it is sent, and stored with its outcome as the email that went. */
  composeOnSend: boolean;
  /** Composing it failed: retried later like a failed send (and given up on after as long). */
  composeError?: string;
  /** Withdrawn while claimed (see cancelPendingEmails): never back to the queue. */
  withdrawnBecause: string | null;
  dueSince: Date;
}

/**
 * Composes claimed emails queued without a body (never one already withheld) into their rows; one
 * the policy cannot compose is withheld rather than sent empty.
 */
async function composeClaimed(policy: DeliveryPolicy, rows: ClaimedRow[], withheld: Map<string, string>) {
  for (const row of rows.filter((r) => r.composeOnSend && !withheld.has(r.id))) {
    try {
      // One at a time: an email that cannot be composed fails alone, as a send would.
      const content = (await policy.compose?.([row]))?.get(row.id) ?? { withheld: "not sent: nothing composed it" };
      if ("withheld" in content) withheld.set(row.id, content.withheld);
      else Object.assign(row, content);
    } catch (error) {
      row.composeError = `could not compose the email: ${(error as Error).message}`.slice(0, 500);
    }
  }
}

export interface DispatchStats {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/**
 * Claims due emails in one short statement (FOR UPDATE SKIP LOCKED, so any number of
 * dispatchers can run at once without taking the same row), then sends them outside any
 * transaction and records each outcome.
 */
export async function dispatchDue({ policy, limit = 20, transport = defaultTransport() }: { policy: DeliveryPolicy; limit?: number; transport?: Transport }): Promise<DispatchStats> {
  const prisma = await db();
  const at = now();
  const rows = await claimDue<ClaimedRow>(prisma, {
    table: "OutboxEmail",
    at,
    leaseMs: LEASE_MS,
    limit,
    returning: Prisma.sql`q.id, q."organizationId", q."interviewId", q.kind, q."toEmail", q."toName", q."replyTo", q.subject, q.html, q.text,
      q.attachments, q.secret, q."composeOnSend", q.attempts, q."withdrawnBecause", COALESCE(q."sendAfter", q."createdAt") AS "dueSince"`,
  });
  const stats: DispatchStats = { claimed: rows.length, sent: 0, retried: 0, failed: 0, skipped: 0 };
  if (rows.length === 0) return stats;
  let lastError: string | null = null;
  const noteFailure = (row: ClaimedRow, error: string) => (lastError = redactForLog(error, row));
  const withheld = await policy.withheld(rows);
  // Withdrawn while an earlier claim was sending it (and that dispatcher died): it does not go now.
  for (const row of rows) if (row.withdrawnBecause !== null) withheld.set(row.id, row.withdrawnBecause);
  const leaseEnds = addMilliseconds(at, LEASE_MS).getTime();
  for (const [i, row] of rows.entries()) {
    // Wait for this send's share of the provider's rate (shared with every other dispatcher).
    const wait = transport.ratePerSecond && !withheld.has(row.id) ? await reserveSendSlot(transport.name, transport.ratePerSecond) : 0;
    if ((i > 0 || wait > 0) && now().getTime() + wait + sendTimeoutMs() > leaseEnds) {
      // Slow sends (or a long wait for the provider) have used up the lease: a send begun then could
      // still be running when another dispatcher claims the row. Hand the rest back untried, due
      // when this one could have gone, for a fresh claim.
      await release(rows.slice(i), addMilliseconds(now(), wait));
      break;
    }
    // Composed (if it is to be) while its slot comes round: the provider's pace sets the rate, not the composing.
    const slotAt = Date.now() + wait;
    await composeClaimed(policy, [row], withheld);
    await waitForSlot(slotAt - Date.now());
    const outcome = await deliver(row, transport, policy, withheld.get(row.id), noteFailure);
    if (typeof outcome === "object") {
      // The provider is at its limit anyway (another sender on the same team, or a lower limit than
      // EMAIL_RATE_PER_SECOND says): sending the rest of the batch now would only collect more 429s
      // (and push each row's backoff further out). Hand them back untouched, due when it said.
      stats.retried++;
      await release(rows.slice(i + 1), outcome.rateLimitedUntil);
      break;
    }
    stats[outcome]++;
  }
  warnIfFailing(stats, lastError);
  return stats;
}

/** At most one outage warning per this long in a process, however many rounds fail. */
export const OUTAGE_WARNING_EVERY_MS = 60_000;
// On globalThis: Next bundles this module into several server chunks (the poller's, each route's
// after() wake), and a warning a minute is per process, not per copy of the module.
const globalForOutage = globalThis as unknown as { __kairosOutageWarning?: { lastWarnedAt: number | null; failedSinceLastWarning: number } };
const outage = (globalForOutage.__kairosOutageWarning ??= { lastWarnedAt: null, failedSinceLastWarning: 0 });

/**
 * A round in which sends failed says so — how many, and the provider's last words — at most once a
 * minute per process (on the injected clock; one that moved back counts as a minute gone by). The
 * failures of rounds in between are counted into the next warning.
 */
function warnIfFailing(stats: DispatchStats, lastError: string | null) {
  const failed = stats.retried + stats.failed;
  if (failed === 0) return;
  outage.failedSinceLastWarning += failed;
  const at = now().getTime();
  if (outage.lastWarnedAt !== null && at >= outage.lastWarnedAt && at - outage.lastWarnedAt < OUTAGE_WARNING_EVERY_MS) return;
  console.warn("email: sends to the provider are failing", {
    round: { claimed: stats.claimed, sent: stats.sent, failed, willRetry: stats.retried, gaveUp: stats.failed },
    failedSinceLastWarning: outage.failedSinceLastWarning,
    lastError,
  });
  outage.lastWarnedAt = at;
  outage.failedSinceLastWarning = 0;
}

const EMAIL_ADDRESS = /[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+/g;
// A session key is 43 base64url characters; anything that long and key-like goes, whatever it is.
const TOKEN = /[A-Za-z0-9_-]{32,}/g;

/** A provider's error as it may be logged: no key, no address (some providers quote what they were sent). */
function redactForLog(error: string, row: ClaimedRow): string {
  let text = error;
  if (row.secret) text = text.replaceAll(row.secret, "[redacted]");
  if (row.toEmail) text = text.replaceAll(row.toEmail, "[address]");
  return text.replace(EMAIL_ADDRESS, "[address]").replace(TOKEN, "[redacted]").slice(0, 300);
}

/** Returns claimed rows to the queue as if never attempted (one withdrawn meanwhile is cancelled instead). */
async function release(rows: ClaimedRow[], dueAt: Date) {
  if (rows.length === 0) return;
  const prisma = await db();
  for (const row of rows) {
    const mine = { id: row.id, status: EmailStatus.SENDING, attempts: row.attempts };
    const { count } = await prisma.outboxEmail.updateMany({
      where: { ...mine, withdrawnBecause: null },
      data: { status: EmailStatus.PENDING, attempts: { decrement: 1 }, leaseUntil: null, nextAttemptAt: dueAt },
    });
    if (count === 0) await cancelWithdrawn(row);
  }
}

/**
 * Records a claimed email that was withdrawn while claimed as cancelled, scrubbed, with the reason it
 * was withdrawn — instead of queueing it again. A no-op unless this claim still holds it withdrawn.
 */
async function cancelWithdrawn(row: ClaimedRow) {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const claimed = await tx.outboxEmail.findFirst({
      where: { id: row.id, status: EmailStatus.SENDING, attempts: row.attempts, withdrawnBecause: { not: null } },
      select: { withdrawnBecause: true },
    });
    if (!claimed) return;
    await tx.outboxEmail.update({
      where: { id: row.id },
      data: { status: EmailStatus.CANCELLED, leaseUntil: null, lastError: claimed.withdrawnBecause, ...withoutSecret(row) },
    });
  });
}

async function deliver(
  row: ClaimedRow,
  transport: Transport,
  policy: DeliveryPolicy,
  withheldBecause: string | undefined,
  noteFailure: (row: ClaimedRow, error: string) => void,
): Promise<"sent" | "retried" | "failed" | "skipped" | { rateLimitedUntil: Date }> {
  const prisma = await db();
  // Only the dispatcher that claimed this attempt may record its outcome.
  const mine = { id: row.id, status: EmailStatus.SENDING, attempts: row.attempts };
  // Whatever the outcome but a retry, the stored copy gives up its key.
  const forget = withoutSecret(row);

  if (withheldBecause !== undefined) {
    await prisma.outboxEmail.updateMany({ where: mine, data: { status: EmailStatus.CANCELLED, lastError: withheldBecause, leaseUntil: null, ...forget } });
    return "skipped";
  }

  const sending = row.composeError
    ? Promise.resolve<SendResult>({ ok: false, retryable: true, error: row.composeError })
    : transport.send({
        id: row.id,
        kind: row.kind,
        to: row.toEmail,
        toName: row.toName,
        replyTo: row.replyTo,
        subject: row.subject,
        html: row.html,
        text: row.text,
        attachments: (row.attachments as Attachment[]) ?? [],
      });
  const result = await sending.catch((error: unknown): SendResult => ({ ok: false, retryable: true, error: `transport error: ${(error as Error).message}`.slice(0, 500) }));
  const at = now();
  if (!result.ok) noteFailure(row, result.error);

  if (result.ok) {
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.outboxEmail.updateMany({
        where: mine,
        data: {
          status: EmailStatus.SENT,
          sentAt: at,
          providerMessageId: result.providerMessageId,
          leaseUntil: null,
          lastError: null,
          ...(result.delivered && { deliveryState: DeliveryState.DELIVERED, deliveryAt: at }),
          ...(row.composeOnSend && { subject: row.subject, html: row.html, text: row.text, attachments: row.attachments as Prisma.InputJsonValue }),
          ...forget,
        },
      });
      if (count) await policy.settled(tx, row, { status: "sent", at, delivered: result.delivered === true });
    });
    // A retry got through: the provider is back. Emails still waiting out their own backoff from the
    // same outage (up to 10 minutes each) are due now; pacing keeps the catch-up within the limit.
    if (row.attempts > 1) await bringRetriesForward(at);
    return "sent";
  }

  const givingUp = differenceInMilliseconds(at, row.dueSince) >= GIVE_UP_AFTER_MS;
  if (result.retryable && !givingUp) {
    // A 429 says exactly when to come back; anything else backs off exponentially.
    const delay = result.rateLimited && result.retryAfterMs !== undefined ? result.retryAfterMs : Math.max(result.retryAfterMs ?? 0, backoff(row.attempts));
    const nextAttemptAt = addMilliseconds(at, delay);
    const { count } = await prisma.outboxEmail.updateMany({
      where: { ...mine, withdrawnBecause: null },
      data: { status: EmailStatus.PENDING, nextAttemptAt, leaseUntil: null, lastError: result.error },
    });
    if (count === 0) {
      await cancelWithdrawn(row);
      return "skipped";
    }
    return result.rateLimited ? { rateLimitedUntil: nextAttemptAt } : "retried";
  }

  const reason = givingUp ? `gave up after 24 h: ${result.error}` : result.error;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: mine,
      data: { status: EmailStatus.FAILED, leaseUntil: null, lastError: reason, ...forget },
    });
    if (count) await policy.settled(tx, row, { status: "failed", reason, at });
  });
  return "failed";
}

/** Makes every email waiting to retry after a failure due at `at` (emails not yet due stay as they are). */
async function bringRetriesForward(at: Date) {
  const prisma = await db();
  await prisma.outboxEmail.updateMany({
    where: { status: EmailStatus.PENDING, attempts: { gt: 0 }, nextAttemptAt: { gt: at }, OR: [{ sendAfter: null }, { sendAfter: { lte: at } }] },
    data: { nextAttemptAt: at },
  });
}

/** Exponential backoff with jitter: 2 s, 4 s, 8 s … capped at 10 minutes, each 50–100 % of that. */
export function backoff(attempt: number): number {
  return queueBackoff(attempt, BACKOFF);
}

/** Dispatches until nothing is due or `budgetMs` has passed. */
export async function drainOutbox({ policy, budgetMs = 20_000, transport }: { policy: DeliveryPolicy; budgetMs?: number; transport?: Transport }): Promise<DispatchStats> {
  const total: DispatchStats = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
  const started = Date.now();
  while (Date.now() - started < budgetMs) {
    const stats = await dispatchDue({ policy, transport });
    for (const key of Object.keys(total) as Array<keyof DispatchStats>) total[key] += stats[key];
    if (stats.claimed === 0) break;
  }
  return total;
}
