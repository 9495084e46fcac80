import "server-only";
import { db } from "@/lib/db";

/*
 * Pacing sends to the provider's rate limit. Resend allows a team N requests per second across all
 * its API keys; a dispatcher that finds the limit by hitting it spends most of its requests on 429s
 * and waits whole seconds (retry-after is in seconds) after each. Instead every send first reserves
 * a slot: one row per transport holds the next moment a send may start, and each reservation moves
 * it on by 1/N s. The row is in the database because the budget is shared by every instance and
 * worker. Times are the database's clock (clock_timestamp(), in UTC like every stored time), so
 * instances whose clocks disagree still space their sends correctly, and a test's frozen
 * application clock does not stall sending.
 */

/**
 * Sends are spaced this much wider than 1/N s: requests leave on time but reach the provider after a
 * variable network delay, and two that arrive closer than 1/N s apart can both land in one window.
 */
export const SLOT_HEADROOM = 0.02;

/** Milliseconds between two sends at `ratePerSecond`. */
export function slotSpacingMs(ratePerSecond: number): number {
  return (1000 / ratePerSecond) * (1 + SLOT_HEADROOM);
}

/**
 * Reserves the next send slot of `transport` and returns how long to wait for it (0: go now).
 * A slot is never reserved further back than "now", so an idle period does not bank a burst.
 */
export async function reserveSendSlot(transport: string, ratePerSecond: number): Promise<number> {
  const prisma = await db();
  const spacing = slotSpacingMs(ratePerSecond);
  const [row] = await prisma.$queryRaw<Array<{ waitMs: number }>>`
    INSERT INTO "EmailSendPace" AS p (transport, "nextSlotAt")
    VALUES (${transport}, (clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${spacing / 1000}::float8))
    ON CONFLICT (transport) DO UPDATE
      SET "nextSlotAt" = GREATEST(p."nextSlotAt", clock_timestamp() AT TIME ZONE 'UTC') + make_interval(secs => ${spacing / 1000}::float8)
    RETURNING GREATEST(0, EXTRACT(EPOCH FROM (p."nextSlotAt" - (clock_timestamp() AT TIME ZONE 'UTC'))) * 1000 - ${spacing}::float8)::float8 AS "waitMs"`;
  // Rounded: the column keeps milliseconds, so a slot "now" can read as a fraction of one ahead.
  return Math.round(Number(row?.waitMs ?? 0));
}

/** Waits for a reserved slot. */
export function waitForSlot(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
