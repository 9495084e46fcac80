import { randomBytes } from "node:crypto";
import { addMinutes, addSeconds } from "date-fns";
import type { JWT } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/accounts/members";
import { authOptions, memberOfToken } from "@/lib/accounts/auth";
import { changePassword, CHANGE_PASSWORD_FAILURES, CHANGE_PASSWORD_WINDOW_SECONDS } from "@/lib/accounts/change-password";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError, FieldError, NotFoundError } from "@/lib/errors";
import { EmailKind } from "@/lib/generated/prisma/enums";
import {
  findOpenPasswordReset,
  requestPasswordReset,
  RESET_EMAILS_PER_ADDRESS,
  RESET_REQUESTS_PER_CLIENT,
  RESET_VALID_MINUTES,
  resetPassword,
} from "@/lib/accounts/password-reset";
import { hashToken } from "@/lib/tokens";
import { makeOrg, uniqueEmail } from "./support/factories";

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
// The start of an hour, so a test's requests fall in one rate-limit window.
const START = new Date(Date.UTC(2031, 3, 1, 10, 0, 0));

beforeEach(() => setClock(START));
afterEach(() => setClock(null));

const newClient = () => `198.51.100.${randomBytes(6).toString("hex")}`;

async function signInToken(userId: string): Promise<JWT> {
  return authOptions.callbacks!.jwt!({ token: {}, user: { id: userId, email: "x@example.test", name: "X" }, account: null, trigger: "signIn" } as never);
}

async function emailsTo(email: string, kind: EmailKind) {
  return (await db()).outboxEmail.findMany({ where: { toEmail: email, kind }, orderBy: { createdAt: "asc" }, select: { text: true, html: true, secret: true, subject: true } });
}

/** The reset link's token from the newest reset email to `email`. */
async function resetToken(email: string): Promise<string> {
  const [latest] = (await emailsTo(email, EmailKind.PASSWORD_RESET)).slice(-1);
  const token = /\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(latest?.text ?? "")?.[1];
  if (!token) throw new Error("no reset link");
  return token;
}

