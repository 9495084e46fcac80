import "server-only";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { member, recordEvent } from "@/lib/interviews/audit";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { mayChangeRole, ROLE_LABELS } from "./roles";

const LAST_OWNER = "An organisation needs an owner: make someone else an owner first.";
const NOT_ALLOWED = "Only an owner can make, unmake or remove an owner.";

/**
 * Locks the organisation's row and returns the target member and how many owners there are: two
 * owners demoting each other at once take turns, so the second sees the first's change and the
 * organisation never ends up without an owner.
 */
async function lockTeam(tx: Tx, organizationId: string, userId: string) {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("Organization");
  const [target, owners] = await Promise.all([
    tx.user.findFirst({ where: { id: userId, organizationId }, select: { id: true, role: true, name: true } }),
    tx.user.count({ where: { organizationId, role: Role.OWNER } }),
  ]);
  if (!target) throw new NotFoundError("Member");
  return { target, owners };
}

/** The acting member's role as it is now (a demotion a moment ago counts), or "not found". */
async function actorRole(tx: Tx, by: Viewer): Promise<Role> {
  const actor = await tx.user.findFirst({ where: { id: by.userId, organizationId: by.organizationId }, select: { role: true } });
  if (!actor) throw new NotFoundError("Member");
  return actor.role;
}

/** Gives a member another role (admins and owners; only owners touch owners; never the last owner away). */
export async function changeMemberRole(by: Viewer, userId: string, role: Role): Promise<{ name: string }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const { target, owners } = await lockTeam(tx, by.organizationId, userId);
    const actor = await actorRole(tx, by);
    if (!mayChangeRole(actor, target.role, role)) throw new StateError(NOT_ALLOWED);
    if (target.role === role) return { name: target.name };
    if (target.role === Role.OWNER && owners === 1) throw new StateError(LAST_OWNER);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      actor: member(by.userId),
      type: "member.role_changed",
      data: { userId, from: target.role, to: role },
      at: now(),
    });
    return { name: target.name };
  });
}

/**
 * Removes a member from the organisation: their account and sessions go at once (signed out
 * everywhere), the interviews they scheduled and the events they caused stay.
 */
export async function removeMember(by: Viewer, userId: string): Promise<{ name: string }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const { target, owners } = await lockTeam(tx, by.organizationId, userId);
    const actor = await actorRole(tx, by);
    if (!mayChangeRole(actor, target.role, null)) throw new StateError(NOT_ALLOWED);
    if (target.role === Role.OWNER && owners === 1) throw new StateError(LAST_OWNER);
    await tx.user.delete({ where: { id: userId } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      actor: member(by.userId),
      type: "member.removed",
      data: { userId, role: target.role, name: target.name },
      at: now(),
    });
    return { name: target.name };
  });
}

/** What the Team page says a role change did. */
export function roleChangedMessage(name: string, role: Role): string {
  return `${name} is now ${role === Role.ADMIN || role === Role.OWNER ? "an" : "a"} ${ROLE_LABELS[role].toLowerCase()}.`;
}
