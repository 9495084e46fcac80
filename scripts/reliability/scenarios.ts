// The three runs of issue #6: two instances on one database, a kill -9 between commit and send,
// and a provider outage. Each returns its figures and the invariants it saw broken.
import { db } from "@/lib/db";
import { EmailStatus } from "@/lib/generated/prisma/enums";
import { percentile, sleep } from "../support/harness";
import { startServer, type Proc, type Server } from "../support/processes";
import type { ResendStub } from "../support/resend-stub";
import { audit, recipientsOf, scheduleThrough, statesOf, waitUntilSent, type Audit, type Invitation } from "./delivery";
import { startWorker, workerSent } from "./processes";
import { deliveryStates, waitUntilReceived, watchWebhooks } from "./webhooks";
import type { Seeded } from "./setup";

export interface Context {
  databaseUrl: string;
  stub: ResendStub;
  seeded: Seeded;
  /** Servers listen on portBase + 1, + 2, + 3. */
  portBase: number;
  /** The provider's limit (requests in any rolling second), which every process is told to keep to. */
  providerRate: number;
  /** The stub's fault function enforcing it: what `fault` goes back to after a scenario's own faults. */
  providerLimit: NonNullable<ResendStub["fault"]>;
  /** Every process started, so the runner can stop what is left on the way out. */
  procs: Set<Proc>;
  log(...parts: unknown[]): void;
}

export interface Result {
  name: string;
  proves: string;
  audit: Audit;
  /** Ordered figures for the table. */
  figures: Array<[string, string]>;
  violations: string[];
}

const AUTH_SECRET = "kairos-reliability-secret-0123456789abcdef";
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function serverEnv(ctx: Context, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: ctx.databaseUrl,
    DATABASE_POOL_SIZE: "5",
    AUTH_SECRET,
    RESEND_API_KEY: "re_reliability",
    RESEND_BASE_URL: ctx.stub.url,
    EMAIL_FROM: "Kairos <interviews@reliability.test>",
    EMAIL_RATE_PER_SECOND: String(ctx.providerRate),
    KAIROS_TEST_HOOKS: "1",
    // One organisation schedules 710 interviews, three emails each (invitation, two reminders):
    // past the default daily cap on emails to outsiders (1,000), which is not what these runs test.
    KAIROS_ORG_EMAILS_PER_DAY: "100000",
    // As README's multi-instance advice: workers send in the background, servers only on after().
    OUTBOX_POLL_MS: "0",
    // The crash run's webhook receiver listens on 127.0.0.1 over http.
    KAIROS_WEBHOOKS_ALLOW_LOOPBACK: "1",
    ...extra,
  };
}

async function server(ctx: Context, name: string, offset: number, extra: Record<string, string> = {}): Promise<Server> {
  const started = Date.now();
  const proc = await startServer({ name, port: ctx.portBase + offset, env: serverEnv(ctx, extra) });
  ctx.procs.add(proc);
  ctx.log(`${name} answers on ${proc.url} (pid ${proc.pid}, ${s(Date.now() - started)})`);
  return proc;
}

async function worker(ctx: Context, name: string): Promise<Proc> {
  const proc = await startWorker(name, { DATABASE_URL: ctx.databaseUrl, DATABASE_POOL_SIZE: "3", RESEND_API_KEY: "re_reliability", RESEND_BASE_URL: ctx.stub.url, EMAIL_FROM: "Kairos <interviews@reliability.test>", EMAIL_RATE_PER_SECOND: String(ctx.providerRate) });
  ctx.procs.add(proc);
  ctx.log(`${name} started (pid ${proc.pid})`);
  return proc;
}

async function stopAll(ctx: Context, procs: Proc[]) {
  await Promise.all(procs.map((p) => p.stop()));
  for (const p of procs) ctx.procs.delete(p);
}

export interface Fleet {
  servers: Server[];
  workers: Proc[];
}

/** Two `next start` instances and a worker beside each, all on the one database. */
export async function startFleet(ctx: Context): Promise<Fleet> {
  const servers = [await server(ctx, "server A", 1), await server(ctx, "server B", 2)];
  const workers = [await worker(ctx, "worker A"), await worker(ctx, "worker B")];
  return { servers, workers };
}

export async function stopFleet(ctx: Context, fleet: Fleet) {
  await stopAll(ctx, [...fleet.servers, ...fleet.workers]);
}

function scheduleFailures(run: { failures: string[]; invitations: Invitation[] }, wanted: number): string[] {
  const v = run.failures.slice(0, 5).map((f) => `scheduling failed: ${f}`);
  if (run.failures.length > 5) v.push(`… and ${run.failures.length - 5} more scheduling failures`);
  if (run.invitations.length !== wanted) v.push(`${wanted} interviews requested, ${run.invitations.length} invitations in the outbox`);
  return v;
}

