import "server-only";
import { addMilliseconds, differenceInMilliseconds } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { backoff } from "@/lib/queue/backoff";
import { claimDue } from "@/lib/queue/claim";
import { currentGuard, type Guard } from "./address";
import { disableEndpoint } from "./disable";
import { postWebhook, TIMEOUT_MS, type PostResult } from "./post";
import { signedHeaders } from "./signing";

// Delivers queued events (lib/webhooks/events.ts) at least once: claimed like the email outbox
// (lib/queue), signed per Standard Webhooks, logged attempt by attempt, retried with backoff for
// up to 3 days. Only the sender that claimed an attempt records its outcome.

/** A claim outlives the longest attempt (the timeout) with room to record it. */
export const LEASE_MS = 60_000;
/** Retries stop, and a continuously failing endpoint is disabled, after this. */
export const GIVE_UP_AFTER_MS = 3 * 24 * 60 * 60 * 1000;
/** 5 s, 10 s, 20 s … at most an hour between attempts: about 80 attempts over 3 days. */
export const BACKOFF = { baseMs: 5_000, capMs: 60 * 60_000 };

interface ClaimedDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  attempts: number;
  dueSince: Date;
}

export interface SendStats {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

/** Claims due deliveries and attempts each; `limit` bounds one round (they go out concurrently). */
export async function sendDueWebhooks({ limit = 20, guard = currentGuard(), timeoutMs = TIMEOUT_MS }: { limit?: number; guard?: Guard; timeoutMs?: number } = {}): Promise<SendStats> {
  const prisma = await db();
  const at = now();
  const rows = await claimDue<ClaimedDelivery>(prisma, {
    table: "WebhookDelivery",
    at,
    leaseMs: LEASE_MS,
    limit,
    returning: Prisma.sql`q.id, q."eventId", q."endpointId", q.attempts, q."dueSince"`,
  });
  const stats: SendStats = { claimed: rows.length, delivered: 0, retried: 0, failed: 0 };
  if (rows.length === 0) return stats;
  const [events, endpoints] = await Promise.all([
    prisma.webhookEvent.findMany({ where: { id: { in: rows.map((r) => r.eventId) } }, select: { id: true, payload: true } }),
    prisma.webhookEndpoint.findMany({
      where: { id: { in: rows.map((r) => r.endpointId) } },
      select: { id: true, url: true, enabled: true, secret: true, previousSecret: true, previousSecretUntil: true },
    }),
  ]);
  const payloads = new Map(events.map((e) => [e.id, e.payload]));
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  // Different endpoints are different receivers: one slow receiver must not hold up the rest.
  const outcomes = await Promise.all(
    rows.map(async (row) => {
      const endpoint = byId.get(row.endpointId);
      const payload = payloads.get(row.eventId);
      if (!endpoint || payload === undefined || !endpoint.enabled) {
        await settle(row, { status: WebhookDeliveryStatus.FAILED, error: "not sent: the endpoint is disabled" });
        return "failed" as const;
      }
      const sentAt = now();
      const headers = signedHeaders(endpoint, { id: row.eventId, at: sentAt, payload });
      const result = await postWebhook(new URL(endpoint.url), headers, payload, guard, timeoutMs);
      return recordAttempt(row, result);
    }),
  );
  for (const outcome of outcomes) stats[outcome]++;
  return stats;
}

/** Sends until nothing is due or `budgetMs` has passed. */
export async function drainWebhooks({ budgetMs = 20_000, ...options }: { budgetMs?: number; limit?: number; guard?: Guard; timeoutMs?: number } = {}): Promise<SendStats> {
  const total: SendStats = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  const started = Date.now();
  while (Date.now() - started < budgetMs) {
    const stats = await sendDueWebhooks(options);
    for (const key of Object.keys(total) as Array<keyof SendStats>) total[key] += stats[key];
    if (stats.claimed === 0) break;
  }
  return total;
}

function describe(result: PostResult): string {
  return result.statusCode !== null ? `HTTP ${result.statusCode}` : (result.error ?? "no response");
}

/** Logs one attempt and decides what follows: delivered, another try later, or failed (410, 3 days). */
async function recordAttempt(row: ClaimedDelivery, result: PostResult): Promise<"delivered" | "retried" | "failed"> {
  const at = now();
  const prisma = await db();
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const gone = result.statusCode === 410;
  const givingUp = differenceInMilliseconds(at, row.dueSince) >= GIVE_UP_AFTER_MS;
  const error = ok ? null : describe(result);
  const outcome = ok ? "delivered" : gone || givingUp ? "failed" : "retried";
  const mine = await prisma.$transaction(async (tx) => {
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: row.id, status: WebhookDeliveryStatus.SENDING, attempts: row.attempts },
      data: {
        status: outcome === "delivered" ? WebhookDeliveryStatus.DELIVERED : outcome === "failed" ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
        leaseUntil: null,
        lastResponseCode: result.statusCode,
        lastError: gone ? "the endpoint answered 410 Gone" : givingUp && !ok ? `gave up after 3 days: ${error}` : error,
        ...(outcome === "retried" && { nextAttemptAt: addMilliseconds(at, backoff(row.attempts, BACKOFF)) }),
      },
    });
    // Another sender took the row over (our lease ran out): its attempt is the one that counts.
    if (count === 0) return false;
    await tx.webhookAttempt.create({
      data: { deliveryId: row.id, at, statusCode: result.statusCode, latencyMs: result.latencyMs, responseBody: result.body, error: result.error },
    });
    if (ok) await tx.webhookEndpoint.updateMany({ where: { id: row.endpointId, failingSince: { not: null } }, data: { failingSince: null } });
    else await tx.webhookEndpoint.updateMany({ where: { id: row.endpointId, failingSince: null }, data: { failingSince: at } });
    return true;
  });
  if (!mine) return outcome;
  if (gone) await disableEndpoint(row.endpointId, { reason: "it answered 410 Gone, which asks senders to stop.", lastError: "HTTP 410", notify: false });
  else if (!ok) await disableIfFailingTooLong(row.endpointId, at, error ?? "no response");
  return outcome;
}

/** An endpoint that has failed every attempt for 3 days is disabled, and its owners and admins hear of it. */
async function disableIfFailingTooLong(endpointId: string, at: Date, lastError: string) {
  const prisma = await db();
  const endpoint = await prisma.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { failingSince: true, enabled: true } });
  if (!endpoint?.enabled || !endpoint.failingSince) return;
  if (differenceInMilliseconds(at, endpoint.failingSince) < GIVE_UP_AFTER_MS) return;
  await disableEndpoint(endpointId, { reason: "it failed every delivery for 3 days.", lastError, notify: true });
}

/** Records a claimed delivery's outcome without an attempt (its endpoint is gone or disabled). */
async function settle(row: ClaimedDelivery, data: { status: WebhookDeliveryStatus; error: string }) {
  const prisma = await db();
  await prisma.webhookDelivery.updateMany({
    where: { id: row.id, status: WebhookDeliveryStatus.SENDING, attempts: row.attempts },
    data: { status: data.status, leaseUntil: null, lastError: data.error },
  });
}
