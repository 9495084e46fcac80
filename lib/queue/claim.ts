import "server-only";
import { addMilliseconds } from "date-fns";
import { Prisma } from "@/lib/generated/prisma/client";

// The machinery the email outbox, the webhook sender, Greenhouse's callbacks and the transcriber share: a queue table whose rows are
// PENDING until due (nextAttemptAt), SENDING while one sender holds them (leaseUntil), and whose
// outcome only the claimer records (it matches on the attempts count it claimed with).

/** Tables that are queues in this sense (the name is spliced into SQL, so it is never free text). */
export type QueueTable = "OutboxEmail" | "WebhookDelivery" | "GreenhouseCallback" | "Transcript";

/** A queue's two claimable states: waiting for its time, and held by a worker. The senders' are PENDING and SENDING. */
export interface QueueStates {
  waiting: "PENDING" | "QUEUED";
  working: "SENDING" | "PROCESSING";
}
const SENDER_STATES: QueueStates = { waiting: "PENDING", working: "SENDING" };

/** Anything that runs raw SQL: the Prisma client or a transaction. */
interface RawRunner {
  $queryRaw<T = unknown>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

/**
 * Claims up to `limit` due rows in one short statement — PENDING and due, or SENDING with a lease
 * that ran out (its sender died) — with FOR UPDATE SKIP LOCKED, so any number of senders can run at
 * once without taking the same row. Each claimed row is SENDING, leased until `at + leaseMs`, with
 * its attempts counted up. `returning` lists what to read back, with the table aliased as `q`.
 */
export function claimDue<T>(
  client: RawRunner,
  {
    table,
    at,
    leaseMs,
    limit,
    returning,
    where = Prisma.empty,
    states = SENDER_STATES,
  }: { table: QueueTable; at: Date; leaseMs: number; limit: number; returning: Prisma.Sql; where?: Prisma.Sql; states?: QueueStates },
): Promise<T[]> {
  const name = Prisma.raw(`"${table}"`);
  const { waiting, working } = states;
  return client.$queryRaw<T[]>(Prisma.sql`
    UPDATE ${name} AS q
    SET status = ${Prisma.raw(`'${working}'`)}, "leaseUntil" = ${addMilliseconds(at, leaseMs)}, attempts = q.attempts + 1, "updatedAt" = ${at}
    FROM (
      SELECT id FROM ${name}
      WHERE ((status = ${Prisma.raw(`'${waiting}'`)} AND "nextAttemptAt" <= ${at}) OR (status = ${Prisma.raw(`'${working}'`)} AND "leaseUntil" < ${at})) ${where}
      ORDER BY "nextAttemptAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE q.id = due.id
    RETURNING ${returning}`);
}
