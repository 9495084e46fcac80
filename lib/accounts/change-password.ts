import "server-only";
import { forgotPasswordUrl, queueAccountEmail, renderAccountEmail } from "@/lib/accounts/emails";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError, FieldError, NotFoundError } from "@/lib/errors";
import { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { countInWindow, hit } from "@/lib/rate-limit";
import { endAllSessions } from "@/lib/accounts/sessions";

/** Wrong current passwords a signed-in user may give in a window (a borrowed session must not guess it). */
export const CHANGE_PASSWORD_FAILURES = 10;
export const CHANGE_PASSWORD_WINDOW_SECONDS = 15 * 60;

/**
 * Changes a signed-in user's password, given the current one. Every other session ends (this
 * browser stays signed in), open reset links die, and the owner is told by email.
 */
export async function changePassword(member: { id: string; sessionId: string }, input: { currentPassword: string; newPassword: string }) {
  const at = now();
  const failures = `change-password:user:${member.id}`;
  if ((await countInWindow(failures, CHANGE_PASSWORD_WINDOW_SECONDS, at)) >= CHANGE_PASSWORD_FAILURES) {
    throw new ExpectedError("Too many wrong passwords. Wait 15 minutes and try again, or reset your password from the sign-in page.", "too_many");
  }
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: member.id }, select: { id: true, email: true, name: true, organizationId: true, passwordHash: true } });
  if (!user) throw new NotFoundError("User");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await hit(failures, CHANGE_PASSWORD_WINDOW_SECONDS, at);
    throw new FieldError("currentPassword", "This is not your current password.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  const notice = await renderAccountEmail("password-changed", { name: user.name, how: "settings", resetUrl: forgotPasswordUrl() });
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.accountToken.updateMany({ where: { userId: user.id, purpose: AccountTokenPurpose.PASSWORD_RESET, usedAt: null }, data: { usedAt: at } });
    await endAllSessions(user.id, { keep: member.sessionId, tx });
    await queueAccountEmail(tx, "password-changed", user, notice);
  });
}
