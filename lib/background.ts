import "server-only";
import { subHours } from "date-fns";
import { now } from "@/lib/clock";
import { drainOutbox } from "@/lib/email/dispatcher";
import { sweepInterviews } from "@/lib/interviews/sweep";
import { pruneRateLimits } from "@/lib/rate-limit";

/** Rate-limit windows are at most 15 minutes long; an hour-old one counts for nothing. */
const RATE_LIMIT_HISTORY_HOURS = 1;

/** One round of background work: the clock's changes to interviews, old rate-limit windows, then due email. */
export async function runBackgroundWork({ budgetMs = 20_000 }: { budgetMs?: number } = {}) {
  const swept = await sweepInterviews();
  await pruneRateLimits(subHours(now(), RATE_LIMIT_HISTORY_HOURS));
  const sent = await drainOutbox({ budgetMs });
  return { ...swept, ...sent };
}
