import "server-only";
import { addMilliseconds, differenceInMilliseconds } from "date-fns";
import { apiKeyStatus } from "@/lib/api/keys";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { backoff } from "@/lib/queue/backoff";
import { claimDue } from "@/lib/queue/claim";
import { currentGuard, type Guard } from "@/lib/webhooks/address";
import { postWebhook, TIMEOUT_MS, type PostResult } from "@/lib/webhooks/post";
import { BACKOFF, GIVE_UP_AFTER_MS, LEASE_MS } from "@/lib/webhooks/sender";
import { basicAuthorization, openCredential } from "./credential";

// Greenhouse's "PATCH - Mark Test as Completed": when a test instance completes we PATCH the `url`
// its send_test gave (no body, Basic auth with the organisation's key), and Greenhouse then reads
// test_status. A scorecard submitted or reopened, or the decision, changes what it reads (the score,
// the metadata), so each earns another PATCH.
// The row is queued in the transaction of the change (audit.ts calls in, as for webhooks) and
// sent from the same queue machinery as webhooks: claimed with a lease, at least once, backoff
// with jitter for up to 3 days, through the SSRF guard, redirects not followed.

/** The audit events that owe Greenhouse a PATCH. */
const OWED_BY = new Set(["interview.completed", "scorecard.submitted", "scorecard.reopened", "interview.decided"]);

/** Queues a callback per linked test instance in the caller's transaction; one still pending covers a newer one. */
export async function enqueueGreenhouseCallbacks(tx: Tx, events: Array<{ type: string; interviewId?: string | null; at?: Date }>): Promise<number> {
  const owed = events.filter((e) => OWED_BY.has(e.type) && e.interviewId);
  if (owed.length === 0) return 0;
  const links = await tx.greenhouseAssessment.findMany({
    where: { interviewId: { in: [...new Set(owed.map((e) => e.interviewId!))] }, callbackUrl: { not: null } },
    select: { id: true, interviewId: true, callbacks: { where: { status: WebhookDeliveryStatus.PENDING }, select: { id: true }, take: 1 } },
  });
  const at = now();
  const rows = new Map<string, { assessmentId: string; reason: string; nextAttemptAt: Date; dueSince: Date }>();
  for (const event of owed) {
    const link = links.find((l) => l.interviewId === event.interviewId);
    if (!link || link.callbacks.length > 0 || rows.has(link.id)) continue;
    rows.set(link.id, { assessmentId: link.id, reason: event.type, nextAttemptAt: event.at ?? at, dueSince: event.at ?? at });
  }
  if (rows.size > 0) await tx.greenhouseCallback.createMany({ data: [...rows.values()] });
  return rows.size;
}

interface ClaimedCallback {
  id: string;
  assessmentId: string;
  attempts: number;
  dueSince: Date;
}

export interface CallbackStats {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

/** Greenhouse refusing the request itself (a hired candidate, a closed stage): asking again changes nothing. */
function permanent(status: number | null): boolean {
  return status !== null && status >= 400 && status < 500 && ![408, 409, 425, 429].includes(status);
}

/** Claims due callbacks and attempts each once. */
export async function sendDueGreenhouseCallbacks({ limit = 20, guard = currentGuard(), timeoutMs = TIMEOUT_MS }: { limit?: number; guard?: Guard; timeoutMs?: number } = {}): Promise<CallbackStats> {
  const prisma = await db();
  const at = now();
  const rows = await claimDue<ClaimedCallback>(prisma, {
    table: "GreenhouseCallback",
    at,
    leaseMs: LEASE_MS,
    limit,
    returning: Prisma.sql`q.id, q."assessmentId", q.attempts, q."dueSince"`,
  });
  const stats: CallbackStats = { claimed: rows.length, delivered: 0, retried: 0, failed: 0 };
  if (rows.length === 0) return stats;
  const links = await prisma.greenhouseAssessment.findMany({
    where: { id: { in: rows.map((r) => r.assessmentId) } },
    select: { id: true, apiKeyId: true, callbackUrl: true, credential: true },
  });
  const keys = await prisma.apiKey.findMany({ where: { id: { in: links.map((l) => l.apiKeyId) } }, select: { id: true, revokedAt: true, expiresAt: true } });
  const outcomes = await Promise.all(
    rows.map(async (row) => {
      const link = links.find((l) => l.id === row.assessmentId);
      const key = keys.find((k) => k.id === link?.apiKeyId);
      const apiKey = link ? openCredential(link.credential) : null;
      // A revoked key is not presented anywhere again, Greenhouse included.
      const refusal = !link?.callbackUrl
        ? "not sent: no callback URL"
        : !key || apiKeyStatus(key, now()) !== "active"
          ? "not sent: the API key Greenhouse used is revoked or expired"
          : !apiKey
            ? "not sent: the stored key cannot be read (AUTH_SECRET changed)"
            : null;
      if (refusal) return settle(row, { statusCode: null, body: "", error: refusal, latencyMs: 0 }, true);
      const result = await postWebhook(new URL(link!.callbackUrl!), { authorization: basicAuthorization(apiKey!), "user-agent": "Kairos-Greenhouse/1" }, "", guard, timeoutMs, "PATCH");
      return settle(row, result, false);
    }),
  );
  for (const outcome of outcomes) stats[outcome]++;
  return stats;
}

/** Sends until nothing is due or `budgetMs` has passed. */
export async function drainGreenhouseCallbacks({ budgetMs = 20_000, ...options }: { budgetMs?: number; limit?: number; guard?: Guard; timeoutMs?: number } = {}): Promise<CallbackStats> {
  const total: CallbackStats = { claimed: 0, delivered: 0, retried: 0, failed: 0 };
  const started = Date.now();
  while (Date.now() - started < budgetMs) {
    const stats = await sendDueGreenhouseCallbacks(options);
    for (const key of Object.keys(total) as Array<keyof CallbackStats>) total[key] += stats[key];
    if (stats.claimed === 0) break;
  }
  return total;
}

/** Records one attempt's outcome, if this sender still holds the row: delivered, retried later, or failed. */
async function settle(row: ClaimedCallback, result: PostResult, refused: boolean): Promise<"delivered" | "retried" | "failed"> {
  const at = now();
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const givingUp = differenceInMilliseconds(at, row.dueSince) >= GIVE_UP_AFTER_MS;
  const outcome = ok ? "delivered" : refused || permanent(result.statusCode) || givingUp ? "failed" : "retried";
  const error = ok ? null : result.statusCode !== null ? `HTTP ${result.statusCode}` : (result.error ?? "no response");
  const prisma = await db();
  const { count } = await prisma.greenhouseCallback.updateMany({
    where: { id: row.id, status: WebhookDeliveryStatus.SENDING, attempts: row.attempts },
    data: {
      status: outcome === "delivered" ? WebhookDeliveryStatus.DELIVERED : outcome === "failed" ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
      leaseUntil: null,
      lastResponseCode: result.statusCode,
      lastError: error,
      ...(outcome === "retried" && { nextAttemptAt: addMilliseconds(at, backoff(row.attempts, BACKOFF)) }),
    },
  });
  // Ids and the status only: never the URL's query or the key.
  if (count > 0 && !ok) console.warn("greenhouse callback not delivered", { callbackId: row.id, attempt: row.attempts, outcome, error });
  return outcome;
}
