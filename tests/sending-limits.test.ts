import { randomBytes } from "node:crypto";
import { addHours, addSeconds } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTeamInvite, findMember, listTeam } from "@/lib/accounts/members";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError, NotFoundError } from "@/lib/errors";
import { findOpenVerification, sendVerificationEmail, VERIFY_VALID_HOURS, verifyEmail } from "@/lib/accounts/email-verification";
import { EmailKind } from "@/lib/generated/prisma/enums";
import { resendInvitation, rescheduleInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { DAILY_EMAIL_CAP_ENV, orgDailyEmailCap } from "@/lib/accounts/sending-limits";
import { makeCandidate, makeOrg, makeSchedulingOrg, scheduleInput, uniqueEmail } from "./support/factories";

// Kairos emails people on an account's behalf (candidates, future teammates), so it must know the
// account's address is its owner's before it does, and it sends at most a day's cap of such email
// per organisation: never a relay for strangers' messages. One lib function decides both
// (lib/accounts/sending-limits.ts), and scheduling and invitations both ask it.

let T: Date;
beforeEach(() => {
  // The clock holds still within a test, so rows can be moved to either side of a boundary.
  T = new Date(Math.floor(Date.now() / 1000) * 1000);
  setClock(T);
});
afterEach(() => {
  setClock(null);
  delete process.env[DAILY_EMAIL_CAP_ENV];
});

async function verificationToken(email: string): Promise<string> {
  const emails = await (await db()).outboxEmail.findMany({ where: { toEmail: email, kind: EmailKind.EMAIL_VERIFICATION }, orderBy: { createdAt: "asc" } });
  const token = /\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(emails.at(-1)?.text ?? "")?.[1];
  if (!token) throw new Error("no verification link");
  return token;
}

async function outboxOf(organizationId: string) {
  return (await db()).outboxEmail.findMany({ where: { organizationId }, select: { id: true, kind: true, toEmail: true } });
}

describe("an account whose address is not verified", () => {
  it("may not schedule, reschedule or resend, nor invite, and is told how to verify; nothing is written", async () => {
    const org = await makeSchedulingOrg("Unverified");
    const verified = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }));
    await (await db()).user.update({ where: { id: org.ownerId }, data: { emailVerifiedAt: null } });
    const before = await outboxOf(org.organizationId);

    for (const attempt of [
      () => scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id })),
      () => rescheduleInterview(org.scheduler, verified.interviewId, { scheduledAt: addHours(T, 30), durationMinutes: 30 }),
      () => resendInvitation(org.scheduler, verified.interviewId),
      () => createTeamInvite(org.organizationId, org.ownerId, uniqueEmail("teammate")),
    ]) {
      const refusal = attempt();
      await expect(refusal).rejects.toBeInstanceOf(ExpectedError);
      await expect(refusal).rejects.toMatchObject({ reason: "unverified", message: expect.stringContaining("Confirm your email address") });
    }
    expect(await outboxOf(org.organizationId)).toEqual(before);
    expect((await listTeam(org.organizationId)).invites).toEqual([]);
    expect(await (await db()).interview.count({ where: { organizationId: org.organizationId } })).toBe(1);
  });

  it(`verifies with the emailed link (once, for ${VERIFY_VALID_HOURS} hours), and may then schedule`, async () => {
    const org = await makeSchedulingOrg("Unverified");
    await (await db()).user.update({ where: { id: org.ownerId }, data: { emailVerifiedAt: null } });
    await sendVerificationEmail(org.ownerId);
    const token = await verificationToken(org.ownerEmail);
    expect(await findOpenVerification(token)).toEqual({ email: org.ownerEmail });

    const end = addHours(T, VERIFY_VALID_HOURS);
    setClock(addSeconds(end, -1));
    expect(await findOpenVerification(token)).not.toBeNull();
    setClock(end);
    expect(await findOpenVerification(token)).toBeNull();
    await expect(verifyEmail(token)).rejects.toBeInstanceOf(NotFoundError);

    setClock(T);
    await sendVerificationEmail(org.ownerId);
    const fresh = await verificationToken(org.ownerEmail);
    expect(await verifyEmail(fresh)).toEqual({ email: org.ownerEmail });
    expect(await findMember(org.ownerId)).toMatchObject({ emailVerified: true });
    await expect(verifyEmail(fresh)).rejects.toBeInstanceOf(NotFoundError);
    await expect(scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }))).resolves.toMatchObject({ created: true });
    // Nothing left to verify.
    await expect(sendVerificationEmail(org.ownerId)).rejects.toMatchObject({ reason: "already_verified" });
  });

  it("gets at most 3 verification emails an hour", async () => {
    const org = await makeOrg("Unverified", { verified: false });
    for (let i = 0; i < 3; i++) await sendVerificationEmail(org.ownerId);
    await expect(sendVerificationEmail(org.ownerId)).rejects.toMatchObject({ reason: "too_many" });
  });

  it.each([
    ["empty", ""],
    ["sql-ish", "' OR 1=1; --"],
    ["well-formed but unknown", randomBytes(32).toString("base64url")],
    ["not a string", { token: "x" }],
  ])("a %s verification token opens nothing", async (_label, token) => {
    await expect(findOpenVerification(token)).resolves.toBeNull();
    if (typeof token === "string") await expect(verifyEmail(token)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("the daily cap on email to people outside the organisation", () => {
  it("defaults to 1,000 and reads its environment variable", () => {
    expect(orgDailyEmailCap()).toBe(1000);
    process.env[DAILY_EMAIL_CAP_ENV] = "25";
    expect(orgDailyEmailCap()).toBe(25);
  });

  it("refuses what would go over the cap in 24 hours, with a clear message; the oldest email leaves the count exactly 24 hours later", async () => {
    process.env[DAILY_EMAIL_CAP_ENV] = "3";
    const org = await makeSchedulingOrg("Capped");
    const prisma = await db();
    // Each starts within the hour, so it queues its invitation and no reminder: one email each.
    // One candidate per interview: a candidate has at most one open interview per job.
    const fresh = async () => ({ id: (await makeCandidate(org.organizationId)).id });
    for (let i = 0; i < 2; i++) await scheduleInterview(org.scheduler, scheduleInput(org.job.id, await fresh()));
    await createTeamInvite(org.organizationId, org.ownerId, uniqueEmail("teammate"));
    expect(await outboxOf(org.organizationId)).toHaveLength(3);

    const over = scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }));
    await expect(over).rejects.toMatchObject({ reason: "daily_cap", message: expect.stringContaining("3 emails") });
    await expect(createTeamInvite(org.organizationId, org.ownerId, uniqueEmail("teammate"))).rejects.toMatchObject({ reason: "daily_cap" });
    expect(await outboxOf(org.organizationId)).toHaveLength(3);

    // Move the first email back in time: a second short of 24 hours it still counts; at 24 hours it no longer does.
    const [first] = await outboxOf(org.organizationId);
    await prisma.outboxEmail.update({ where: { id: first!.id }, data: { createdAt: addSeconds(addHours(T, -24), 1) } });
    await expect(scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }))).rejects.toMatchObject({ reason: "daily_cap" });
    await prisma.outboxEmail.update({ where: { id: first!.id }, data: { createdAt: addHours(T, -24) } });
    await expect(scheduleInterview(org.scheduler, scheduleInput(org.job.id, await fresh()))).resolves.toMatchObject({ created: true });
    await expect(scheduleInterview(org.scheduler, scheduleInput(org.job.id, await fresh()))).rejects.toMatchObject({ reason: "daily_cap" });
    await prisma.outboxEmail.update({ where: { id: first!.id }, data: { createdAt: addSeconds(addHours(T, -24), -1) } });
    expect(await outboxOf(org.organizationId)).toHaveLength(4);
  });

  it("counts an interview's reminders, and not the emails to the organisation's own members", async () => {
    process.env[DAILY_EMAIL_CAP_ENV] = "3";
    const org = await makeSchedulingOrg("Capped");
    const prisma = await db();
    // A notice to a member of the organisation (as a completed interview sends) does not count.
    await prisma.outboxEmail.create({ data: { organizationId: org.organizationId, kind: EmailKind.CANDIDATE_COMPLETED, toEmail: org.ownerEmail, subject: "s", html: "h", text: "t" } });
    // Two days ahead: the invitation and both reminders, three emails, fit exactly.
    await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: org.candidate.id }, { scheduledAt: addHours(T, 48) }));
    const other = await makeCandidate(org.organizationId);
    await expect(scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: other.id }))).rejects.toMatchObject({ reason: "daily_cap" });
  });
});

