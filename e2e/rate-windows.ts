import { expect } from "@playwright/test";

/**
 * Rate limits count per wall-clock minute: a spec that runs up a budget starts early in a minute,
 * so its requests do not straddle two windows (a run takes a second or two; this waits at most 20 s).
 */
export async function earlyInAMinute() {
  await expect.poll(() => Date.now() % 60_000 < 40_000, { timeout: 25_000, intervals: [500] }).toBe(true);
}

const minuteNow = () => Math.floor(Date.now() / 60_000);

/**
 * Runs `work` (requests that run up a budget) inside one wall-clock minute: started early in one,
 * and, should a loaded machine make it straddle the next (the budget starting again part-way), run
 * once more from the start of a minute none of its requests reached.
 */
export async function inOneMinute<T>(work: () => Promise<T>): Promise<T> {
  await earlyInAMinute();
  const started = minuteNow();
  const result = await work();
  if (minuteNow() === started) return result;
  await expect.poll(minuteNow, { timeout: 61_000, intervals: [500] }).toBeGreaterThan(started + 1);
  return work();
}
