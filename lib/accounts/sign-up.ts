import "server-only";
import { addHours } from "date-fns";
import { forgotPasswordUrl, queueAccountEmail, renderAccountEmail, signInUrl } from "@/lib/accounts/emails";
import { createOwnerAccount } from "@/lib/accounts/members";
import { now } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { ExpectedError, FieldError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { hit } from "@/lib/rate-limit";
import { hashToken, isTokenShaped, newSecretToken } from "@/lib/tokens";

// Signing up creates nothing but a request waiting for its address to be proven. The form's
// answer is the same whatever the address ("check your email"), so it tells nobody whether an
// account exists; the address gets either a link that creates the account or, when it already has
// one, a note saying someone tried. A request nobody confirms holds no address: the address's
// owner can still sign up, or accept an invitation, with it; requests expire after a day.

export const SIGN_UP_VALID_HOURS = 24;
/** Sign-ups one client may ask for in an hour; then it is refused (which says nothing about any address). */
export const SIGN_UPS_PER_CLIENT = 10;
/** Emails one address gets from sign-ups in an hour, at most; further sign-ups get the same answer and no email. */
export const SIGN_UP_EMAILS_PER_ADDRESS = 3;
const HOUR = 60 * 60;

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  organizationName: string;
}

/**
 * Starts a sign-up: for a new address, a request and a confirmation email; for an address with an
 * account, an email to its owner. The caller learns neither which nor whether an email went out.
 */
export async function requestSignUp(input: SignUpInput, client: string): Promise<void> {
  const at = now();
  if ((await hit(`sign-up:client:${client}`, HOUR, at)) > SIGN_UPS_PER_CLIENT) {
    throw new ExpectedError("Too many sign-ups from your network. Please wait an hour and try again.", "too_many");
  }
  const email = input.email.trim().toLowerCase();
  const prisma = await db();
  // The password is hashed whether or not the address has an account, so both answers take as long.
  const [holder, passwordHash] = await Promise.all([
    prisma.user.findUnique({ where: { email }, select: { email: true, name: true, organizationId: true } }),
    hashPassword(input.password),
  ]);
  const token = newSecretToken();
  const rendered = holder
    ? await renderAccountEmail("sign-up-existing-account", { name: holder.name, signInUrl: signInUrl(), resetUrl: forgotPasswordUrl() })
    : await renderAccountEmail("sign-up-confirmation", { confirmUrl: `${appUrl()}/sign-up/confirm?token=${token}`, validHours: SIGN_UP_VALID_HOURS });
  if ((await hit(`sign-up:email:${hashToken(email)}`, HOUR, at)) > SIGN_UP_EMAILS_PER_ADDRESS) return;
  await prisma.$transaction(async (tx) => {
    if (holder) return queueAccountEmail(tx, "sign-up-existing-account", holder, rendered);
    await tx.signUpRequest.create({
      data: { email, name: input.name, organizationName: input.organizationName, passwordHash, tokenHash: hashToken(token), createdAt: at, expiresAt: addHours(at, SIGN_UP_VALID_HOURS) },
    });
    await queueAccountEmail(tx, "sign-up-confirmation", { email, organizationId: null }, rendered, token);
  });
}

/** The waiting sign-up a link's token is for, or null: unknown, malformed, used, expired, or its address taken since. */
async function findOpenRequest(token: unknown) {
  if (!isTokenShaped(token)) return null;
  const prisma = await db();
  const request = await prisma.signUpRequest.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!request || request.usedAt || request.expiresAt <= now()) return null;
  if (await prisma.user.findUnique({ where: { email: request.email }, select: { id: true } })) return null;
  return request;
}

/** The address a confirmation link is for, or null when it no longer creates anything. */
export async function findOpenSignUp(token: unknown): Promise<{ email: string } | null> {
  const request = await findOpenRequest(token);
  return request && { email: request.email };
}

/**
 * Creates the organisation and its owner from a confirmation link, once, given the password chosen
 * at sign-up (so the link alone — a mail scanner that follows it — creates nothing). The address is
 * verified: the link reached it. Every other request for the address dies.
 */
export async function confirmSignUp(token: string, password: string, timeZone: string | null = null): Promise<{ userId: string; organizationId: string; email: string }> {
  const request = await findOpenRequest(token);
  if (!request) throw new NotFoundError("Sign-up");
  if (!(await verifyPassword(password, request.passwordHash))) throw new FieldError("password", "This is not the password you chose when you signed up.");
  const prisma = await db();
  const at = now();
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.signUpRequest.updateMany({ where: { id: request.id, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } });
      if (claimed.count === 0) throw new NotFoundError("Sign-up");
      await tx.signUpRequest.updateMany({ where: { email: request.email, usedAt: null }, data: { usedAt: at } });
      const created = await createOwnerAccount(tx, { ...request, emailVerifiedAt: at, timeZone });
      return { ...created, email: request.email };
    });
  } catch (error) {
    // The address got an account between the look-up and now (another link, an invitation).
    if (isUniqueViolation(error)) throw new NotFoundError("Sign-up");
    throw error;
  }
}

/** Drops sign-ups that can no longer be confirmed (the background round calls this). */
export async function pruneSignUpRequests(before: Date = now()): Promise<void> {
  const prisma = await db();
  await prisma.signUpRequest.deleteMany({ where: { OR: [{ expiresAt: { lte: before } }, { usedAt: { lte: before } }] } });
}
