import "server-only";
import { subHours } from "date-fns";
import { now } from "@/lib/clock";
import { drainOutbox, type DispatchStats } from "@/lib/email/dispatcher";
import type { Transport } from "@/lib/email/transports";
import { interviewDelivery } from "@/lib/interviews/delivery";
import { sweepInterviews } from "@/lib/interviews/lifecycle/sweep";
import { sweepRetention } from "@/lib/interviews/lifecycle/retention";
import { pruneAccountTokens } from "@/lib/accounts/tokens";
import { pruneRateLimits } from "@/lib/rate-limit";
import { pruneSessions } from "@/lib/accounts/sessions";
import { pruneSignUpRequests } from "@/lib/accounts/sign-up";
import { drainGreenhouseCallbacks } from "@/lib/greenhouse/callbacks";
import { drainTranscriptions } from "@/lib/interviews/transcripts/worker";
import { drainWebhooks } from "@/lib/webhooks/sender";

// Where the background work is put together: the outbox (lib/email) with the interview domain's
// delivery policy, the interview clock, retention and old rate-limit windows.

/** The longest rate-limit window is a day (one alert per account per day): a day-old one counts for nothing. */
const RATE_LIMIT_HISTORY_HOURS = 24;
/** Retention is counted in days: a look every 10 minutes (per process) is plenty. */
const RETENTION_EVERY_MS = 10 * 60_000;
let nextRetentionSweep = 0;

/** Sends due email until none is left or `budgetMs` has passed, under the interview delivery policy. */
export function sendDueEmail({ budgetMs, transport }: { budgetMs?: number; transport?: Transport } = {}): Promise<DispatchStats> {
  return drainOutbox({ policy: interviewDelivery, budgetMs, transport });
}

/**
 * One round of background work: the clock's changes to interviews, old rate-limit windows,
 * expired sessions, links and sign-ups, due email, then (every RETENTION_EVERY_MS) content past its
 * organisation's retention.
 */
export async function runBackgroundWork({ budgetMs = 20_000 }: { budgetMs?: number } = {}) {
  const swept = await sweepInterviews();
  await pruneRateLimits(subHours(now(), RATE_LIMIT_HISTORY_HOURS));
  await Promise.all([pruneSessions(), pruneAccountTokens(), pruneSignUpRequests()]);
  const sent = await sendDueEmail({ budgetMs });
  const webhooks = await drainWebhooks({ budgetMs });
  const greenhouse = await drainGreenhouseCallbacks({ budgetMs });
  let retention = { purged: 0, purgeFailed: 0 };
  if (Date.now() >= nextRetentionSweep) {
    nextRetentionSweep = Date.now() + RETENTION_EVERY_MS;
    retention = await sweepRetention();
  }
  return { ...swept, ...sent, webhooks, greenhouse, ...retention };
}

let running: Promise<unknown> | null = null;

/** After a change commits: send what it queued (email, webhooks, Greenhouse callbacks), once per process at a time. Never throws. */
export function wakeDispatcher(): Promise<unknown> {
  running ??= Promise.all([
    sendDueEmail({ budgetMs: 10_000 }),
    drainWebhooks({ budgetMs: 10_000 }).catch((error) => console.error("webhook delivery failed", { error: (error as Error).message })),
    drainGreenhouseCallbacks({ budgetMs: 10_000 }).catch((error) => console.error("greenhouse callback delivery failed", { error: (error as Error).message })),
  ])
    .catch((error) => console.error("outbox dispatch failed", { error: (error as Error).message }))
    .finally(() => {
      running = null;
    });
  return running;
}

let transcribing: Promise<unknown> | null = null;

/**
 * Transcribes what is queued, once per process at a time, beside the background round rather than
 * in it: a long take must not hold up email. Never throws. The poller calls it every round, a
 * candidate's submitted answer right away.
 */
export function wakeTranscriber(): Promise<unknown> {
  transcribing ??= drainTranscriptions({ budgetMs: 5 * 60_000 })
    .then((stats) => {
      if (stats.claimed > 0) console.log("transcriber", JSON.stringify(stats));
    })
    .catch((error) => console.error("transcription round failed", { error: (error as Error).message }))
    .finally(() => {
      transcribing = null;
    });
  return transcribing;
}
