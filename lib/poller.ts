import "server-only";
import { runBackgroundWork, wakeTranscriber } from "@/lib/background";

const globalForPoller = globalThis as unknown as { __kairosPoller?: NodeJS.Timeout };

/**
 * Keeps the outbox and the interview clock moving inside a long-running server (retries,
 * reminders whose time has come, expiring and completing interviews), and the transcriber beside
 * them (lib/background.ts wakeTranscriber), every OUTBOX_POLL_MS (default 5 s; 0 turns it off, e.g. when `npm run worker` does the job).
 * Serverless hosts have no long-running process; there the cron route does this.
 */
export function startOutboxPoller(): void {
  const every = Number(process.env.OUTBOX_POLL_MS ?? 5000);
  if (!every || globalForPoller.__kairosPoller) return;
  let busy = false;
  globalForPoller.__kairosPoller = setInterval(() => {
    void wakeTranscriber();
    if (busy) return;
    busy = true;
    runBackgroundWork({ budgetMs: Math.max(every, 5000) })
      .catch((error) => console.error("outbox poll failed", { error: (error as Error).message }))
      .finally(() => {
        busy = false;
      });
  }, every);
  globalForPoller.__kairosPoller.unref();
}
