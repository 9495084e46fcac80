// In-process measurements against the same PostgreSQL: scheduling, rendering, the dispatcher.
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { interviewDelivery } from "@/lib/interviews/delivery";
import { percentile, sleep } from "../support/harness";
import { rollingRateLimit, startResendStub } from "../support/resend-stub";
import type { Seeded } from "./setup";

export async function benchSchedule(seeded: Seeded, calls = 1_000) {
  const { scheduleInterview } = await import("@/lib/interviews/recruiter/schedule");
  const { db } = await import("@/lib/db");
  const { orgId, userId, jobId, candidateIds } = seeded.scheduler;
  const by = { userId, organizationId: orgId };
  const input = (i: number) => ({
    candidate: { id: candidateIds[i % candidateIds.length]! },
    jobId,
    scheduledAt: new Date(Date.now() + (2 + (i % 500)) * 24 * 3600_000),
    durationMinutes: 30,
    notes: "",
    requestToken: randomUUID(),
  });
  for (let i = 0; i < 20; i++) await scheduleInterview(by, input(i)); // warm-up: connections, JIT, templates
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    const { created } = await scheduleInterview(by, input(20 + i));
    times.push(performance.now() - started);
    if (!created) throw new Error("scheduleInterview did not create an interview");
  }
  // Their invitations and reminders must not be drained by the dispatcher run that follows.
  const prisma = await db();
  await prisma.outboxEmail.updateMany({ where: { organizationId: orgId, status: "PENDING" }, data: { status: "CANCELLED", lastError: "bench" } });
  times.sort((a, b) => a - b);
  return { calls, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)! };
}

export async function benchRender(renders = 500) {
  const { renderEmail, previewMessage } = await import("@/lib/email/templates");
  const message = previewMessage("interview-invitation");
  for (let i = 0; i < 30; i++) await renderEmail(message);
  const times: number[] = [];
  for (let i = 0; i < renders; i++) {
    const started = performance.now();
    await renderEmail(message);
    times.push(performance.now() - started);
  }
  return { renders, median: percentile(times, 50), p95: percentile(times, 95), nodeEnv: process.env.NODE_ENV };
}

/**
 * Queues `count` emails in a dedicated organisation and drains them the way `npm run worker` does
 * (drainOutbox, then 1 s idle) against the Resend stub limited to `ratePerSecond`.
 */
export async function benchDispatcher({ count = 2_000, ratePerSecond = 5, budgetMs = 480_000 } = {}) {
  const { db } = await import("@/lib/db");
  const { renderEmail, previewMessage } = await import("@/lib/email/templates");
  const { enqueueEmail } = await import("@/lib/email/outbox");
  const prisma = await db();

  const orgId = "org_dispatch";
  await prisma.organization.create({ data: { id: orgId, name: "Bench dispatcher" } });
  const rendered = await renderEmail(previewMessage("interview-invitation"));
  for (let start = 0; start < count; start += 500) {
    await prisma.$transaction(async (tx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        await enqueueEmail(tx, { organizationId: orgId, kind: "TEAM_INVITE", toEmail: `bench${i}@dispatch.bench`, toName: `Bench ${i}`, ...rendered });
      }
    });
  }

  return drainToStub({ where: { organizationId: orgId }, count, ratePerSecond, budgetMs });
}

/**
 * Drains the outbox the way `npm run worker` does (drainOutbox, then 1 s idle) against the Resend
 * stub limited to `ratePerSecond` until the `count` emails matching `where` are out, and measures
 * how close to that rate they went, and whether any was lost or sent twice.
 */
export async function drainToStub({ where, count, ratePerSecond, budgetMs }: { where: { organizationId: string; kind?: "INVITATION" }; count: number; ratePerSecond: number; budgetMs: number }) {
  const { db } = await import("@/lib/db");
  const { drainOutbox } = await import("@/lib/email/dispatcher");
  const { resendTransport } = await import("@/lib/email/transports");
  const prisma = await db();
  const stub = await startResendStub();
  const limit = rollingRateLimit(ratePerSecond);
  stub.fault = limit.fault;
  process.env.RESEND_BASE_URL = stub.url;
  // Paced at the limit the stub enforces, as a deployment sets EMAIL_RATE_PER_SECOND to its team's.
  const transport = resendTransport("re_bench", ratePerSecond);

  const mine = where;
  const started = Date.now();
  let rounds = 0;
  try {
    while (Date.now() - started < budgetMs) {
      await drainOutbox({ policy: interviewDelivery, budgetMs: 30_000, transport });
      rounds++;
      const open = await prisma.outboxEmail.count({ where: { ...mine, status: { in: ["PENDING", "SENDING"] } } });
      if (open === 0) break;
      await sleep(1_000); // scripts/worker.ts: WORKER_IDLE_MS
    }
  } finally {
    await stub.stop();
  }
  const byStatus = Object.fromEntries(
    (await prisma.outboxEmail.groupBy({ by: ["status"], where: mine, _count: { _all: true } })).map((g) => [g.status, g._count._all]),
  ) as Record<string, number>;
  const ids = (await prisma.outboxEmail.findMany({ where: mine, select: { id: true, status: true, attempts: true } }));
  const sentIds = ids.filter((r) => r.status === "SENT").map((r) => r.id);
  const acceptedKeys = new Set(stub.messages.keys());
  const duplicated = [...stub.accepts.values()].filter((n) => n > 1).length;
  const lostSent = sentIds.filter((id) => !acceptedKeys.has(id)).length; // marked SENT, never accepted
  const failed = byStatus.FAILED ?? 0;
  const sent = byStatus.SENT ?? 0;
  const elapsedS = (limit.lastAcceptAt() - started) / 1000;
  const outcomes: Record<string, number> = {};
  for (const r of stub.requests) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const attempts = ids.map((r) => r.attempts).sort((a, b) => a - b);
  return {
    count,
    ratePerSecond,
    sent,
    pending: (byStatus.PENDING ?? 0) + (byStatus.SENDING ?? 0),
    failed,
    lost: lostSent + failed,
    duplicated,
    elapsedS,
    fraction: sent / (elapsedS * ratePerSecond),
    finished: sent === count,
    rounds,
    stubRequests: stub.requests.length,
    outcomes,
    maxAttempts: attempts.at(-1) ?? 0,
    medianAttempts: attempts.length ? percentile(attempts, 50) : 0,
  };
}
