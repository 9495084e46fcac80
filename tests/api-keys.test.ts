import { addDays, addSeconds } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { apiKeySchema, apiKeyFromFormData } from "@/app/(dashboard)/settings/api-keys/schema";
import { changeMemberRole, removeMember } from "@/lib/accounts/team-roles";
import { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from "@/lib/api/keys";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { asOwner, makeMember, makeOrg } from "./support/factories";

const AT = new Date("2035-06-01T12:00:00Z");
afterEach(() => setClock(null));

const byOwner = (org: { organizationId: string; ownerId: string }) => ({ userId: org.ownerId, organizationId: org.organizationId });
const input = (overrides: Partial<{ name: string; scopes: string[]; expiresAt: Date | null }> = {}) => ({ name: "Greenhouse", scopes: ["jobs:read", "interviews:write"], expiresAt: null, ...overrides });

async function keyRows(id: string) {
  const prisma = await db();
  // Every column, as the database holds it (not what the Prisma model chooses to return).
  return prisma.$queryRaw<Array<Record<string, unknown>>>`SELECT * FROM "ApiKey" WHERE "id" = ${id}`;
}

describe("creating API keys", () => {
  it("returns a kairos_ key once and stores only its SHA-256 and first characters", async () => {
    setClock(AT);
    const org = await makeOrg("Keys");
    const { id, key } = await createApiKey(byOwner(org), input({ name: "  Greenhouse  ", scopes: ["jobs:read", "jobs:read"] }));
    expect(key).toMatch(/^kairos_[\w-]{43}$/);

    const rows = await keyRows(id);
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(key);
    // Nor the secret part without the prefix, beyond the four characters lists show.
    expect(stored).not.toContain(key.slice("kairos_".length + 4));
    expect(rows[0]).toMatchObject({ name: "Greenhouse", prefix: key.slice(0, 11), scopes: ["jobs:read"], createdById: org.ownerId, revokedAt: null, lastUsedAt: null });

    const [listed] = await listApiKeys(org.organizationId);
    expect(listed).toMatchObject({ id, prefix: key.slice(0, 11), status: "active", createdBy: { name: "Owner" } });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed).not.toHaveProperty("tokenHash");
  });

  it("refuses bad scopes, names and expiries as field errors", async () => {
    setClock(AT);
    const org = await makeOrg("Key fields");
    const cases: Array<[Parameters<typeof input>[0], string]> = [
      [{ scopes: [] }, "scopes"],
      [{ scopes: ["jobs:read", "jobs:delete"] }, "scopes"],
      [{ scopes: ["*"] }, "scopes"],
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(81) }, "name"],
      [{ expiresAt: AT }, "expiresAt"],
      [{ expiresAt: addSeconds(AT, -1) }, "expiresAt"],
    ];
    for (const [bad, field] of cases) {
      const refusal = await createApiKey(byOwner(org), input(bad)).catch((error: unknown) => error);
      expect(refusal, JSON.stringify(bad)).toBeInstanceOf(FieldError);
      expect((refusal as FieldError).field).toBe(field);
    }
    expect(await listApiKeys(org.organizationId)).toEqual([]);
  });

  it("lets only owners and admins create and revoke, and only their own organisation's keys", async () => {
    const org = await makeOrg("Key roles");
    const admin = await makeMember(org, Role.ADMIN);
    const { id } = await createApiKey({ userId: admin.userId, organizationId: org.organizationId }, input());
    for (const role of [Role.RECRUITER, Role.REVIEWER]) {
      const member = await makeMember(org, role);
      const by = { userId: member.userId, organizationId: org.organizationId };
      await expect(createApiKey(by, input())).rejects.toBeInstanceOf(StateError);
      await expect(revokeApiKey(by, id)).rejects.toBeInstanceOf(StateError);
    }
    // A user id of another organisation with this organisation's id is nobody here.
    const other = await makeOrg("Other keys");
    await expect(createApiKey({ userId: other.ownerId, organizationId: org.organizationId }, input())).rejects.toBeInstanceOf(StateError);
    // Another organisation's owner naming this key: not found, as a missing one.
    await expect(revokeApiKey(byOwner(other), id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeApiKey(byOwner(other), "cm0000000000000000000000a")).rejects.toBeInstanceOf(NotFoundError);
    expect((await listApiKeys(org.organizationId)).map((k) => k.status)).toEqual(["active"]);
    expect(await listApiKeys(other.organizationId)).toEqual([]);
  });
});

