import { randomBytes, randomUUID } from "node:crypto";
import { addHours, addSeconds } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signUpSchema } from "@/app/(auth)/schema";
import { acceptTeamInvite, createTeamInvite, findMember, verifyCredentials } from "@/lib/accounts/members";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError } from "@/lib/errors";
import { EmailKind } from "@/lib/generated/prisma/enums";
import {
  confirmSignUp,
  findOpenSignUp,
  requestSignUp,
  SIGN_UP_EMAILS_PER_ADDRESS,
  SIGN_UP_VALID_HOURS,
  SIGN_UPS_PER_CLIENT,
} from "@/lib/accounts/sign-up";
import { hashToken } from "@/lib/tokens";
import { inviteToken, makeOrg, uniqueEmail } from "./support/factories";

// Signing up creates nothing until the address is proven: a request waits, and only following
// the link emailed to the address creates the organisation and its (verified) owner. So a sign-up
// can neither tell whether an address has an account nor hold an address that is not its own.

const PASSWORD = "correct horse battery";
// The start of an hour, so a test's requests fall in one rate-limit window.
const START = new Date(Date.UTC(2031, 4, 1, 10, 0, 0));

beforeEach(() => setClock(START));
afterEach(() => setClock(null));

const newClient = () => `192.0.2.${randomBytes(6).toString("hex")}`;

function form(email: string, overrides: Partial<{ name: string; organizationName: string; password: string }> = {}) {
  return signUpSchema.parse({ name: "Grace Hopper", organizationName: `Org ${randomUUID()}`, email, password: PASSWORD, ...overrides });
}

async function emailsTo(email: string) {
  return (await db()).outboxEmail.findMany({ where: { toEmail: email }, orderBy: { createdAt: "asc" }, select: { kind: true, subject: true, text: true, html: true, organizationId: true, secret: true } });
}

/** The confirmation link's token from the newest confirmation email to `email`. */
async function confirmToken(email: string): Promise<string> {
  const confirmations = (await emailsTo(email)).filter((e) => e.kind === EmailKind.SIGN_UP_CONFIRMATION);
  const token = /\/sign-up\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(confirmations.at(-1)?.text ?? "")?.[1];
  if (!token) throw new Error(`no confirmation link to ${email}`);
  return token;
}

async function usersWith(email: string) {
  return (await db()).user.findMany({ where: { email }, select: { id: true, organizationId: true, emailVerifiedAt: true, role: true } });
}