/** 1. Interviews scheduled alternately through two servers; servers' after() wakes and two workers all send. */
export async function twoInstances(ctx: Context, fleet: Fleet, count: number): Promise<Result> {
  const candidates = ctx.seeded.candidates.multi!.slice(0, count);
  ctx.log(`scheduling ${candidates.length} interviews alternately through ${fleet.servers.map((x) => x.name).join(" and ")} …`);
  const sentBefore = fleet.workers.map(workerSent);
  const run = await scheduleThrough(fleet.servers, ctx.seeded, candidates, 8);
  const ids = run.invitations.map((i) => i.id);
  ctx.log(`scheduled in ${s(run.finishedAt - run.startedAt)}; waiting for the outbox …`);
  const drained = await waitUntilSent(ids, 180_000);
  await sleep(3_000); // a few more worker rounds: a late duplicate would show up here
  const result = await audit(ctx.stub, run.invitations);
  const byWorkers = fleet.workers.map((w, i) => workerSent(w) - sentBefore[i]!);
  const figures: Array<[string, string]> = [
    ["interviews scheduled (HTTP 201)", `${run.invitations.length} of ${count} (${Object.entries(run.perServer).map(([k, v]) => `${k} ${v}`).join(", ")})`],
    ["scheduling", `${s(run.finishedAt - run.startedAt)}, 8 requests in flight; p50 ${percentile(run.latencies, 50).toFixed(0)} ms, p95 ${percentile(run.latencies, 95).toFixed(0)} ms`],
    ["all invitations sent", drained ? `${s(drained - run.startedAt)} after the first request, ${s(Math.max(0, drained - run.finishedAt))} after the last` : "**not within 180 s**"],
    ["sent by", `worker A ${byWorkers[0]}, worker B ${byWorkers[1]}, servers' after() wakes ${result.delivered - byWorkers[0]! - byWorkers[1]!}`],
  ];
  return {
    name: "two instances",
    proves: "two `next start` + two `npm run worker` on one PostgreSQL: each invitation sent once though four dispatchers compete for the rows",
    audit: result,
    figures,
    violations: [...scheduleFailures(run, count), ...(drained ? [] : ["not all invitations were sent within 180 s"]), ...result.violations],
  };
}

/** 3. The provider answers 503, then refuses connections, then recovers, while interviews keep being scheduled. */
export async function outage(ctx: Context, fleet: Fleet, count: number, outageMs: number): Promise<Result> {
  const candidates = ctx.seeded.candidates.outage!.slice(0, count);
  const firstRequest = ctx.stub.requests.length;
  ctx.log(`outage: the provider answers 503 for ${s(outageMs / 2)}, then refuses connections for ${s(outageMs / 2)}; scheduling ${count} interviews meanwhile …`);
  const down = Date.now();
  ctx.stub.fault = () => ({ status: 503 });
  const run = await scheduleThrough(fleet.servers, ctx.seeded, candidates, 4);
  await sleep(Math.max(0, down + outageMs / 2 - Date.now()));
  await ctx.stub.offline();
  await sleep(Math.max(0, down + outageMs - Date.now()));
  await ctx.stub.online();
  ctx.stub.clearFaults();
  ctx.stub.fault = ctx.providerLimit;
  const up = Date.now();
  const scheduledBeforeRecovery = run.finishedAt <= up;
  const ids = run.invitations.map((i) => i.id);
  const queuedAtRecovery = ids.length - ((await statesOf(ids))[EmailStatus.SENT] ?? 0);
  ctx.log(`provider back after ${s(up - down)}; ${queuedAtRecovery} invitations queued; waiting for the outbox …`);
  // Backoff doubles from 2 s with 50–100 % jitter, so a row's wait after its last failed attempt is
  // at most about twice the time it has been failing (capped at 10 minutes).
  const bound = Math.min(2 * outageMs + 2_000, 600_000) + 30_000;
  const drained = await waitUntilSent(ids, bound + 30_000);
  await sleep(3_000);
  const result = await audit(ctx.stub, run.invitations);
  const refused503 = ctx.stub.requests.slice(firstRequest).filter((r) => r.outcome === "503").length;
  const failedAttempts = result.attemptsTotal - result.delivered;
  const drainMs = drained === null ? null : drained - up;
  const figures: Array<[string, string]> = [
    ["outage", `${s(up - down)}: 503 (HTML) for the first half, connection refused for the second`],
    ["interviews scheduled during the outage", `${run.invitations.length} of ${count}${scheduledBeforeRecovery ? "" : " (**scheduling ran past the recovery**)"}; ${queuedAtRecovery} invitations queued at recovery`],
    ["failed attempts", `${failedAttempts} (${refused503} answered 503, ${failedAttempts - refused503} refused connections); attempts per email max ${result.attemptsMax}, mean ${(result.attemptsTotal / Math.max(1, result.expected)).toFixed(1)}`],
    ["all delivered after recovery", drainMs === null ? `**not within ${s(bound + 30_000)}**` : `${s(drainMs)} (bound: ${s(bound)} = min(2 × outage + 2 s, 10 min) + 30 s)`],
  ];
  const violations = [...scheduleFailures(run, count), ...result.violations];
  if (!scheduledBeforeRecovery) violations.push("scheduling was still running when the provider recovered: the outage run proves less than it says");
  if (drainMs === null) violations.push("not all invitations were delivered after the recovery");
  else if (drainMs > bound) violations.push(`drain after recovery took ${s(drainMs)}, over the ${s(bound)} bound`);
  return {
    name: "provider outage",
    proves: "emails queued while the provider is down (503, then refusing connections) are all delivered once after it recovers, within the stated time",
    audit: result,
    figures,
    violations,
  };
}

