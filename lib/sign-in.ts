import "server-only";
import { verifyCredentials } from "@/lib/accounts";
import { now } from "@/lib/clock";
import { countInWindow, hit } from "@/lib/rate-limit";
import { hashToken } from "@/lib/tokens";

/** Failed sign-ins allowed per email, and per client address, in one window. */
export const SIGN_IN_FAILURES_PER_EMAIL = 10;
export const SIGN_IN_FAILURES_PER_CLIENT = 30;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

/**
 * The user for an email and password, or null — and null, without checking the password, once
 * the email or the client has used up its failures for the window. The caller shows the same
 * message either way, and unknown emails are counted like known ones, so a lockout reveals
 * nothing about whether an account exists. A successful sign-in costs nothing.
 */
export async function authenticate(email: string, password: string, client: string) {
  const at = now();
  // The email is counted by its hash: the counters table need not hold addresses.
  const emailKey = `sign-in:email:${hashToken(email.trim().toLowerCase())}`;
  const clientKey = `sign-in:client:${client}`;
  const [byEmail, byClient] = await Promise.all([
    countInWindow(emailKey, SIGN_IN_WINDOW_SECONDS, at),
    countInWindow(clientKey, SIGN_IN_WINDOW_SECONDS, at),
  ]);
  if (byEmail >= SIGN_IN_FAILURES_PER_EMAIL || byClient >= SIGN_IN_FAILURES_PER_CLIENT) return null;

  const user = await verifyCredentials(email, password);
  if (user) return user;
  const [emailFailures, clientFailures] = await Promise.all([
    hit(emailKey, SIGN_IN_WINDOW_SECONDS, at),
    hit(clientKey, SIGN_IN_WINDOW_SECONDS, at),
  ]);
  // Once per window and limit, when it is reached: enough to notice an attack without a line per guess.
  if (emailFailures === SIGN_IN_FAILURES_PER_EMAIL) console.warn("sign-in locked for an email", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  if (clientFailures === SIGN_IN_FAILURES_PER_CLIENT) console.warn("sign-in locked for a client", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  return null;
}
