import "server-only";
import { subHours } from "date-fns";
import { now } from "@/lib/clock";
import { drainOutbox } from "@/lib/email/dispatcher";
import { sweepInterviews } from "@/lib/interviews/sweep";
import { pruneRateLimits } from "@/lib/rate-limit";
import { sweepRetention } from "@/lib/retention";

/** Rate-limit windows are at most 15 minutes long; an hour-old one counts for nothing. */
const RATE_LIMIT_HISTORY_HOURS = 1;
/** Retention is counted in days: a look every 10 minutes (per process) is plenty. */
const RETENTION_EVERY_MS = 10 * 60_000;
let nextRetentionSweep = 0;

/**
 * One round of background work: the clock's changes to interviews, old rate-limit windows, due
 * email, then (every RETENTION_EVERY_MS) content past its organisation's retention.
 */
export async function runBackgroundWork({ budgetMs = 20_000 }: { budgetMs?: number } = {}) {
  const swept = await sweepInterviews();
  await pruneRateLimits(subHours(now(), RATE_LIMIT_HISTORY_HOURS));
  const sent = await drainOutbox({ budgetMs });
  let retention = { purged: 0, purgeFailed: 0 };
  if (Date.now() >= nextRetentionSweep) {
    nextRetentionSweep = Date.now() + RETENTION_EVERY_MS;
    retention = await sweepRetention();
  }
  return { ...swept, ...sent, ...retention };
}
