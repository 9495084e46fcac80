import "server-only";
import { findOpenAccountToken, newAccountToken, saveAccountToken, useAccountTokens } from "@/lib/accounts/tokens";
import { forgotPasswordUrl, queueAccountEmail, renderAccountEmail } from "@/lib/accounts/emails";
import { now } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { ExpectedError, NotFoundError } from "@/lib/errors";
import { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/accounts/passwords";
import { hit } from "@/lib/rate-limit";
import { endAllSessions } from "@/lib/accounts/sessions";
import { hashToken } from "@/lib/tokens";

/** How long a reset link works. */
export const RESET_VALID_MINUTES = 60;
/** Reset emails one address gets per hour, at most; further requests get the same answer and no email. */
export const RESET_EMAILS_PER_ADDRESS = 3;
/** Reset requests one client may make per hour (for any addresses); then it is refused. */
export const RESET_REQUESTS_PER_CLIENT = 10;
const HOUR = 60 * 60;

export const TOO_MANY_REQUESTS = "Too many requests from your network. Please wait an hour and try again.";

/**
 * Emails a password-reset link to the address, if it has an account. Whether it has one, and
 * whether its hourly emails are used up, the caller learns nothing: the same (empty) answer.
 * Only a client asking too often is refused, which says nothing about any address.
 */
export async function requestPasswordReset(email: string, client: string): Promise<void> {
  const at = now();
  if ((await hit(`password-reset:client:${client}`, HOUR, at)) > RESET_REQUESTS_PER_CLIENT) throw new ExpectedError(TOO_MANY_REQUESTS, "too_many");
  const address = email.trim().toLowerCase();
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { email: address }, select: { id: true, email: true, name: true, organizationId: true } });
  // Rendered whether or not there is an account, so the answer takes about as long either way.
  const token = newAccountToken();
  const rendered = await renderAccountEmail("password-reset", { name: user?.name ?? "", resetUrl: resetUrl(token), validMinutes: RESET_VALID_MINUTES });
  if ((await hit(`password-reset:email:${hashToken(address)}`, HOUR, at)) > RESET_EMAILS_PER_ADDRESS || !user) return;
  await prisma.$transaction(async (tx) => {
    await saveAccountToken(tx, { userId: user.id, purpose: AccountTokenPurpose.PASSWORD_RESET, token, validMinutes: RESET_VALID_MINUTES });
    await queueAccountEmail(tx, "password-reset", user, rendered, token);
  });
}

/** The account an open reset link is for, or null (unknown, malformed, used or expired alike). */
export async function findOpenPasswordReset(token: unknown): Promise<{ email: string } | null> {
  const open = await findOpenAccountToken(token, AccountTokenPurpose.PASSWORD_RESET);
  return open && { email: open.user.email };
}

/**
 * Sets a new password with a reset link, once: every other reset link of the account dies with it,
 * every session ends (whoever knew the old password is out), and — the link having reached the
 * address — the address counts as verified. The owner is told by email.
 */
export async function resetPassword(token: string, newPassword: string): Promise<{ email: string }> {
  const open = await findOpenAccountToken(token, AccountTokenPurpose.PASSWORD_RESET);
  if (!open) throw new NotFoundError("Reset link");
  const { user } = open;
  const passwordHash = await hashPassword(newPassword);
  const notice = await renderAccountEmail("password-changed", { name: user.name, how: "reset", resetUrl: forgotPasswordUrl() });
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    if (!(await useAccountTokens(tx, user.id, AccountTokenPurpose.PASSWORD_RESET, open.id))) throw new NotFoundError("Reset link");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now() } });
    await endAllSessions(user.id, { tx });
    await queueAccountEmail(tx, "password-changed", user, notice);
  });
  return { email: user.email };
}

function resetUrl(token: string): string {
  return `${appUrl()}/reset-password?token=${token}`;
}
