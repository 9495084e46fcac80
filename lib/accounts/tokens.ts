import "server-only";
import { addMinutes } from "date-fns";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashToken, isTokenShaped, newSecretToken } from "@/lib/tokens";

// The secrets in links sent to an account's own address (verify it, reset its password): 32 random
// bytes in the link, only their SHA-256 here, used once. Unknown, malformed, used and expired
// tokens all look the same: null.

/** A new token for a link (made before the email is rendered; saveAccountToken stores its hash). */
export const newAccountToken = newSecretToken;

/** Stores a token's hash for a user, inside the caller's transaction that also queues its email. */
export async function saveAccountToken(tx: Tx, { userId, purpose, token, validMinutes }: { userId: string; purpose: AccountTokenPurpose; token: string; validMinutes: number }) {
  const at = now();
  await tx.accountToken.create({ data: { userId, purpose, tokenHash: hashToken(token), createdAt: at, expiresAt: addMinutes(at, validMinutes) } });
}

/** The open token (unused, unexpired) of this purpose for a link's value, with its user; or null. */
export async function findOpenAccountToken(token: unknown, purpose: AccountTokenPurpose) {
  if (!isTokenShaped(token)) return null;
  const prisma = await db();
  const found = await prisma.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, purpose: true, usedAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, organizationId: true } } },
  });
  if (!found || found.purpose !== purpose || found.usedAt || found.expiresAt <= now()) return null;
  return { id: found.id, user: found.user };
}

/**
 * Uses up every open token of this purpose for the user, inside the caller's transaction, and says
 * whether `id` was among them: of two requests racing with one link, only one gets true.
 */
export async function useAccountTokens(tx: Tx, userId: string, purpose: AccountTokenPurpose, id: string): Promise<boolean> {
  const at = now();
  const claimed = await tx.accountToken.updateMany({ where: { id, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
  if (claimed.count === 0) return false;
  await tx.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: at } });
  return true;
}

/** Drops tokens that can no longer be used (the background round calls this). */
export async function pruneAccountTokens(before: Date = now()): Promise<void> {
  const prisma = await db();
  await prisma.accountToken.deleteMany({ where: { OR: [{ expiresAt: { lte: before } }, { usedAt: { lte: before } }] } });
}
