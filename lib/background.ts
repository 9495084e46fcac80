import "server-only";
import { drainOutbox } from "@/lib/email/dispatcher";
import { sweepInterviews } from "@/lib/interviews/sweep";

/** One round of background work: the clock's changes to interviews, then due email. */
export async function runBackgroundWork({ budgetMs = 20_000 }: { budgetMs?: number } = {}) {
  const swept = await sweepInterviews();
  const sent = await drainOutbox({ budgetMs });
  return { ...swept, ...sent };
}