/**
 * 2. kill -9 between commit and send, twice: (a) the interviews committed, their invitations
 * PENDING and not yet tried (the post-commit wake held back); (b) the invitations claimed and one
 * being sent — the provider took it and the answer never came back. Each time the restarted server
 * sends every invitation, and the provider ends up holding each exactly once.
 */
export async function crash(ctx: Context, count: number): Promise<Result> {
  const prisma = await db();
  const violations: string[] = [];
  const figures: Array<[string, string]> = [];

  // (a) Killed after the commit, before the send — the invitations and the interview.scheduled webhooks.
  const hooks = await watchWebhooks(ctx.seeded.organizationId);
  let victim = await server(ctx, "server C", 3, { KAIROS_TEST_WAKE_DELAY_MS: "600000" });
  const runA = await scheduleThrough([victim], ctx.seeded, ctx.seeded.candidates.crash!.slice(0, count), 5);
  violations.push(...scheduleFailures(runA, count));
  const idsA = runA.invitations.map((i) => i.id);
  const before = await prisma.outboxEmail.findMany({ where: { id: { in: idsA } }, select: { status: true, attempts: true, sentAt: true } });
  const untouched = before.filter((r) => r.status === EmailStatus.PENDING && r.attempts === 0 && r.sentAt === null).length;
  const reachedStub = ctx.stub.requests.filter((r) => r.key && idsA.includes(r.key)).length;
  if (untouched !== idsA.length || reachedStub > 0) {
    violations.push(`before the kill, ${untouched} of ${idsA.length} invitations were committed and untried, and ${reachedStub} requests had reached the provider: the crash would prove nothing`);
  }
  const signalA = await victim.kill9();
  ctx.procs.delete(victim);
  if (signalA !== "SIGKILL") violations.push(`server C ended with ${signalA}, not SIGKILL`);
  const afterKill = await statesOf(idsA);
  const hooksAtKill = await deliveryStates(hooks.endpointId);
  if ((hooksAtKill.PENDING ?? 0) !== idsA.length || hooks.accepted.size > 0) {
    violations.push(`before the kill, webhooks ${JSON.stringify(hooksAtKill)} with ${hooks.accepted.size} received: the crash would prove nothing for them`);
  }
  ctx.log(`(a) killed server C (${signalA}) with ${untouched} committed, untried invitations; outbox now ${JSON.stringify(afterKill)}; webhooks ${JSON.stringify(hooksAtKill)}`);
  // A long send timeout keeps (b)'s hung sends in flight until the kill, however slow the machine.
  victim = await server(ctx, "server C (restarted)", 3, { OUTBOX_POLL_MS: "1000", EMAIL_SEND_TIMEOUT_MS: "30000" });
  const restartedA = Date.now();
  const drainedA = await waitUntilSent(idsA, 60_000);
  figures.push(["(a) killed after commit, before send", `${idsA.length} interviews committed through server C with the wake held back; at the kill ${untouched} invitations PENDING, never tried, 0 requests at the provider`]);
  figures.push(["(a) after restart", drainedA ? `all ${idsA.length} sent ${s(drainedA - restartedA)} after the restarted server answered (its poller)` : "**not all sent within 60 s**"]);
  if (!drainedA) violations.push("(a) not all invitations were sent within 60 s of the restart");
  const receivedA = await waitUntilReceived(hooks, idsA.length, 60_000);
  const twice = [...hooks.accepted.values()].filter((n) => n > 1).length;
  figures.push([
    "(a) webhooks",
    receivedA
      ? `at the kill ${hooksAtKill.PENDING ?? 0} interview.scheduled deliveries PENDING, 0 received; after restart all ${idsA.length} received and verified ${s(receivedA - restartedA)} after the restart (${twice} twice, ${hooks.badSignatures} bad signatures)`
      : `**${hooks.accepted.size} of ${idsA.length} interview.scheduled events received within 60 s**`,
  ]);
  if (!receivedA) violations.push("(a) not every interview.scheduled webhook was received within 60 s of the restart");
  if (hooks.badSignatures > 0) violations.push(`(a) ${hooks.badSignatures} webhook requests failed signature verification`);
  await hooks.stop();

  // (b) Killed mid-send: the provider keeps what it receives for these recipients and never answers.
  const candidatesB = ctx.seeded.candidates.midsend!.slice(0, count);
  const hangFor = new Set(candidatesB.map((c) => c.email.toLowerCase()));
  ctx.stub.fault = (request) => (recipientsOf(request.body).some((to) => hangFor.has(to)) ? { hang: true } : ctx.providerLimit(request));
  const runB = await scheduleThrough([victim], ctx.seeded, candidatesB, count);
  violations.push(...scheduleFailures(runB, count));
  const idsB = runB.invitations.map((i) => i.id);
  const hungAt = (() => {
    const deadline = Date.now() + 20_000; // inside the 30 s send timeout
    return async () => {
      while (Date.now() < deadline) {
        if (ctx.stub.requests.some((r) => r.outcome === "hang" && r.key && idsB.includes(r.key))) return true;
        await sleep(50);
      }
      return false;
    };
  })();
  if (!(await hungAt())) violations.push("(b) no invitation reached the provider before the kill");
  const statesB = await statesOf(idsB);
  const takenB = idsB.filter((id) => ctx.stub.messages.has(id)).length;
  const signalB = await victim.kill9();
  ctx.procs.delete(victim);
  if (signalB !== "SIGKILL") violations.push(`server C ended with ${signalB}, not SIGKILL`);
  ctx.stub.clearFaults();
  ctx.stub.fault = ctx.providerLimit;
  ctx.log(`(b) killed server C (${signalB}) mid-send: outbox ${JSON.stringify(statesB)}, ${takenB} taken by the provider without an answer`);
  victim = await server(ctx, "server C (restarted again)", 3, { OUTBOX_POLL_MS: "1000" });
  const restartedB = Date.now();
  const drainedB = await waitUntilSent(idsB, 120_000);
  await sleep(2_000);
  await victim.stop();
  ctx.procs.delete(victim);
  figures.push([
    "(b) killed mid-send",
    `${idsB.length} interviews through server C; at the kill ${Object.entries(statesB).map(([k, v]) => `${v} ${k}`).join(", ")}, ${takenB} already taken by the provider, its answer lost`,
  ]);
  figures.push(["(b) after restart", drainedB ? `all ${idsB.length} sent ${s(drainedB - restartedB)} after the restart (claimed rows wait for their 60 s lease)` : "**not all sent within 120 s**"]);
  if (!drainedB) violations.push("(b) not all invitations were sent within 120 s of the restart");

  const resultA = await audit(ctx.stub, runA.invitations);
  const resultB = await audit(ctx.stub, runB.invitations, { allowReplays: true });
  if (resultB.replayed > takenB) violations.push(`(b) ${resultB.replayed} resends for ${takenB} emails the provider had taken`);
  figures.push(["resends caught by the idempotency key", `${resultA.replayed} in (a), ${resultB.replayed} in (b) (the ${takenB} whose answer the kill lost)`]);
  const merged: Audit = {
    expected: resultA.expected + resultB.expected,
    delivered: resultA.delivered + resultB.delivered,
    accepted: resultA.accepted + resultB.accepted,
    replayed: resultA.replayed + resultB.replayed,
    duplicates: resultA.duplicates + resultB.duplicates,
    lost: resultA.lost + resultB.lost,
    outcomes: Object.fromEntries(
      [...new Set([...Object.keys(resultA.outcomes), ...Object.keys(resultB.outcomes)])].map((k) => [k, (resultA.outcomes[k] ?? 0) + (resultB.outcomes[k] ?? 0)]),
    ),
    attemptsMax: Math.max(resultA.attemptsMax, resultB.attemptsMax),
    attemptsTotal: resultA.attemptsTotal + resultB.attemptsTotal,
    violations: [...resultA.violations, ...resultB.violations],
  };
  return {
    name: "crash (kill -9)",
    proves: "an interview whose server dies right after the commit still gets its invitation, once: (a) before any send, (b) during the send",
    audit: merged,
    figures,
    violations: [...violations, ...merged.violations],
  };
}
