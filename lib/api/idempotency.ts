import "server-only";
import { createHash } from "node:crypto";
import { subHours } from "date-fns";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** How long a POST's response is kept for replay under its Idempotency-Key (as Stripe's). */
export const IDEMPOTENCY_HOURS = 24;
/** Keys are client-chosen strings (UUIDs, usually); anything longer is refused. */
export const IDEMPOTENCY_KEY_MAX = 255;

export type IdempotencyStart =
  | { state: "fresh" }
  | { state: "replay"; status: number; body: unknown }
  | { state: "mismatch" }
  | { state: "in_progress" };

/** What identifies a request for its key: method, path and body (the same key with another body is a 409). */
export function requestFingerprint(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method}\n${path}\n${body}`).digest("hex");
}

/**
 * Claims `key` for this request, or says what an earlier request with it did: its stored response
 * (replayed), a different request (mismatch) or one still running (in_progress). A key older than
 * IDEMPOTENCY_HOURS is free again. The insert is the claim, so two requests racing with one key
 * see one "fresh".
 */
export async function startIdempotent(apiKeyId: string, key: string, fingerprint: string): Promise<IdempotencyStart> {
  const prisma = await db();
  const at = now();
  const stale = subHours(at, IDEMPOTENCY_HOURS);
  // A stale record of this key gives way to the new request.
  await prisma.apiIdempotencyKey.deleteMany({ where: { apiKeyId, key, createdAt: { lte: stale } } });
  const claimed = await prisma.$executeRaw`
    INSERT INTO "ApiIdempotencyKey" ("apiKeyId", key, "requestHash", "createdAt") VALUES (${apiKeyId}, ${key}, ${fingerprint}, ${at})
    ON CONFLICT ("apiKeyId", key) DO NOTHING`;
  if (claimed === 1) return { state: "fresh" };
  const earlier = await prisma.apiIdempotencyKey.findUnique({ where: { apiKeyId_key: { apiKeyId, key } }, select: { requestHash: true, responseStatus: true, responseBody: true } });
  // Gone in between (its request failed and let the key go): this one may try.
  if (!earlier) return startIdempotent(apiKeyId, key, fingerprint);
  if (earlier.requestHash !== fingerprint) return { state: "mismatch" };
  if (earlier.responseStatus === null) return { state: "in_progress" };
  return { state: "replay", status: earlier.responseStatus, body: earlier.responseBody };
}

/** Stores the response a claimed key's request gave, for replays. */
export async function finishIdempotent(apiKeyId: string, key: string, status: number, body: unknown): Promise<void> {
  const prisma = await db();
  await prisma.apiIdempotencyKey.updateMany({
    where: { apiKeyId, key, responseStatus: null },
    data: { responseStatus: status, responseBody: body === undefined || body === null ? Prisma.JsonNull : (body as Prisma.InputJsonValue) },
  });
}

/** Lets a key go when its request failed unexpectedly, so the client's retry runs it afresh. */
export async function releaseIdempotent(apiKeyId: string, key: string): Promise<void> {
  const prisma = await db();
  await prisma.apiIdempotencyKey.deleteMany({ where: { apiKeyId, key, responseStatus: null } });
}

/** Drops records past their replay window (the background round calls this). */
export async function pruneIdempotencyKeys(): Promise<void> {
  const prisma = await db();
  await prisma.apiIdempotencyKey.deleteMany({ where: { createdAt: { lte: subHours(now(), IDEMPOTENCY_HOURS) } } });
}
