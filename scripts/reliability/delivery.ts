// Scheduling over HTTP, waiting for the outbox, and judging what the Resend stub received against
// what the database says: every invitation accepted exactly once, by key and by recipient.
import { randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { db } from "@/lib/db";
import { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import { sleep } from "../support/harness";
import type { Server } from "../support/processes";
import type { ResendEmailBody, ResendStub, StubRequest } from "../support/resend-stub";
import type { Candidate, Seeded } from "./setup";

export interface Invitation {
  /** The outbox id: Resend's idempotency key. */
  id: string;
  interviewId: string;
  to: string;
}

export interface ScheduleRun {
  invitations: Invitation[];
  failures: string[];
  /** Per request, ms. */
  latencies: number[];
  startedAt: number;
  finishedAt: number;
  perServer: Record<string, number>;
}

/**
 * Schedules one interview per candidate over HTTP (POST /api/test/schedule), candidate i through
 * servers[i % n], at most `concurrency` requests in flight; then reads each interview's invitation.
 */
export async function scheduleThrough(servers: Server[], seeded: Seeded, candidates: Candidate[], concurrency = 8): Promise<ScheduleRun> {
  const scheduledAt = addDays(new Date(), 2).toISOString(); // reminders are planned, none is due during the run
  const interviewIds: string[] = [];
  const failures: string[] = [];
  const latencies: number[] = [];
  const perServer: Record<string, number> = {};
  const startedAt = Date.now();
  let next = 0;
  const lane = async () => {
    while (next < candidates.length) {
      const i = next++;
      const server = servers[i % servers.length]!;
      const started = performance.now();
      try {
        const res = await fetch(`${server.url}/api/test/schedule`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            organizationId: seeded.organizationId,
            userId: seeded.userId,
            jobId: seeded.jobId,
            candidateId: candidates[i]!.id,
            requestToken: randomUUID(),
            scheduledAt,
          }),
        });
        const body = await res.text();
        if (res.status !== 201) {
          failures.push(`${server.name}: ${res.status} ${body.slice(0, 200)}`);
          continue;
        }
        interviewIds.push((JSON.parse(body) as { interviewId: string }).interviewId);
        perServer[server.name] = (perServer[server.name] ?? 0) + 1;
      } catch (error) {
        failures.push(`${server.name}: ${(error as Error).message}`);
      } finally {
        latencies.push(performance.now() - started);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  const finishedAt = Date.now();
  return { invitations: await invitationsOf(interviewIds), failures, latencies, startedAt, finishedAt, perServer };
}

/** The invitation rows of these interviews. */
export async function invitationsOf(interviewIds: string[]): Promise<Invitation[]> {
  const prisma = await db();
  const rows = await prisma.outboxEmail.findMany({
    where: { interviewId: { in: interviewIds }, kind: EmailKind.INVITATION },
    select: { id: true, interviewId: true, toEmail: true },
  });
  return rows.map((r) => ({ id: r.id, interviewId: r.interviewId!, to: r.toEmail }));
}

/** Outbox status counts of these rows. */
export async function statesOf(ids: string[]): Promise<Record<string, number>> {
  const prisma = await db();
  const groups = await prisma.outboxEmail.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** Polls until every row is SENT (returns Date.now() then) or the timeout passes (null). */
export async function waitUntilSent(ids: string[], timeoutMs: number): Promise<number | null> {
  const prisma = await db();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const sent = await prisma.outboxEmail.count({ where: { id: { in: ids }, status: EmailStatus.SENT } });
    if (sent === ids.length) return Date.now();
    await sleep(200);
  }
  return null;
}

/** The address in a Resend `to` entry (`"Name" <a@b>` or `a@b`). */
export function addressOf(to: string): string {
  return (/<([^>]+)>/.exec(to)?.[1] ?? to).trim().toLowerCase();
}

export const recipientsOf = (body: ResendEmailBody) => (body.to ?? []).map(addressOf);

/** The provider took the email: answered 2xx, or (a hang with accept) kept it and never answered. */
const tookIt = (r: StubRequest) => r.outcome === "accepted" || r.outcome === "replayed" || r.outcome === "hang";

export interface Audit {
  expected: number;
  /** Emails the provider holds (one message id per idempotency key). */
  delivered: number;
  /** First acceptances per key: must be exactly one each. */
  accepted: number;
  /** Sends of a key the provider already held, answered with the same message (the idempotency key at work). */
  replayed: number;
  /** Keys the provider took more than once, or recipients with more than one message. */
  duplicates: number;
  lost: number;
  /** Every request to the stub for these keys, by outcome. */
  outcomes: Record<string, number>;
  /** Outbox attempts per row (after the run). */
  attemptsMax: number;
  attemptsTotal: number;
  violations: string[];
}

/**
 * Judges one scenario: each invitation accepted exactly once (by key: one message id and one
 * first acceptance; by recipient: one message), nothing lost, and the database agreeing (SENT,
 * the provider's message id, the link's key scrubbed). Replays are resends the provider caught by
 * the idempotency key: allowed only where the scenario makes them (a send whose answer was lost).
 */
export async function audit(stub: ResendStub, invitations: Invitation[], { allowReplays = false } = {}): Promise<Audit> {
  const violations: string[] = [];
  const byKey = new Map<string, StubRequest[]>();
  for (const r of stub.requests) if (r.key) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
  const outcomes: Record<string, number> = {};
  let accepted = 0;
  let replayed = 0;
  let duplicates = 0;
  let lost = 0;
  let delivered = 0;
  for (const inv of invitations) {
    const requests = byKey.get(inv.id) ?? [];
    for (const r of requests) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
    // The stub answers a key it already holds with "replayed" (or, still faulted, "hang"): the first take
    // is the acceptance, every later one a resend. A second "accepted" would mean the key was not honoured.
    let first = 0;
    let again = 0;
    for (const r of requests.filter(tookIt)) {
      if (r.outcome === "accepted" || first === 0) first++;
      else again++;
    }
    accepted += Math.min(first, 1);
    replayed += again;
    if (stub.messages.has(inv.id)) delivered++;
    else {
      lost++;
      violations.push(`lost: ${inv.to} (${inv.id}) never accepted; requests: ${requests.map((r) => r.outcome).join(", ") || "none"}`);
    }
    if (first > 1) {
      duplicates++;
      violations.push(`accepted ${first} times: ${inv.to} (${inv.id})`);
    }
    if (again > 0 && !allowReplays) violations.push(`sent again after the provider had accepted it (${again}×, caught by the idempotency key): ${inv.to} (${inv.id})`);
  }

  // By recipient, over all traffic: each of these addresses holds exactly one message.
  const wanted = new Set(invitations.map((i) => i.to.toLowerCase()));
  const messagesTo = new Map<string, Set<string>>();
  for (const r of stub.requests) {
    if (!tookIt(r) || !r.key) continue;
    for (const to of recipientsOf(r.body)) {
      if (!wanted.has(to)) continue;
      messagesTo.set(to, (messagesTo.get(to) ?? new Set()).add(stub.messages.get(r.key)!));
    }
  }
  for (const to of wanted) {
    const n = messagesTo.get(to)?.size ?? 0;
    if (n > 1) {
      duplicates++;
      violations.push(`${to} received ${n} different messages`);
    }
  }

  const prisma = await db();
  const rows = await prisma.outboxEmail.findMany({
    where: { id: { in: invitations.map((i) => i.id) } },
    select: { id: true, status: true, providerMessageId: true, secret: true, attempts: true },
  });
  let attemptsMax = 0;
  let attemptsTotal = 0;
  for (const row of rows) {
    attemptsMax = Math.max(attemptsMax, row.attempts);
    attemptsTotal += row.attempts;
    if (row.status !== EmailStatus.SENT) violations.push(`outbox row ${row.id} is ${row.status}, not SENT`);
    else if (row.providerMessageId !== (stub.messages.get(row.id) ?? null)) violations.push(`outbox row ${row.id} records message ${row.providerMessageId}, the provider holds ${stub.messages.get(row.id)}`);
    if (row.secret !== null) violations.push(`outbox row ${row.id} still stores its link's key`);
  }
  if (rows.length !== invitations.length) violations.push(`${invitations.length - rows.length} outbox rows missing`);

  return { expected: invitations.length, delivered, accepted, replayed, duplicates, lost, outcomes, attemptsMax, attemptsTotal, violations };
}

/** Requests that carried no key or a key outside `known` (nothing but the runs' invitations may be sent). */
export function strayRequests(stub: ResendStub, known: Set<string>): StubRequest[] {
  return stub.requests.filter((r) => !r.key || !known.has(r.key));
}
