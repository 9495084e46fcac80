import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { changeMemberRole, removeMember } from "@/lib/accounts/team-roles";
import { findSessionMember } from "@/lib/accounts/members";
import { startSession } from "@/lib/accounts/sessions";
import { makeMember, makeOrg } from "./support/factories";

const viewer = (m: { userId: string; organizationId: string; role: Role }) => ({ userId: m.userId, organizationId: m.organizationId, role: m.role });
const roleOf = async (userId: string) => (await (await db()).user.findUnique({ where: { id: userId }, select: { role: true } }))?.role ?? null;
const ownerOf = (org: Awaited<ReturnType<typeof makeOrg>>) => ({ userId: org.ownerId, organizationId: org.organizationId, role: Role.OWNER });

describe("changing a member's role", () => {
  it("an owner gives any role, and the change is audited", async () => {
    const org = await makeOrg("Roles");
    const recruiter = await makeMember(org, Role.RECRUITER);
    for (const role of [Role.REVIEWER, Role.ADMIN, Role.OWNER, Role.RECRUITER]) {
      await changeMemberRole(ownerOf(org), recruiter.userId, role);
      expect(await roleOf(recruiter.userId)).toBe(role);
    }
    const events = await (await db()).auditEvent.findMany({ where: { organizationId: org.organizationId, type: "member.role_changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.data as { to: string }).to)).toEqual(["REVIEWER", "ADMIN", "OWNER", "RECRUITER"]);
    expect(events.every((e) => e.actorId === org.ownerId)).toBe(true);
  });

  it("an admin manages everyone below owner, but neither makes nor touches an owner", async () => {
    const org = await makeOrg("Admin");
    const admin = await makeMember(org, Role.ADMIN);
    const reviewer = await makeMember(org, Role.REVIEWER);
    await changeMemberRole(viewer(admin), reviewer.userId, Role.RECRUITER);
    expect(await roleOf(reviewer.userId)).toBe(Role.RECRUITER);
    await expect(changeMemberRole(viewer(admin), reviewer.userId, Role.OWNER)).rejects.toBeInstanceOf(StateError);
    await expect(changeMemberRole(viewer(admin), org.ownerId, Role.ADMIN)).rejects.toBeInstanceOf(StateError);
    await expect(removeMember(viewer(admin), org.ownerId)).rejects.toBeInstanceOf(StateError);
    expect(await roleOf(reviewer.userId)).toBe(Role.RECRUITER);
    expect(await roleOf(org.ownerId)).toBe(Role.OWNER);
  });

  it("recruiters and reviewers change no one's role, and remove no one", async () => {
    const org = await makeOrg("Lower");
    const recruiter = await makeMember(org, Role.RECRUITER);
    const reviewer = await makeMember(org, Role.REVIEWER);
    for (const actor of [recruiter, reviewer]) {
      await expect(changeMemberRole(viewer(actor), reviewer.userId, Role.ADMIN)).rejects.toBeInstanceOf(StateError);
      await expect(changeMemberRole(viewer(actor), actor.userId, Role.OWNER)).rejects.toBeInstanceOf(StateError);
      await expect(removeMember(viewer(actor), recruiter.userId)).rejects.toBeInstanceOf(StateError);
    }
    expect([await roleOf(recruiter.userId), await roleOf(reviewer.userId)]).toEqual([Role.RECRUITER, Role.REVIEWER]);
  });

  it("acts on the actor's role as it is now, not as the page that sent it saw it", async () => {
    const org = await makeOrg("Stale");
    const admin = await makeMember(org, Role.ADMIN);
    const reviewer = await makeMember(org, Role.REVIEWER);
    await changeMemberRole(ownerOf(org), admin.userId, Role.RECRUITER);
    await expect(changeMemberRole(viewer(admin), reviewer.userId, Role.ADMIN)).rejects.toBeInstanceOf(StateError);
    expect(await roleOf(reviewer.userId)).toBe(Role.REVIEWER);
  });

  it("the last owner can be neither demoted nor removed; with two owners, one may go", async () => {
    const org = await makeOrg("Last owner");
    const owner = ownerOf(org);
    await expect(changeMemberRole(owner, org.ownerId, Role.ADMIN)).rejects.toThrow("An organisation needs an owner");
    await expect(removeMember(owner, org.ownerId)).rejects.toThrow("An organisation needs an owner");
    const second = await makeMember(org, Role.OWNER);
    await changeMemberRole(owner, org.ownerId, Role.ADMIN);
    expect(await roleOf(org.ownerId)).toBe(Role.ADMIN);
    await expect(changeMemberRole(viewer(second), second.userId, Role.RECRUITER)).rejects.toThrow("An organisation needs an owner");
  });

  it("two owners demoting themselves at once leave one owner", async () => {
    const org = await makeOrg("Race");
    const second = await makeMember(org, Role.OWNER);
    const results = await Promise.allSettled([
      changeMemberRole(ownerOf(org), org.ownerId, Role.ADMIN),
      changeMemberRole(viewer(second), second.userId, Role.ADMIN),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: expect.any(StateError) });
    expect(await (await db()).user.count({ where: { organizationId: org.organizationId, role: Role.OWNER } })).toBe(1);
  });

  it("another organisation's member is not found, and so is an unknown id", async () => {
    const [org, other] = await Promise.all([makeOrg("Mine"), makeOrg("Theirs")]);
    const theirs = await makeMember(other, Role.RECRUITER);
    await expect(changeMemberRole(ownerOf(org), theirs.userId, Role.REVIEWER)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(ownerOf(org), theirs.userId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeMember(ownerOf(org), "c0000000000000000000000000")).rejects.toBeInstanceOf(NotFoundError);
    expect(await roleOf(theirs.userId)).toBe(Role.RECRUITER);
  });
});

describe("removing a member", () => {
  it("ends their sessions at once and keeps the interviews they scheduled", async () => {
    const org = await makeOrg("Remove");
    const recruiter = await makeMember(org, Role.RECRUITER, "Rae Removed");
    const sessionId = await startSession(recruiter.userId);
    expect(await findSessionMember(recruiter.userId, sessionId)).not.toBeNull();
    expect(await removeMember(ownerOf(org), recruiter.userId)).toEqual({ name: "Rae Removed" });
    expect(await findSessionMember(recruiter.userId, sessionId)).toBeNull();
    const event = await (await db()).auditEvent.findFirst({ where: { organizationId: org.organizationId, type: "member.removed" } });
    expect(event?.data).toMatchObject({ userId: recruiter.userId, role: "RECRUITER", name: "Rae Removed" });
  });
});
