import "server-only";
import { findOpenAccountToken, newAccountToken, saveAccountToken, useAccountTokens } from "@/lib/accounts/tokens";
import { queueAccountEmail, renderAccountEmail } from "@/lib/accounts/emails";
import { now } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { ExpectedError, NotFoundError } from "@/lib/errors";
import { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { hit } from "@/lib/rate-limit";

// Accounts made since sign-up confirmation are verified when they are created (a sign-up's link,
// an invitation's link). This is for those made before it: the owner asks for a link from the
// dashboard, and following it proves the address, which lets the account email others.

export const VERIFY_VALID_HOURS = 24;
const EMAILS_PER_HOUR = 3;

/** Emails the user a link that verifies their address (at most 3 an hour). */
export async function sendVerificationEmail(userId: string): Promise<void> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, organizationId: true, emailVerifiedAt: true } });
  if (!user) throw new NotFoundError("User");
  if (user.emailVerifiedAt) throw new ExpectedError("Your email address is already confirmed.", "already_verified");
  if ((await hit(`verify-email:user:${user.id}`, 60 * 60, now())) > EMAILS_PER_HOUR) {
    throw new ExpectedError(`We have sent you ${EMAILS_PER_HOUR} confirmation emails this hour. Check your inbox (and spam folder) for the latest, or try again later.`, "too_many");
  }
  const token = newAccountToken();
  const rendered = await renderAccountEmail("email-verification", { name: user.name, verifyUrl: `${appUrl()}/verify-email?token=${token}`, validHours: VERIFY_VALID_HOURS });
  await prisma.$transaction(async (tx) => {
    await saveAccountToken(tx, { userId: user.id, purpose: AccountTokenPurpose.VERIFY_EMAIL, token, validMinutes: VERIFY_VALID_HOURS * 60 });
    await queueAccountEmail(tx, "email-verification", user, rendered, token);
  });
}

/** The address an open verification link is for, or null (unknown, malformed, used or expired alike). */
export async function findOpenVerification(token: unknown): Promise<{ email: string } | null> {
  const open = await findOpenAccountToken(token, AccountTokenPurpose.VERIFY_EMAIL);
  return open && { email: open.user.email };
}

/** Marks the address of a verification link's account as proven, once. */
export async function verifyEmail(token: string): Promise<{ email: string }> {
  const open = await findOpenAccountToken(token, AccountTokenPurpose.VERIFY_EMAIL);
  if (!open) throw new NotFoundError("Verification link");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    if (!(await useAccountTokens(tx, open.user.id, AccountTokenPurpose.VERIFY_EMAIL, open.id))) throw new NotFoundError("Verification link");
    await tx.user.updateMany({ where: { id: open.user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now() } });
  });
  return { email: open.user.email };
}
