import "server-only";
import { addDays } from "date-fns";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";

// A session cookie is a signed JWT, and a copy of it is as good as the original. So each sign-in
// starts a row here and the token carries its id: every check of the cookie asks for the row, and
// signing out deletes it. A deleted row needs no keeping — "not found" is what ends the session.

/** How long a session lasts from sign-in, however often its cookie is refreshed. */
export const SESSION_DAYS = 30;

/** What a session cookie's token says, as far as sessions go: the user and the session row. */
export interface SessionClaims {
  uid?: unknown;
  sid?: unknown;
}

/** Starts a session for a user who has just proven who they are; returns its id for the token. */
export async function startSession(userId: string): Promise<string> {
  const prisma = await db();
  const at = now();
  const { id } = await prisma.userSession.create({ data: { userId, createdAt: at, expiresAt: addDays(at, SESSION_DAYS) }, select: { id: true } });
  return id;
}

/** The token's user and session ids when it names both, else null. */
export function sessionIds(token: SessionClaims | null | undefined): { userId: string; sessionId: string } | null {
  const userId = token?.uid;
  const sessionId = token?.sid;
  return typeof userId === "string" && typeof sessionId === "string" && userId && sessionId ? { userId, sessionId } : null;
}

/** True while the token's session exists, is the token's user's and has not expired (proxy.ts's gate asks this). */
export async function isSessionActive(token: SessionClaims | null | undefined): Promise<boolean> {
  const ids = sessionIds(token);
  if (!ids) return false;
  const prisma = await db();
  // SQL, not findFirst: the dashboard's gate asks on every request (see README, Benchmarks).
  const rows = await prisma.$queryRaw<Array<{ one: number }>>`
    SELECT 1 AS one FROM "UserSession" WHERE id = ${ids.sessionId} AND "userId" = ${ids.userId} AND "expiresAt" > ${now()}`;
  return rows.length > 0;
}

/** Ends one session (signing out). Ending one that is already gone does nothing. */
export async function endSession(sessionId: string): Promise<void> {
  const prisma = await db();
  await prisma.userSession.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of a user ("sign out everywhere", a password reset), or every one but `keep`
 * (a password change, which keeps the browser that made it), in `tx` when given.
 */
export async function endAllSessions(userId: string, { keep, tx }: { keep?: string; tx?: Tx } = {}): Promise<void> {
  const client = tx ?? (await db());
  await client.userSession.deleteMany({ where: { userId, ...(keep && { id: { not: keep } }) } });
}

/** Drops expired sessions (the background round calls this). */
export async function pruneSessions(before: Date = now()): Promise<void> {
  const prisma = await db();
  await prisma.userSession.deleteMany({ where: { expiresAt: { lte: before } } });
}
