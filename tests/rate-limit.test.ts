import { randomUUID } from "node:crypto";
import { addSeconds } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countInWindow, hit, pruneRateLimits } from "@/lib/rate-limit";

// Windows in 1999-2000, far before anything the app (or another test) counts, because
// pruneRateLimits deletes every key's old windows on a shared PostgreSQL: pruning before 2000
// can only remove rows this file wrote. Every test has its own keys.
const W = new Date("2000-01-01T00:00:00.000Z"); // a window boundary for any window length dividing a day
const WINDOW = 60;
const key = (label: string) => `test:${label}:${randomUUID()}`;

// Opening (and, on PGlite, migrating) the database belongs to the hook's longer timeout.
beforeAll(async () => {
  await db();
});

describe("hit and countInWindow", () => {
  it("counts 1, 2, 3 within one window, stored under the window's start", async () => {
    const k = key("one-window");
    expect(await countInWindow(k, WINDOW, W)).toBe(0);
    expect([await hit(k, WINDOW, W), await hit(k, WINDOW, addSeconds(W, 30)), await hit(k, WINDOW, addSeconds(W, 59))]).toEqual([1, 2, 3]);
    expect(await countInWindow(k, WINDOW, addSeconds(W, 59))).toBe(3);
    expect(await countInWindow(k, WINDOW, W)).toBe(3);

    const prisma = await db();
    expect(await prisma.rateLimitWindow.findMany({ where: { key: k }, select: { windowStart: true, count: true } })).toEqual([{ windowStart: W, count: 3 }]);
  });

  it("starts a new window at 1, and counts each window and each key apart", async () => {
    const k = key("two-windows");
    const other = key("other");
    await hit(k, WINDOW, addSeconds(W, 10));
    await hit(k, WINDOW, addSeconds(W, 20));
    await hit(other, WINDOW, addSeconds(W, 20));
    expect(await hit(k, WINDOW, addSeconds(W, 60))).toBe(1);
    expect(await hit(k, WINDOW, addSeconds(W, 119))).toBe(2);
    expect(await countInWindow(k, WINDOW, addSeconds(W, 59))).toBe(2);
    expect(await countInWindow(k, WINDOW, addSeconds(W, 60))).toBe(2);
    expect(await countInWindow(k, WINDOW, addSeconds(W, 120))).toBe(0);
    expect(await countInWindow(other, WINDOW, W)).toBe(1);
    expect(await countInWindow(key("never-hit"), WINDOW, W)).toBe(0);
  });

  it("20 concurrent hits on one key → exactly 20, each caller seeing a different count", async () => {
    const k = key("concurrent");
    const counts = await Promise.all(Array.from({ length: 20 }, () => hit(k, WINDOW, addSeconds(W, 5))));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await countInWindow(k, WINDOW, W)).toBe(20);
  });
});

describe("pruneRateLimits", () => {
  it("removes windows that started before the cut-off and keeps the rest", async () => {
    const k = key("prune");
    const old = addSeconds(W, -120); // 1999-12-31T23:58
    const previous = addSeconds(W, -60); // the window right before the cut-off
    await hit(k, WINDOW, old);
    await hit(k, WINDOW, previous);
    await hit(k, WINDOW, W);
    await hit(k, WINDOW, addSeconds(W, 60));

    await pruneRateLimits(W);
    expect(await countInWindow(k, WINDOW, old)).toBe(0);
    expect(await countInWindow(k, WINDOW, previous)).toBe(0);
    expect(await countInWindow(k, WINDOW, W)).toBe(1);
    expect(await countInWindow(k, WINDOW, addSeconds(W, 60))).toBe(1);
  });
});
