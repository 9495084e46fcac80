import { randomBytes, randomUUID } from "node:crypto";
import { addDays } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { signUpSchema } from "@/app/(auth)/schema";
import {
  acceptTeamInvite,
  createTeamInvite,
  findMember,
  findOpenInvite,
  listTeam,
  revokeTeamInvite,
  verifyCredentials,
} from "@/lib/accounts/members";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { DuplicateError, NotFoundError } from "@/lib/errors";
import { EmailKind } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/accounts/passwords";
import { confirmSignUp, findOpenSignUp, requestSignUp } from "@/lib/accounts/sign-up";
import { inviteToken, makeOrg, uniqueEmail } from "./support/factories";

const PASSWORD = "correct horse battery";

afterEach(() => setClock(null));

/**
 * Signs up through the same schema the form uses (so the email is normalised as in the app) and
 * follows the confirmation link, as a new recruiter does.
 */
async function signUp(email: string, organizationName = `Org ${randomUUID()}`) {
  const input = signUpSchema.parse({ name: "Grace Hopper", email, password: PASSWORD, organizationName });
  await requestSignUp(input, `client-${randomUUID()}`);
  const prisma = await db();
  const confirmation = await prisma.outboxEmail.findFirst({ where: { toEmail: input.email, kind: EmailKind.SIGN_UP_CONFIRMATION }, orderBy: { createdAt: "desc" } });
  const token = /token=([A-Za-z0-9_-]{43})/.exec(confirmation?.text ?? "")?.[1];
  // No link, or only an earlier sign-up's (used) one: this sign-up created nothing to confirm.
  if (!token || !(await findOpenSignUp(token))) return null;
  return confirmSignUp(token, PASSWORD);
}

async function countOrgs(name: string) {
  return (await db()).organization.count({ where: { name } });
}

describe("signing up and confirming", () => {
  it("creates the user as OWNER of a new organisation", async () => {
    const orgName = `Org ${randomUUID()}`;
    const email = uniqueEmail("owner");
    const { userId, organizationId } = (await signUp(email, orgName))!;

    const member = await findMember(userId);
    expect(member).toMatchObject({ email, role: "OWNER", organizationId, organizationName: orgName });
    expect(await countOrgs(orgName)).toBe(1);
  });

  it("creates nothing for a second sign-up with the same email (any case): no link is sent, no organisation left behind", async () => {
    const local = `Dup-${randomUUID()}`;
    await signUp(`${local}@Example.test`);

    const secondOrg = `Org ${randomUUID()}`;
    expect(await signUp(`${local.toUpperCase()}@EXAMPLE.TEST`, secondOrg)).toBeNull();
    expect(await countOrgs(secondOrg)).toBe(0);
  });

  it("stores a hash that is not the password and verifies only the right one", async () => {
    const email = uniqueEmail("hash");
    const { userId } = (await signUp(email))!;
    const { passwordHash } = await (await db()).user.findUniqueOrThrow({ where: { id: userId } });

    expect(passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, passwordHash)).toBe(false);
  });
});

describe("verifyCredentials", () => {
  it("returns the user for the right password, in any email case", async () => {
    const email = uniqueEmail("login");
    const { userId } = (await signUp(email))!;
    expect(await verifyCredentials(` ${email.toUpperCase()} `, PASSWORD)).toEqual({ id: userId, email, name: "Grace Hopper" });
  });

  it("returns null for a wrong password and for an unknown email", async () => {
    const email = uniqueEmail("login");
    await signUp(email);
    expect(await verifyCredentials(email, "wrong password")).toBeNull();
    expect(await verifyCredentials(uniqueEmail("nobody"), PASSWORD)).toBeNull();
  });
});

