import "server-only";
import { db } from "@/lib/db";

/**
 * Fixed-window counters in the database, so every instance shares them (process memory would
 * let a client multiply its budget by the number of servers).
 */
export async function countInWindow(key: string, windowSeconds: number, at: Date): Promise<number> {
  const prisma = await db();
  // SQL, not findUnique: every portal request reads this, and Prisma 6 compiles each query anew (see README, Benchmarks).
  const [row] = await prisma.$queryRaw<Array<{ count: number }>>`
    SELECT count FROM "RateLimitWindow" WHERE key = ${key} AND "windowStart" = ${windowStart(at, windowSeconds)}`;
  return Number(row?.count ?? 0);
}

/** Adds one to the key's current window and returns the new count. */
export async function hit(key: string, windowSeconds: number, at: Date): Promise<number> {
  const prisma = await db();
  const [{ count }] = await prisma.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "RateLimitWindow" (key, "windowStart", count) VALUES (${key}, ${windowStart(at, windowSeconds)}, 1)
    ON CONFLICT (key, "windowStart") DO UPDATE SET count = "RateLimitWindow".count + 1
    RETURNING count`;
  return Number(count);
}

/** Drops windows older than `before` (the sweep calls this). */
export async function pruneRateLimits(before: Date): Promise<void> {
  const prisma = await db();
  await prisma.rateLimitWindow.deleteMany({ where: { windowStart: { lt: before } } });
}

function windowStart(at: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}
