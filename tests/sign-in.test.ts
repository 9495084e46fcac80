import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/accounts/auth";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { EmailKind } from "@/lib/generated/prisma/enums";
import * as signIn from "@/lib/accounts/sign-in";
import { authenticate, SIGN_IN_FAILURES_PER_CLIENT, SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT, SIGN_IN_SLOW_AFTER, SIGN_IN_WINDOW_SECONDS, signInDelayMs } from "@/lib/accounts/sign-in";
import { makeOrg, uniqueEmail } from "./support/factories";

const PASSWORD = "correct horse battery";
const GUESS = "guess-Zq7-not-it";
// The start of a window, so a test's attempts all fall in the same one.
const START = new Date(Date.UTC(2031, 0, 1, 12, 0, 0));
const at = (seconds: number) => new Date(START.getTime() + seconds * 1000);

let warn: ReturnType<typeof vi.spyOn>;
/** Every wait authenticate() asked for, in ms (the tests do not really sleep). */
let waits: number[];
beforeEach(() => {
  setClock(START);
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  waits = [];
  signIn.setSignInWait(async (ms) => void waits.push(ms));
});
afterEach(() => {
  setClock(null);
  signIn.setSignInWait(null);
  vi.restoreAllMocks();
});

async function account() {
  const { ownerEmail: email, ownerId: userId } = await makeOrg("Sign-in", { password: PASSWORD });
  return { email, userId };
}

/** A client address no other test (or run on a shared database) uses. */
const newClient = () => `203.0.113.${randomUUID()}`;

async function fail(times: number, email: string, client: string | (() => string)) {
  for (let i = 0; i < times; i++) expect(await authenticate(email, GUESS, typeof client === "string" ? client : client())).toBeNull();
}

