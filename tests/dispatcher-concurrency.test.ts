import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { addMinutes } from "date-fns";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { drainOutbox, type DispatchStats } from "@/lib/email/dispatcher";
import type { Transport } from "@/lib/email/transports";
import { EmailStatus } from "@/lib/generated/prisma/enums";
import { makeOrg } from "./support/factories";
import { countAccepted, emailRows, holdDispatchLock, queueEmails, stubbedResend } from "./support/outbox";
import { randomFaults, type ResendStub } from "@/scripts/support/resend-stub";
import { interviewDelivery } from "@/lib/interviews/delivery";

// Below every window tests/dispatcher.test.ts uses (see tests/support/outbox.ts), and that file
// waits for this one on the dispatch lock.
const AT = new Date("1960-01-01T09:00:00Z");
const EMAILS = 1_000;

describe.skipIf(!process.env.DATABASE_URL)(
  "concurrent dispatchers (PostgreSQL only: PGlite has a single connection, so nothing could claim concurrently)",
  () => {
    let stub: ResendStub;
    let resend: Transport;
    let releaseLock: () => Promise<void>;
    let child: ChildProcessWithoutNullStreams;
    let childLines: AsyncIterator<string>;
    let childErrors = "";

    beforeAll(async () => {
      releaseLock = await holdDispatchLock();
      ({ stub, resend } = await stubbedResend());
      process.env.EMAIL_SEND_TIMEOUT_MS = "150";
      // `node --import tsx` with the server-only hook, as the worker script runs.
      child = spawn(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "tests/support/dispatch-worker.ts"], {
        cwd: path.resolve(__dirname, ".."),
        env: process.env,
      });
      child.stderr.on("data", (chunk) => (childErrors += chunk));
      childLines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      expect((await childLines.next()).value, childErrors).toBe("ready");
    }, 120_000);

    afterAll(async () => {
      child?.stdin.end();
      if (child && child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
      await stub?.stop();
      await releaseLock?.();
      delete process.env.EMAIL_SEND_TIMEOUT_MS;
      setClock(null);
    });

    /** One pass of the child's dispatcher at `at`; what it was told was accepted is added to `accepted`. */
    async function childPass(at: Date, accepted: Map<string, number>): Promise<DispatchStats> {
      child.stdin.write(`${at.toISOString()}\n`);
      const { value, done } = await childLines.next();
      if (done) throw new Error(`dispatch worker exited: ${childErrors}`);
      const pass = JSON.parse(value) as { stats: DispatchStats; accepted: Record<string, number> };
      for (const [id, n] of Object.entries(pass.accepted)) accepted.set(id, (accepted.get(id) ?? 0) + n);
      return pass.stats;
    }

    it(`sends each of ${EMAILS} emails exactly once with four dispatchers and 30 % of calls failing`, async () => {
      const { organizationId } = await makeOrg("Concurrent outbox");
      const ids = await queueEmails(EMAILS, AT, organizationId);
      stub.fault = randomFaults(0.3, [{ status: 500 }, { status: 429, retryAfter: 1 }, { hang: true }], 7);

      const { transport, accepted } = countAccepted(resend); // shared by the three loops here; the child adds its own
      const sentBy = [0, 0, 0, 0]; // three loops in this process, then the child
      let passes = 0;
      for (let clock = AT; passes < 40; clock = addMinutes(clock, 11)) {
        passes++;
        setClock(clock);
        const loop = () => drainOutbox({ policy: interviewDelivery, transport, budgetMs: 60_000 });
        const stats = await Promise.all([loop(), loop(), loop(), childPass(clock, accepted)]);
        stats.forEach((s, i) => (sentBy[i]! += s.sent));
        if ((await emailRows(ids)).every((row) => row.status !== EmailStatus.PENDING)) break;
      }

      const rows = await emailRows(ids);
      expect(rows.filter((row) => row.status !== EmailStatus.SENT).map((row) => [row.id, row.status, row.lastError])).toEqual([]);
      // Each email accepted exactly once: one provider message under its own id, and one acceptance
      // reported back to all four dispatchers together.
      for (const row of rows) expect(row.providerMessageId).toBe(stub.messages.get(row.id));
      const notOnce = ids.filter((id) => accepted.get(id) !== 1);
      expect(notOnce.map((id) => [id, accepted.get(id) ?? 0, stub.requestsFor(id).map((r) => r.outcome)])).toEqual([]);
      expect(sentBy[3], "the child process's dispatcher sent some").toBeGreaterThan(0);
      const requests = ids.flatMap((id) => stub.requestsFor(id)).length;
      console.log(`outbox concurrency: ${EMAILS} emails, ${requests} requests, sent by [${sentBy.join(", ")}] over ${passes} passes`);
    }, 60_000);
  },
);