describe("inviting an address that already has an account", () => {
  it("in another organisation: the same answer as any invitation; the address is told instead of given a link it could not use", async () => {
    const [org, other] = await Promise.all([makeOrg("Inviter"), makeOrg("Other")]);
    const plain = await createTeamInvite(org.organizationId, org.ownerId, uniqueEmail("anyone"));
    const taken = await createTeamInvite(org.organizationId, org.ownerId, other.ownerEmail);
    expect(Object.keys(taken)).toEqual(Object.keys(plain));
    expect((await listTeam(org.organizationId)).invites.map((i) => i.email)).toContain(other.ownerEmail);

    const emails = await (await db()).outboxEmail.findMany({ where: { toEmail: other.ownerEmail } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ kind: EmailKind.TEAM_INVITE_EXISTING_ACCOUNT, organizationId: org.organizationId, secret: null });
    expect(emails[0]!.text).not.toMatch(/\/invite\?token=/);
    expect(await findMember(other.ownerId)).toMatchObject({ organizationId: other.organizationId });
  });

  it("in this organisation: says they are already on the team (the inviter sees them there anyway)", async () => {
    const org = await makeOrg("Inviter");
    await expect(createTeamInvite(org.organizationId, org.ownerId, org.ownerEmail)).rejects.toMatchObject({ field: "email", message: "This person is already on your team." });
  });
});