describe("changing the password while signed in", () => {
  it("needs the current password, then signs out every other browser but this one and tells the owner", async () => {
    const org = await makeOrg("Change", { password: PASSWORD });
    const here = await signInToken(org.ownerId);
    const elsewhere = await signInToken(org.ownerId);
    const member = (await memberOfToken(here))!;

    await changePassword(member, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(await verifyCredentials(org.ownerEmail, NEW_PASSWORD)).toMatchObject({ id: org.ownerId });
    expect(await verifyCredentials(org.ownerEmail, PASSWORD)).toBeNull();
    expect(await memberOfToken(here)).toMatchObject({ id: org.ownerId });
    expect(await memberOfToken(elsewhere)).toBeNull();
    const [notice] = await emailsTo(org.ownerEmail, EmailKind.PASSWORD_CHANGED);
    expect(notice!.subject).toBe("Your Kairos password was changed");
    expect(notice!.text).not.toContain(NEW_PASSWORD);
  });

  it(`refuses a wrong current password on its field, and after ${CHANGE_PASSWORD_FAILURES} of them even the right one until the window ends`, async () => {
    const org = await makeOrg("Change", { password: PASSWORD });
    const member = (await memberOfToken(await signInToken(org.ownerId)))!;
    for (let i = 0; i < CHANGE_PASSWORD_FAILURES; i++) {
      const attempt = changePassword(member, { currentPassword: `guess ${i} of many`, newPassword: NEW_PASSWORD });
      await expect(attempt).rejects.toBeInstanceOf(FieldError);
      await expect(attempt).rejects.toMatchObject({ field: "currentPassword" });
    }
    const refused = changePassword(member, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    await expect(refused).rejects.toBeInstanceOf(ExpectedError);
    await expect(refused).rejects.toMatchObject({ reason: "too_many" });
    setClock(addSeconds(START, CHANGE_PASSWORD_WINDOW_SECONDS - 1));
    await expect(changePassword(member, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ reason: "too_many" });
    setClock(addSeconds(START, CHANGE_PASSWORD_WINDOW_SECONDS));
    await changePassword(member, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(await verifyCredentials(org.ownerEmail, NEW_PASSWORD)).toMatchObject({ id: org.ownerId });
  });
});

describe("password reset by email", () => {
  it("emails a link whose token is stored only as its hash; the link sets a new password once, signs out everywhere and proves the address", async () => {
    const org = await makeOrg("Reset", { password: PASSWORD, verified: false });
    const signedIn = await signInToken(org.ownerId);
    await requestPasswordReset(org.ownerEmail.toUpperCase(), newClient());

    const token = await resetToken(org.ownerEmail);
    const [email] = await emailsTo(org.ownerEmail, EmailKind.PASSWORD_RESET);
    expect(email!.secret, "the outbox holds the raw token until the provider takes it").toBe(token);
    const prisma = await db();
    const stored = await prisma.accountToken.findMany({ where: { userId: org.ownerId } });
    expect(stored.map((t) => t.tokenHash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await findOpenPasswordReset(token)).toMatchObject({ email: org.ownerEmail });
    expect(await resetPassword(token, NEW_PASSWORD)).toMatchObject({ email: org.ownerEmail });
    expect(await verifyCredentials(org.ownerEmail, NEW_PASSWORD)).toMatchObject({ id: org.ownerId });
    expect(await memberOfToken(signedIn)).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: org.ownerId } })).emailVerifiedAt).toEqual(START);
    expect(await emailsTo(org.ownerEmail, EmailKind.PASSWORD_CHANGED)).toHaveLength(1);

    // Single use.
    expect(await findOpenPasswordReset(token)).toBeNull();
    await expect(resetPassword(token, "yet another password")).rejects.toBeInstanceOf(NotFoundError);
    expect(await verifyCredentials(org.ownerEmail, NEW_PASSWORD)).toMatchObject({ id: org.ownerId });
  });

  it(`a link works for ${RESET_VALID_MINUTES} minutes: a second before the end, not at it or after`, async () => {
    const org = await makeOrg("Reset", { password: PASSWORD });
    await requestPasswordReset(org.ownerEmail, newClient());
    const token = await resetToken(org.ownerEmail);
    const end = addMinutes(START, RESET_VALID_MINUTES);
    setClock(addSeconds(end, -1));
    expect(await findOpenPasswordReset(token)).not.toBeNull();
    setClock(end);
    expect(await findOpenPasswordReset(token)).toBeNull();
    await expect(resetPassword(token, NEW_PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
    setClock(addSeconds(end, 1));
    expect(await findOpenPasswordReset(token)).toBeNull();
    expect(await verifyCredentials(org.ownerEmail, PASSWORD)).toMatchObject({ id: org.ownerId });
  });

  it("using one link ends every other link of the account", async () => {
    const org = await makeOrg("Reset", { password: PASSWORD });
    await requestPasswordReset(org.ownerEmail, newClient());
    const first = await resetToken(org.ownerEmail);
    await requestPasswordReset(org.ownerEmail, newClient());
    const second = await resetToken(org.ownerEmail);
    expect(second).not.toBe(first);
    await resetPassword(second, NEW_PASSWORD);
    expect(await findOpenPasswordReset(first)).toBeNull();
  });

  it("answers an unknown address exactly as a known one, and emails nobody", async () => {
    const nobody = uniqueEmail("nobody");
    await expect(requestPasswordReset(nobody, newClient())).resolves.toBeUndefined();
    expect(await (await db()).outboxEmail.count({ where: { toEmail: nobody } })).toBe(0);
  });

  it(`sends an address at most ${RESET_EMAILS_PER_ADDRESS} links an hour, answering the same; refuses a client after ${RESET_REQUESTS_PER_CLIENT} requests an hour`, async () => {
    const org = await makeOrg("Reset", { password: PASSWORD });
    for (let i = 0; i < RESET_EMAILS_PER_ADDRESS + 2; i++) await requestPasswordReset(org.ownerEmail, newClient());
    expect(await emailsTo(org.ownerEmail, EmailKind.PASSWORD_RESET)).toHaveLength(RESET_EMAILS_PER_ADDRESS);
    setClock(addMinutes(START, 60));
    await requestPasswordReset(org.ownerEmail, newClient());
    expect(await emailsTo(org.ownerEmail, EmailKind.PASSWORD_RESET)).toHaveLength(RESET_EMAILS_PER_ADDRESS + 1);

    const client = newClient();
    for (let i = 0; i < RESET_REQUESTS_PER_CLIENT; i++) await requestPasswordReset(uniqueEmail("spray"), client);
    await expect(requestPasswordReset(uniqueEmail("spray"), client)).rejects.toMatchObject({ reason: "too_many" });
  });

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(10_000)],
    ["sql-ish", "' OR 1=1; --"],
    ["well-formed but unknown", randomBytes(32).toString("base64url")],
    ["not a string", { token: "x" }],
    ["undefined", undefined],
  ])("a %s token opens nothing", async (_label, token) => {
    await expect(findOpenPasswordReset(token)).resolves.toBeNull();
    if (typeof token === "string") await expect(resetPassword(token, NEW_PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
  });
});
