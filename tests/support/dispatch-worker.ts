// Child-process dispatcher for tests/dispatcher-concurrency.test.ts. Prints "ready" once connected;
// then, for each ISO time read from stdin, sets the clock there, drains the outbox through Resend
// (RESEND_BASE_URL: the parent's stub) and prints one JSON line: that pass's stats and the ids of
// how often each email it sent was accepted.
import readline from "node:readline";
import { setClock } from "@/lib/clock";
import { closeDb, db } from "@/lib/db";
import { drainOutbox } from "@/lib/email/dispatcher";
import { resendTransport } from "@/lib/email/transports";
import { countAccepted } from "./outbox";
import { interviewDelivery } from "@/lib/interviews/delivery";

async function main() {
  await db();
  console.log("ready");
  for await (const line of readline.createInterface({ input: process.stdin })) {
    const { transport, accepted } = countAccepted(resendTransport());
    setClock(new Date(line));
    const stats = await drainOutbox({ policy: interviewDelivery, transport, budgetMs: 60_000 });
    console.log(JSON.stringify({ stats, accepted: Object.fromEntries(accepted) }));
  }
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