describe("sign-in limits", () => {
  it("ten wrong passwords from ten clients do not stop the owner's right password from a client that has not failed", async () => {
    const owner = await account();
    await fail(10, owner.email, newClient);
    expect(await authenticate(owner.email, PASSWORD, newClient())).toMatchObject({ id: owner.userId });
  });

  // 88 real scrypt checks (32 MiB each): on a busy 2-core machine that can take longer than the default
  // 30 s, and a timed-out test keeps moving the shared clock under the next one.
  it("40 wrong passwords an hour, every hour, from changing clients never lock the owner out", { timeout: 180_000 }, async () => {
    const owner = await account();
    for (let quarter = 0; quarter < 8; quarter++) {
      setClock(at(quarter * SIGN_IN_WINDOW_SECONDS + 1));
      await fail(10, owner.email, newClient);
      expect(await authenticate(owner.email, PASSWORD, newClient()), `window ${quarter}`).toMatchObject({ id: owner.userId });
    }
  });

  it(`refuses a client after ${SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT} failures for one email, for that email only, until the window ends`, async () => {
    const owner = await account();
    const other = await account();
    const client = newClient();
    await fail(SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT - 1, owner.email, client);
    expect(await authenticate(owner.email, PASSWORD, client)).toMatchObject({ id: owner.userId });

    await fail(1, owner.email, client);
    // Refused without a password check: the same null a wrong password gets.
    expect(await authenticate(owner.email, PASSWORD, client)).toBeNull();
    expect(await authenticate(` ${owner.email.toUpperCase()}`, PASSWORD, client)).toBeNull();
    // Another client (the owner's), and another email from this client, are unaffected.
    expect(await authenticate(owner.email, PASSWORD, newClient())).toMatchObject({ id: owner.userId });
    expect(await authenticate(other.email, PASSWORD, client)).toMatchObject({ id: other.userId });

    setClock(at(SIGN_IN_WINDOW_SECONDS - 1));
    expect(await authenticate(owner.email, PASSWORD, client), "a second before the window ends").toBeNull();
    setClock(at(SIGN_IN_WINDOW_SECONDS));
    expect(await authenticate(owner.email, PASSWORD, client), "when the window ends").toMatchObject({ id: owner.userId });
    setClock(at(SIGN_IN_WINDOW_SECONDS + 1));
    expect(await authenticate(owner.email, PASSWORD, client), "a second after").toMatchObject({ id: owner.userId });
    expect(warn).toHaveBeenCalledWith("sign-in locked for an email from a client", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  });

  it(`slows every attempt on an email once it has failed ${SIGN_IN_SLOW_AFTER} times in a window, up to a cap, without refusing the right password`, async () => {
    const owner = await account();
    await fail(SIGN_IN_SLOW_AFTER - 1, owner.email, newClient);
    expect(waits.every((ms) => ms === 0)).toBe(true);
    await fail(1, owner.email, newClient);
    waits = [];
    expect(await authenticate(owner.email, PASSWORD, newClient())).toMatchObject({ id: owner.userId });
    expect(waits).toEqual([signInDelayMs(SIGN_IN_SLOW_AFTER)]);
    expect(signInDelayMs(SIGN_IN_SLOW_AFTER)).toBeGreaterThanOrEqual(1000);

    await fail(30, owner.email, newClient);
    waits = [];
    expect(await authenticate(owner.email, PASSWORD, newClient())).toMatchObject({ id: owner.userId });
    expect(waits[0]).toBeGreaterThan(signInDelayMs(SIGN_IN_SLOW_AFTER));
    expect(warn).toHaveBeenCalledWith("sign-in slowed for an email", { windowSeconds: SIGN_IN_WINDOW_SECONDS });

    // The delay grows with the failures but never beyond its cap, so the owner always gets in.
    expect(signInDelayMs(SIGN_IN_SLOW_AFTER - 1)).toBe(0);
    const delays = [10, 20, 40, 80, 1_000, 1_000_000].map(signInDelayMs);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(Math.max(...delays)).toBeLessThanOrEqual(8_000);

    // A new window starts without a delay.
    setClock(at(SIGN_IN_WINDOW_SECONDS));
    waits = [];
    expect(await authenticate(owner.email, PASSWORD, newClient())).toMatchObject({ id: owner.userId });
    expect(waits).toEqual([0]);
  });

  it(`emails the owner once when the failures for their email reach ${SIGN_IN_SLOW_AFTER}, and not again that day`, async () => {
    const owner = await account();
    const alerts = async () => (await db()).outboxEmail.findMany({ where: { toEmail: owner.email, kind: EmailKind.SIGN_IN_ALERT }, select: { subject: true, text: true } });
    await fail(SIGN_IN_SLOW_AFTER - 1, owner.email, newClient);
    expect(await alerts()).toEqual([]);
    await fail(1, owner.email, newClient);
    const [alert, ...more] = await alerts();
    expect(more).toEqual([]);
    expect(alert!.subject).toBe("Someone is trying to sign in to your Kairos account");
    expect(alert!.text).toContain(`${SIGN_IN_SLOW_AFTER} times`);
    expect(alert!.text).toContain("/forgot-password");
    expect(alert!.text + alert!.subject, "never the guessed password").not.toContain(GUESS);

    // More failures, in this window and the next ones the same day: no second email.
    await fail(20, owner.email, newClient);
    setClock(at(SIGN_IN_WINDOW_SECONDS * 4));
    await fail(SIGN_IN_SLOW_AFTER, owner.email, newClient);
    expect(await alerts()).toHaveLength(1);
  });

  it("counts unknown emails like known ones, so neither the refusal nor the delay says anything about the account", async () => {
    const nobody = uniqueEmail("nobody");
    const client = newClient();
    await fail(SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT, nobody, client);
    waits = [];
    expect(await authenticate(nobody, PASSWORD, client)).toBeNull();
    expect(await authenticate(nobody, PASSWORD, newClient())).toBeNull();
    expect(waits).toEqual([signInDelayMs(SIGN_IN_SLOW_AFTER)]);
  });

  it(`refuses a client after ${SIGN_IN_FAILURES_PER_CLIENT} failures across emails; other clients are unaffected`, async () => {
    const { email, userId } = await account();
    const client = newClient();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_CLIENT; i++) expect(await authenticate(uniqueEmail("spray"), "guess", client)).toBeNull();

    expect(await authenticate(email, PASSWORD, client)).toBeNull();
    expect(await authenticate(email, PASSWORD, newClient())).toMatchObject({ id: userId });
    // Logged once, when the limit is reached; never the email or the password.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith("sign-in locked for a client", { client, windowSeconds: SIGN_IN_WINDOW_SECONDS });
  });

  it("does not count successful sign-ins", async () => {
    const { email, userId } = await account();
    const client = newClient();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT + 2; i++) expect(await authenticate(email, PASSWORD, client)).toMatchObject({ id: userId });
    await fail(SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT - 1, email, client);
    expect(await authenticate(email, PASSWORD, client)).toMatchObject({ id: userId });
  });

  it("is what next-auth's authorize uses, with the right-most X-Forwarded-For entry as the client: the issue's scenario", async () => {
    const { email, userId } = await account();
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<unknown> } };
    const req = (ip: string) => ({ headers: { "x-forwarded-for": `198.51.100.7, ${ip}` }, body: {}, query: {}, method: "POST" });
    const authorize = (password: string, ip: string) => provider.options.authorize({ email, password }, req(ip));

    // Ten wrong passwords, each from a different address: the owner, from a new one, still gets in.
    for (let i = 0; i < 10; i++) expect(await authorize("wrong password", newClient())).toBeNull();
    expect(await authorize(PASSWORD, newClient())).toMatchObject({ id: userId });
    // One address failing ten times is refused for this email, whatever the password.
    const attacker = newClient();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_EMAIL_AND_CLIENT; i++) expect(await authorize("wrong password", attacker)).toBeNull();
    expect(await authorize(PASSWORD, attacker)).toBeNull();
    expect(await authorize(PASSWORD, newClient())).toMatchObject({ id: userId });
  });
});