describe("signing up", () => {
  it("creates nothing until the emailed link is followed; the email carries nothing the form was given, and only the token's hash is stored", async () => {
    const email = uniqueEmail("new");
    const organizationName = `Spam Co ${randomUUID()} buy now`;
    await requestSignUp(form(email.toUpperCase(), { organizationName, name: "Cheap Pills" }), newClient());

    expect(await usersWith(email)).toEqual([]);
    expect(await (await db()).organization.count({ where: { name: organizationName } })).toBe(0);
    const [confirmation, ...more] = await emailsTo(email);
    expect(more).toEqual([]);
    expect(confirmation).toMatchObject({ kind: EmailKind.SIGN_UP_CONFIRMATION, subject: "Confirm your email address for Kairos", organizationId: null });
    for (const body of [confirmation!.text, confirmation!.html]) {
      expect(body).not.toContain("Spam Co");
      expect(body).not.toContain("Cheap Pills");
    }
    const token = await confirmToken(email);
    expect(confirmation!.secret).toBe(token);
    const requests = await (await db()).signUpRequest.findMany({ where: { email } });
    expect(requests.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(requests)).not.toContain(token);
    expect(JSON.stringify(requests)).not.toContain(PASSWORD);
  });

  it("following the link with the password chosen creates the organisation and its verified owner, once", async () => {
    const email = uniqueEmail("new");
    const organizationName = `Org ${randomUUID()}`;
    await requestSignUp(form(email, { organizationName }), newClient());
    const token = await confirmToken(email);
    expect(await findOpenSignUp(token)).toEqual({ email });

    const { userId } = await confirmSignUp(token, PASSWORD);
    expect(await findMember(userId)).toMatchObject({ email, name: "Grace Hopper", role: "OWNER", organizationName, emailVerified: true });
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ id: userId });
    expect(await findOpenSignUp(token)).toBeNull();
    await expect(confirmSignUp(token, PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
    expect(await usersWith(email)).toHaveLength(1);
  });

  it("refuses a password that is not the one chosen, on its field, and the link still works", async () => {
    const email = uniqueEmail("new");
    await requestSignUp(form(email), newClient());
    const token = await confirmToken(email);
    const wrong = confirmSignUp(token, "not the password chosen");
    await expect(wrong).rejects.toBeInstanceOf(FieldError);
    await expect(wrong).rejects.toMatchObject({ field: "password" });
    expect(await usersWith(email)).toEqual([]);
    await confirmSignUp(token, PASSWORD);
    expect(await usersWith(email)).toHaveLength(1);
  });

  it("answers an address that has an account exactly as a new one: nothing is created or changed, and the owner is told by email", async () => {
    const existing = await makeOrg("Existing", { password: PASSWORD });
    const fresh = uniqueEmail("fresh");
    const answers = [
      await requestSignUp(form(fresh), newClient()),
      await requestSignUp(form(existing.ownerEmail.toUpperCase(), { password: "mallory-password" }), newClient()),
    ];
    expect(answers[1]).toEqual(answers[0]);

    expect(await usersWith(existing.ownerEmail)).toEqual([expect.objectContaining({ id: existing.ownerId, organizationId: existing.organizationId })]);
    expect(await (await db()).signUpRequest.count({ where: { email: existing.ownerEmail } })).toBe(0);
    expect(await verifyCredentials(existing.ownerEmail, PASSWORD)).toMatchObject({ id: existing.ownerId });
    const [notice, ...more] = await emailsTo(existing.ownerEmail);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ kind: EmailKind.SIGN_UP_EXISTING_ACCOUNT, subject: "You already have a Kairos account", organizationId: existing.organizationId });
    expect(notice!.text).toContain("/forgot-password");
    expect(notice!.secret).toBeNull();
  });

  it("a sign-up nobody confirmed holds no address: the address's owner signs up or joins a team with it, and the squatter's link dies", async () => {
    const victim = uniqueEmail("victim");
    await requestSignUp(form(victim, { password: "squatter-password" }), newClient());
    const squatterToken = await confirmToken(victim);

    // The real owner is invited to a team, and accepts.
    const team = await makeOrg("Team");
    const { url } = await createTeamInvite(team.organizationId, team.ownerId, victim);
    const member = await acceptTeamInvite(inviteToken(url), { name: "Real Owner", password: PASSWORD });
    expect(await findMember(member.id)).toMatchObject({ organizationId: team.organizationId, emailVerified: true });

    expect(await findOpenSignUp(squatterToken)).toBeNull();
    await expect(confirmSignUp(squatterToken, "squatter-password")).rejects.toBeInstanceOf(NotFoundError);
    expect(await usersWith(victim)).toEqual([expect.objectContaining({ id: member.id })]);
  });

  it("of two sign-ups waiting for one address, the first confirmed wins and the other link dies", async () => {
    const email = uniqueEmail("twice");
    await requestSignUp(form(email, { password: "first password here" }), newClient());
    const first = await confirmToken(email);
    await requestSignUp(form(email), newClient());
    const second = await confirmToken(email);
    expect(second).not.toBe(first);
    await confirmSignUp(second, PASSWORD);
    expect(await findOpenSignUp(first)).toBeNull();
    await expect(confirmSignUp(first, "first password here")).rejects.toBeInstanceOf(NotFoundError);
  });

  it(`a link works for ${SIGN_UP_VALID_HOURS} hours: a second before the end, not at it or after`, async () => {
    const email = uniqueEmail("late");
    await requestSignUp(form(email), newClient());
    const token = await confirmToken(email);
    const end = addHours(START, SIGN_UP_VALID_HOURS);
    setClock(addSeconds(end, -1));
    expect(await findOpenSignUp(token)).not.toBeNull();
    setClock(end);
    expect(await findOpenSignUp(token)).toBeNull();
    await expect(confirmSignUp(token, PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
    setClock(addSeconds(end, 1));
    expect(await findOpenSignUp(token)).toBeNull();
    expect(await usersWith(email)).toEqual([]);
  });

  it(`refuses a client after ${SIGN_UPS_PER_CLIENT} sign-ups an hour, whatever the addresses; the next hour it may again`, async () => {
    const client = newClient();
    for (let i = 0; i < SIGN_UPS_PER_CLIENT; i++) await requestSignUp(form(uniqueEmail("burst")), client);
    const refused = requestSignUp(form(uniqueEmail("burst")), client);
    await expect(refused).rejects.toMatchObject({ reason: "too_many" });
    setClock(addSeconds(addHours(START, 1), -1));
    await expect(requestSignUp(form(uniqueEmail("burst")), client)).rejects.toMatchObject({ reason: "too_many" });
    setClock(addHours(START, 1));
    await requestSignUp(form(uniqueEmail("burst")), client);
  });

  it(`emails one address at most ${SIGN_UP_EMAILS_PER_ADDRESS} times an hour, answering the same`, async () => {
    const existing = await makeOrg("Bombed");
    const fresh = uniqueEmail("bombed");
    for (let i = 0; i < SIGN_UP_EMAILS_PER_ADDRESS + 3; i++) {
      await requestSignUp(form(existing.ownerEmail), newClient());
      await requestSignUp(form(fresh), newClient());
    }
    expect(await emailsTo(existing.ownerEmail)).toHaveLength(SIGN_UP_EMAILS_PER_ADDRESS);
    expect(await emailsTo(fresh)).toHaveLength(SIGN_UP_EMAILS_PER_ADDRESS);
  });

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(10_000)],
    ["sql-ish", "' OR 1=1; --"],
    ["well-formed but unknown", randomBytes(32).toString("base64url")],
    ["not a string", { token: "x" }],
    ["undefined", undefined],
  ])("a %s token opens nothing", async (_label, token) => {
    await expect(findOpenSignUp(token)).resolves.toBeNull();
    if (typeof token === "string") await expect(confirmSignUp(token, PASSWORD)).rejects.toBeInstanceOf(NotFoundError);
  });
});
