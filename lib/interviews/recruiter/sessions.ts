import "server-only";
import type { Tx } from "@/lib/db";
import { newSessionKey } from "../model/session-keys";

/**
 * Issues a fresh key for an interview and retires the active one, recording which session
 * replaced it (its link then says "a newer invitation was sent"). Returns the raw key, which
 * only the outgoing email will hold.
 */
export async function rotateSession(tx: Tx, interviewId: string, now: Date): Promise<{ key: string; sessionId: string }> {
  const previous = await tx.interviewSession.findFirst({ where: { interviewId, revokedAt: null }, select: { id: true } });
  // Revoke first: a partial unique index allows one active session per interview.
  if (previous) await tx.interviewSession.update({ where: { id: previous.id }, data: { revokedAt: now } });
  const { key, keyHash } = newSessionKey();
  const session = await tx.interviewSession.create({ data: { interviewId, keyHash }, select: { id: true } });
  if (previous) await tx.interviewSession.update({ where: { id: previous.id }, data: { replacedById: session.id } });
  return { key, sessionId: session.id };
}

/** Retires the active key without a replacement (a cancelled interview). */
export async function revokeActiveSession(tx: Tx, interviewId: string, now: Date): Promise<void> {
  await tx.interviewSession.updateMany({ where: { interviewId, revokedAt: null }, data: { revokedAt: now } });
}