describe("team invites", () => {
  async function invite(email = uniqueEmail("invitee")) {
    const org = await makeOrg();
    const { url } = await createTeamInvite(org.organizationId, org.ownerId, email);
    return { org, email, url, token: inviteToken(url) };
  }

  it("returns a link with a token that finds the open invite", async () => {
    const { org, email, url, token } = await invite();
    expect(url).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);

    const found = await findOpenInvite(token);
    expect(found).toMatchObject({ email });
    const { invites } = await listTeam(org.organizationId);
    expect(invites.map((i) => i.email)).toEqual([email]);
  });

  it("turns into a RECRUITER of the same organisation, once", async () => {
    const { org, email, token } = await invite();
    const user = await acceptTeamInvite(token, { name: "Linus", password: PASSWORD });

    expect(await findMember(user.id)).toMatchObject({ email, role: "RECRUITER", organizationId: org.organizationId });
    expect(await verifyCredentials(email, PASSWORD)).toMatchObject({ id: user.id });
    expect(await findOpenInvite(token)).toBeNull();
    await expect(acceptTeamInvite(token, { name: "Linus again", password: PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
    const { members } = await listTeam(org.organizationId);
    expect(members.filter((m) => m.email === email)).toHaveLength(1);
  });

  it("expires after 7 days", async () => {
    const { token } = await invite();
    setClock(addDays(new Date(), 6));
    expect(await findOpenInvite(token)).not.toBeNull();

    setClock(addDays(new Date(), 8));
    expect(await findOpenInvite(token)).toBeNull();
    await expect(acceptTeamInvite(token, { name: "Late", password: PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is not found once revoked", async () => {
    const { org, token } = await invite();
    const open = await findOpenInvite(token);
    await revokeTeamInvite(org.organizationId, open!.id);

    expect(await findOpenInvite(token)).toBeNull();
    expect((await listTeam(org.organizationId)).invites).toEqual([]);
    await expect(acceptTeamInvite(token, { name: "Revoked", password: PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeTeamInvite(org.organizationId, open!.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("revokes the earlier link when the same email is invited again", async () => {
    const { org, email, token: first } = await invite();
    const second = inviteToken((await createTeamInvite(org.organizationId, org.ownerId, email)).url);

    expect(second).not.toBe(first);
    expect(await findOpenInvite(first)).toBeNull();
    expect(await findOpenInvite(second)).toMatchObject({ email });
    expect((await listTeam(org.organizationId)).invites).toHaveLength(1);
  });

  it("refuses an email already on the team (another organisation's is in sending-limits.test.ts)", async () => {
    const org = await makeOrg();
    const attempt = createTeamInvite(org.organizationId, org.ownerId, org.ownerEmail);
    await expect(attempt).rejects.toBeInstanceOf(DuplicateError);
    await expect(attempt).rejects.toMatchObject({ field: "email" });
    expect((await listTeam(org.organizationId)).invites).toEqual([]);
  });

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(10_000)],
    ["unicode", "é".repeat(43)],
    ["sql-ish", "' OR 1=1; DROP TABLE \"TeamInvite\"; --"],
    ["sql-ish, token length", `${"a".repeat(39)}' --`],
    ["well-formed but unknown", randomBytes(32).toString("base64url")],
    ["not a string", { token: "x" }],
    ["undefined", undefined],
  ])("returns null for a %s token", async (_label, token) => {
    await expect(findOpenInvite(token)).resolves.toBeNull();
  });

  it("refuses to accept a malformed token", async () => {
    await expect(acceptTeamInvite("' OR 1=1 --", { name: "Mallory", password: PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("password hashing under a flood", () => {
  it("runs at most half the cores' worth of hashes at once; the rest wait their turn and all finish", async () => {
    const { hashPassword, passwordHashing, verifyPassword } = await import("@/lib/accounts/passwords");
    const { limit } = passwordHashing();
    let most = 0;
    const watch = setInterval(() => (most = Math.max(most, passwordHashing().running)), 1);
    try {
      const hashes = await Promise.all(Array.from({ length: limit * 4 }, (_, i) => hashPassword(`password number ${i}`)));
      expect(await verifyPassword("password number 3", hashes[3]!)).toBe(true);
    } finally {
      clearInterval(watch);
    }
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(limit);
    expect(passwordHashing().running).toBe(0);
  });
});
