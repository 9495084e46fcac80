import "server-only";
import { forgotPasswordUrl, queueAccountEmail, renderAccountEmail } from "@/lib/accounts/emails";
import { verifyCredentials } from "@/lib/accounts/members";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { countInWindow, hit } from "@/lib/rate-limit";
import { hashToken } from "@/lib/tokens";

// Guessing passwords is made slow without letting anyone lock the owner out. What a client can
// spoil is its own standing: a client that keeps failing for an email is refused for that email,
// and one that fails across many emails is refused altogether. What many clients together do to an
// email only slows it down: once the email has failed often in a window, every attempt on it
// waits before its password is checked — the owner's too, but never for long, and never refused.

/** Failed sign-ins one client may make for one email in a window; then it is refused for that email. */
export const SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT = 10;
/** Failed sign-ins one client may make across all emails in a window; then it is refused. */
export const SIGN_IN_FAILURES_PER_CLIENT = 30;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Failures of one email (from any clients) in a window after which every attempt on it waits, and its owner is emailed. */
export const SIGN_IN_SLOW_AFTER = 10;
const DELAY_BASE_MS = 1_000;
/** The longest wait: the owner always gets in within this (plus the password check). */
export const SIGN_IN_DELAY_MAX_MS = 8_000;
/** The owner hears about an attack at most once per this long. */
const ALERT_EVERY_SECONDS = 24 * 60 * 60;

/** How long an attempt on an email waits, given the email's failures so far in this window: doubling every 10, capped. */
export function signInDelayMs(emailFailures: number): number {
  if (emailFailures < SIGN_IN_SLOW_AFTER) return 0;
  return Math.min(SIGN_IN_DELAY_MAX_MS, DELAY_BASE_MS * 2 ** Math.floor((emailFailures - SIGN_IN_SLOW_AFTER) / 10));
}

let wait = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** Tests only: record the waits instead of sleeping (null restores the real sleep). */
export function setSignInWait(fake: ((ms: number) => Promise<void>) | null): void {
  wait = fake ?? ((ms) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve()));
}

/**
 * The user for an email and password, or null — and null, without checking the password, when
 * this client has used up its failures for this email or overall in the window. The caller shows
 * the same message either way, and unknown emails are counted (and slowed) like known ones, so
 * neither reveals whether an account exists. A successful sign-in costs nothing.
 */
export async function authenticate(email: string, password: string, client: string) {
  const at = now();
  // Emails are counted by their hash: the counters table need not hold addresses.
  const emailHash = hashToken(email.trim().toLowerCase());
  const emailKey = `sign-in:email:${emailHash}`;
  const pairKey = `sign-in:email-client:${emailHash}:${client}`;
  const clientKey = `sign-in:client:${client}`;
  const [byPair, byClient, byEmail] = await Promise.all([
    countInWindow(pairKey, SIGN_IN_WINDOW_SECONDS, at),
    countInWindow(clientKey, SIGN_IN_WINDOW_SECONDS, at),
    countInWindow(emailKey, SIGN_IN_WINDOW_SECONDS, at),
  ]);
  if (byPair >= SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT || byClient >= SIGN_IN_FAILURES_PER_CLIENT) return null;
  await wait(signInDelayMs(byEmail));

  const user = await verifyCredentials(email, password);
  if (user) return user;
  const [pairFailures, clientFailures, emailFailures] = await Promise.all([
    hit(pairKey, SIGN_IN_WINDOW_SECONDS, at),
    hit(clientKey, SIGN_IN_WINDOW_SECONDS, at),
    hit(emailKey, SIGN_IN_WINDOW_SECONDS, at),
  ]);
  // Once per window and limit, when it is reached: enough to notice an attack without a line per guess.
  if (pairFailures === SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT) console.warn("sign-in locked for an email from a client", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  if (clientFailures === SIGN_IN_FAILURES_PER_CLIENT) console.warn("sign-in locked for a client", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  if (emailFailures === SIGN_IN_SLOW_AFTER) {
    console.warn("sign-in slowed for an email", { windowSeconds: SIGN_IN_WINDOW_SECONDS });
    await alertOwner(email, emailFailures, at);
  }
  return null;
}

/** Emails the account's owner (if there is an account) that its password is being guessed, at most once a day. */
async function alertOwner(email: string, attempts: number, at: Date) {
  const prisma = await db();
  const owner = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, organizationId: true } });
  if (!owner) return;
  if ((await hit(`sign-in:alert:${owner.id}`, ALERT_EVERY_SECONDS, at)) !== 1) return;
  const rendered = await renderAccountEmail("sign-in-alert", { name: owner.name, attempts, windowMinutes: SIGN_IN_WINDOW_SECONDS / 60, resetUrl: forgotPasswordUrl() });
  await prisma.$transaction((tx) => queueAccountEmail(tx, "sign-in-alert", owner, rendered));
}
