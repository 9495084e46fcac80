import "server-only";
import { addDays } from "date-fns";
import { decoyHash, hashPassword, verifyPassword } from "@/lib/accounts/passwords";
import { now } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/templates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EmailKind, Role } from "@/lib/generated/prisma/enums";
import { mayChangeRole } from "@/lib/accounts/roles";
import { db, type Tx } from "@/lib/db";
import { DuplicateError, ExpectedError, FieldError, isUniqueViolation, NotFoundError } from "@/lib/errors";
import { queueAccountEmail, renderAccountEmail } from "@/lib/accounts/emails";
import { assertMayEmailOutsiders } from "@/lib/accounts/sending-limits";
import { hashToken, isTokenShaped, newSecretToken } from "@/lib/tokens";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";
export const INVITE_VALID_DAYS = 7;

/**
 * Creates an organisation and its owner together, inside the caller's transaction: neither exists
 * without the other. Only for an address already proven (a confirmed sign-up, a seeded account).
 */
export async function createOwnerAccount(
  tx: Tx,
  input: { name: string; email: string; passwordHash: string; organizationName: string; emailVerifiedAt: Date; timeZone?: string | null },
) {
  const org = await tx.organization.create({ data: { name: input.organizationName }, select: { id: true } });
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      passwordHash: input.passwordHash,
      role: "OWNER",
      organizationId: org.id,
      emailVerifiedAt: input.emailVerifiedAt,
      timeZone: input.timeZone ?? null,
    },
    select: { id: true },
  });
  return { userId: user.id, organizationId: org.id };
}

/** The user for an email and password, or null — taking the same time whether or not the email exists. */
export async function verifyCredentials(email: string, password: string) {
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
}

const memberFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  emailVerifiedAt: true,
  organization: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

/** A user as every signed-in page and action sees them: who, their role, whether their address is verified, their organisation. */
export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  emailVerified: boolean;
  organizationId: string;
  organizationName: string;
}

function asMember({ organization, emailVerifiedAt, ...user }: Prisma.UserGetPayload<{ select: typeof memberFields }>): Member {
  return { ...user, emailVerified: emailVerifiedAt !== null, organizationId: organization.id, organizationName: organization.name };
}

/** A user with their organisation, or null if the account is gone. */
export async function findMember(userId: string): Promise<Member | null> {
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: memberFields });
  return user && asMember(user);
}

/**
 * The user of a session that is still on (not ended by a sign-out or a password change, not
 * expired) with their organisation, in one query; null otherwise. Every signed-in request asks this.
 */
export async function findSessionMember(userId: string, sessionId: string): Promise<(Member & { sessionId: string }) | null> {
  const prisma = await db();
  const session = await prisma.userSession.findFirst({ where: { id: sessionId, userId, expiresAt: { gt: now() } }, select: { user: { select: memberFields } } });
  return session && { ...asMember(session.user), sessionId };
}

/** Teammates and open invitations of an organisation. */
export async function listTeam(organizationId: string) {
  const prisma = await db();
  const [members, invites] = await Promise.all([
    prisma.user.findMany({
      where: { organizationId },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, email: true, role: true, createdAt: true },
    }),
    prisma.teamInvite.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invites };
}

/**
 * Invites a teammate by email. Only the token's hash is stored; the link lives in the queued
 * email alone (until the provider takes it). Inviting the same address again revokes the earlier link.
 * An address with an account in another organisation cannot accept (an account belongs to one
 * organisation): it is told so instead of getting a link, while the inviter sees the same as for
 * any address — inviting must not tell who has an account.
 */
export async function createTeamInvite(organizationId: string, invitedById: string, email: string, role: Role = Role.RECRUITER) {
  const prisma = await db();
  const [holder, inviter] = await Promise.all([
    prisma.user.findUnique({ where: { email }, select: { organizationId: true } }),
    prisma.user.findFirst({ where: { id: invitedById, organizationId }, select: { name: true, role: true, timeZone: true, organization: { select: { name: true } } } }),
  ]);
  if (!inviter) throw new NotFoundError("User");
  if (!mayChangeRole(inviter.role, Role.REVIEWER, role)) throw new FieldError("role", "Only an owner can invite another owner.");
  // The inviter sees their own team on the page anyway.
  if (holder?.organizationId === organizationId) throw new DuplicateError("email", "This person is already on your team.");
  await assertMayEmailOutsiders({ userId: invitedById, organizationId }, 1);
  const token = newSecretToken();
  const url = `${appUrl()}/invite?token=${token}`;
  const expiresAt = addDays(now(), INVITE_VALID_DAYS);
  const organizationName = inviter.organization.name;
  const rendered = holder
    ? await renderAccountEmail("team-invite-existing-account", { organizationName, inviterName: inviter.name })
    : await renderEmail({ template: "team-invitation", props: { organizationName, inviterName: inviter.name, acceptUrl: url, expiresAt: expiresAt.toISOString(), timeZone: inviter.timeZone ?? "UTC" } });
  await prisma.$transaction(async (tx) => {
    await tx.teamInvite.updateMany({
      where: { organizationId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now() },
    });
    await tx.teamInvite.create({ data: { organizationId, invitedById, email, role, tokenHash: hashToken(token), expiresAt } });
    if (holder) await queueAccountEmail(tx, "team-invite-existing-account", { email, organizationId }, rendered);
    else await enqueueEmail(tx, { organizationId, kind: EmailKind.TEAM_INVITE, toEmail: email, ...rendered, secret: token });
  });
  return { url: holder ? null : url };
}

/** Revokes an open invitation of this organisation. */
export async function revokeTeamInvite(organizationId: string, id: string) {
  const prisma = await db();
  const { count } = await prisma.teamInvite.updateMany({
    where: { id, organizationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now() },
  });
  if (count === 0) throw new NotFoundError("Invitation");
}

/** An open invitation for a link's token, or null (unknown, malformed, used, revoked, expired alike). */
export async function findOpenInvite(token: unknown) {
  if (!isTokenShaped(token)) return null;
  const prisma = await db();
  const invite = await prisma.teamInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, email: true, role: true, acceptedAt: true, revokedAt: true, expiresAt: true, organization: { select: { name: true } } },
  });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= now()) return null;
  return { id: invite.id, email: invite.email, role: invite.role, organizationName: invite.organization.name };
}

/** Turns an invitation into a member account, once (with the browser's time zone for their emails, when known). */
export async function acceptTeamInvite(token: string, input: { name: string; password: string; timeZone?: string | null }) {
  const invite = await findOpenInvite(token);
  if (!invite) throw new NotFoundError("Invitation");
  const prisma = await db();
  const passwordHash = await hashPassword(input.password);
  try {
    return await prisma.$transaction(async (tx) => {
      const claimed = await tx.teamInvite.updateMany({
        where: { id: invite.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: now() },
      });
      if (claimed.count === 0) throw new NotFoundError("Invitation");
      const { organizationId } = await tx.teamInvite.findUniqueOrThrow({ where: { id: invite.id }, select: { organizationId: true } });
      // The link reached the invited address: it is proven.
      const user = await tx.user.create({
        data: { email: invite.email, name: input.name, passwordHash, role: invite.role, organizationId, emailVerifiedAt: now(), timeZone: input.timeZone ?? null },
        select: { id: true, email: true },
      });
      return user;
    });
  } catch (error) {
    // The invitation's form has no email field to show it on: the message is the form's.
    if (isUniqueViolation(error)) throw new ExpectedError(EMAIL_TAKEN, "duplicate");
    throw error;
  }
}
