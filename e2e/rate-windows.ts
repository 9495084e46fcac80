import { expect } from "@playwright/test";

/**
 * Rate limits count per wall-clock minute: a spec that runs up a budget starts early in a minute,
 * so its requests do not straddle two windows (a run takes a second or two; this waits at most 20 s).
 */
export async function earlyInAMinute() {
  await expect.poll(() => Date.now() % 60_000 < 40_000, { timeout: 25_000, intervals: [500] }).toBe(true);
}