describe("authenticating API keys", () => {
  it("accepts a live key as its creator, with its scopes", async () => {
    const org = await makeOrg("Auth");
    const { id, key } = await createApiKey(byOwner(org), input());
    expect(await authenticateApiKey(key)).toEqual({
      ok: true,
      caller: { organizationId: org.organizationId, apiKeyId: id, apiKeyName: "Greenhouse", scopes: ["jobs:read", "interviews:write"], userId: org.ownerId },
    });
  });

  it("answers unknown for a wrong key and a malformed one alike", async () => {
    const org = await makeOrg("Unknown");
    const { key } = await createApiKey(byOwner(org), input());
    const flipped = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    for (const presented of [flipped, key.slice(7), `kairos_${"x".repeat(500)}`, "kairos_", "Bearer " + key, key.toUpperCase(), "not a key", "kairos_\u0000"]) {
      expect(await authenticateApiKey(presented), presented.slice(0, 20)).toEqual({ ok: false, reason: "unknown" });
    }
    expect(await authenticateApiKey(null)).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a revoked key at once", async () => {
    const org = await makeOrg("Revoked");
    const { id, key } = await createApiKey(byOwner(org), input());
    expect((await authenticateApiKey(key)).ok).toBe(true);
    await revokeApiKey(byOwner(org), id);
    expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "revoked" });
    // Revoking again changes nothing; the list says so.
    await revokeApiKey(byOwner(org), id);
    expect((await listApiKeys(org.organizationId)).map((k) => k.status)).toEqual(["revoked"]);
  });

  it("works until the second before its expiry and is expired from that instant on", async () => {
    setClock(AT);
    const org = await makeOrg("Expiry");
    const expiresAt = addDays(AT, 30);
    const { key } = await createApiKey(byOwner(org), input({ expiresAt }));
    setClock(addSeconds(expiresAt, -1));
    expect((await authenticateApiKey(key)).ok).toBe(true);
    setClock(expiresAt);
    expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "expired" });
    setClock(addSeconds(expiresAt, 1));
    expect(await authenticateApiKey(key)).toEqual({ ok: false, reason: "expired" });
    expect((await listApiKeys(org.organizationId)).map((k) => k.status)).toEqual(["expired"]);
  });

  it("stops working when its creator is no longer an owner or admin, or leaves", async () => {
    const org = await makeOrg("Creator");
    const admin = await makeMember(org, Role.ADMIN);
    const other = await makeMember(org, Role.ADMIN);
    const demoted = await createApiKey({ userId: admin.userId, organizationId: org.organizationId }, input());
    const removed = await createApiKey({ userId: other.userId, organizationId: org.organizationId }, input());
    expect((await authenticateApiKey(demoted.key)).ok).toBe(true);

    await changeMemberRole(asOwner(org), admin.userId, Role.RECRUITER);
    expect(await authenticateApiKey(demoted.key)).toEqual({ ok: false, reason: "creator_demoted" });
    await changeMemberRole(asOwner(org), admin.userId, Role.ADMIN);
    expect((await authenticateApiKey(demoted.key)).ok).toBe(true);

    await removeMember(asOwner(org), other.userId);
    expect(await authenticateApiKey(removed.key)).toEqual({ ok: false, reason: "creator_gone" });
    // The key stays listed (it is the organisation's), made by "a former member".
    expect((await listApiKeys(org.organizationId)).find((k) => k.id === removed.id)?.createdBy).toBeNull();
  });

  it("writes lastUsedAt at most once a minute", async () => {
    setClock(AT);
    const org = await makeOrg("Last used");
    const { id, key } = await createApiKey(byOwner(org), input());
    const lastUsed = async () => (await (await db()).apiKey.findUniqueOrThrow({ where: { id }, select: { lastUsedAt: true } })).lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await authenticateApiKey(key);
    expect(await lastUsed()).toEqual(AT);
    setClock(addSeconds(AT, 59));
    await Promise.all([authenticateApiKey(key), authenticateApiKey(key)]);
    expect(await lastUsed()).toEqual(AT);
    setClock(addSeconds(AT, 60));
    await Promise.all([authenticateApiKey(key), authenticateApiKey(key)]);
    expect(await lastUsed()).toEqual(addSeconds(AT, 60));
    // A refused key is not "used".
    await revokeApiKey(byOwner(org), id);
    setClock(addSeconds(AT, 300));
    await authenticateApiKey(key);
    expect(await lastUsed()).toEqual(addSeconds(AT, 60));
  });
});

describe("the create form's schema", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
    return apiKeyFromFormData(data);
  };
  const errorsOf = (fields: Record<string, string | string[]>) => {
    const parsed = apiKeySchema.safeParse(form(fields));
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("reads a name, ticked scopes and an expiry in days or never", () => {
    expect(apiKeySchema.parse(form({ name: " ATS ", scope: ["jobs:read", "recordings:read"], expiresInDays: "90" }))).toEqual({ name: "ATS", scopes: ["jobs:read", "recordings:read"], expiresInDays: 90 });
    expect(apiKeySchema.parse(form({ name: "ATS", scope: "jobs:read", expiresInDays: "never" })).expiresInDays).toBeNull();
  });

  it("puts each refusal on its field", () => {
    expect(errorsOf({ name: "", expiresInDays: "90" })).toEqual({ name: expect.any(String), scopes: "Choose at least one scope." });
    expect(errorsOf({ name: "ATS", scope: ["jobs:read", "admin"], expiresInDays: "7" })).toEqual({ scopes: "Choose from the listed scopes.", expiresInDays: "Choose when the key expires." });
    expect(errorsOf({ name: "x".repeat(81), scope: "jobs:read" })).toEqual({ name: "Use at most 80 characters.", expiresInDays: "Choose when the key expires." });
  });
});
