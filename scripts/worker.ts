// npm run worker: a long-running outbox dispatcher and transcriber for Node hosts (Vercel uses the cron route).
// Any number may run beside the web servers: rows are claimed with FOR UPDATE SKIP LOCKED.
import { emailConfigProblems } from "@/lib/config";
import { closeDb } from "@/lib/db";
import { runBackgroundWork, wakeTranscriber } from "@/lib/background";

// A production worker without a way to send refuses to start, as the servers do (lib/startup-check.ts).
const problems = process.env.NODE_ENV === "production" ? emailConfigProblems() : [];
if (problems.length > 0) {
  console.error(`The outbox worker cannot start in production:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

const IDLE_MS = Number(process.env.WORKER_IDLE_MS ?? 1000);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
  });
}

async function main() {
  console.log(`outbox worker started (pid ${process.pid})`);
  while (!stopping) {
    // Beside the round, not in it: a long take must not hold up email.
    void wakeTranscriber();
    try {
      const stats = await runBackgroundWork({ budgetMs: 30_000 });
      if (stats.claimed > 0 || stats.webhooks.claimed > 0) console.log("outbox", JSON.stringify(stats));
    } catch (error) {
      console.error("outbox worker: dispatch failed", (error as Error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  }
  await wakeTranscriber();
  await closeDb();
  console.log("outbox worker stopped");
}

void main();
