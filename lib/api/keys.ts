import "server-only";
import { randomBytes } from "node:crypto";
import { subMinutes } from "date-fns";
import { managesTeam } from "@/lib/accounts/roles";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_KEY_NAME_MAX } from "@/lib/limits";
import { hashToken } from "@/lib/tokens";
import { isApiScope, type ApiScope } from "./scopes";

/** Every key starts with this, so secret scanners (GitHub's, gitleaks) can recognise a leaked one. */
export const API_KEY_PREFIX = "kairos_";
/** How much of a key lists show: the prefix and four characters, enough to tell keys apart. */
const SHOWN_LENGTH = API_KEY_PREFIX.length + 4;
/** lastUsedAt is written at most this often per key, not on every request. */
const LAST_USED_EVERY_MINUTES = 1;

export interface ApiKeyInput {
  name: string;
  scopes: string[];
  expiresAt: Date | null;
}

/** Who creates or revokes keys: an owner or admin of the organisation. */
export interface KeyAdmin {
  userId: string;
  organizationId: string;
}

const FORBIDDEN = "Only an owner or admin can manage API keys.";

async function assertAdmin(by: KeyAdmin) {
  const prisma = await db();
  const user = await prisma.user.findFirst({ where: { id: by.userId, organizationId: by.organizationId }, select: { role: true } });
  if (!user || !managesTeam(user.role)) throw new StateError(FORBIDDEN);
}

/** A new key: 32 random bytes after the prefix. */
function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString("base64url");
}

/** Creates a key and returns it, the one time it exists: only its SHA-256 is stored. */
export async function createApiKey(by: KeyAdmin, input: ApiKeyInput): Promise<{ id: string; key: string }> {
  await assertAdmin(by);
  // The form's schema checks the same bounds; lib holds them too, for callers that are not the form.
  const name = input.name.trim();
  if (name.length === 0 || name.length > API_KEY_NAME_MAX) throw new FieldError("name", `Name the key in 1 to ${API_KEY_NAME_MAX} characters.`);
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || !scopes.every(isApiScope)) throw new FieldError("scopes", "Choose at least one of the listed scopes.");
  if (input.expiresAt && input.expiresAt.getTime() <= now().getTime()) throw new FieldError("expiresAt", "Choose an expiry in the future.");
  const key = newApiKey();
  const prisma = await db();
  const created = await prisma.apiKey.create({
    data: {
      organizationId: by.organizationId,
      name,
      prefix: key.slice(0, SHOWN_LENGTH),
      tokenHash: hashToken(key),
      scopes,
      createdById: by.userId,
      expiresAt: input.expiresAt,
    },
    select: { id: true },
  });
  return { id: created.id, key };
}

/** Revokes a key at once: the next request with it is refused. */
export async function revokeApiKey(by: KeyAdmin, id: string): Promise<void> {
  await assertAdmin(by);
  const prisma = await db();
  const { count } = await prisma.apiKey.updateMany({ where: { id, organizationId: by.organizationId, revokedAt: null }, data: { revokedAt: now() } });
  if (count === 0) {
    const exists = await prisma.apiKey.findFirst({ where: { id, organizationId: by.organizationId }, select: { id: true } });
    if (!exists) throw new NotFoundError("API key");
  }
}

export type ApiKeyStatus = "active" | "expired" | "revoked";

/** A key's state at `at`: revoked wins over expired; a key is expired from its expiry instant on. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, at: Date): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  return key.expiresAt && at.getTime() >= key.expiresAt.getTime() ? "expired" : "active";
}

/** The organisation's keys, newest first, as the settings page lists them (never a hash). */
export async function listApiKeys(organizationId: string) {
  const prisma = await db();
  const keys = await prisma.apiKey.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
  const at = now();
  return keys.map((key) => ({ ...key, status: apiKeyStatus(key, at) }));
}

/** The caller an API request acts as: the organisation, the key, its scopes, and the member who created it. */
export interface ApiCaller {
  organizationId: string;
  apiKeyId: string;
  apiKeyName: string;
  scopes: ApiScope[];
  /** The key acts as its creator (invitations come from them); a key whose creator left works no more. */
  userId: string;
}

interface KeyRow {
  id: string;
  name: string;
  organizationId: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  creatorId: string | null;
  creatorOrganizationId: string | null;
  creatorRole: string | null;
}

export type KeyVerdict =
  | { ok: true; caller: ApiCaller }
  | { ok: false; reason: "missing" | "unknown" | "revoked" | "expired" | "creator_gone" | "creator_demoted" };

/**
 * Judges a presented key: unknown (or malformed), revoked, expired, or one whose creator is no
 * longer an owner or admin of its organisation are refused. Notes the key's last use (at most
 * once a minute, so a busy integration does not write on every request).
 */
export async function authenticateApiKey(presented: string | null): Promise<KeyVerdict> {
  if (!presented) return { ok: false, reason: "missing" };
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200) return { ok: false, reason: "unknown" };
  const prisma = await db();
  // SQL, not findUnique with its relation: every API request reads this, and Prisma 6 compiles
  // each query anew and fetches a relation in a second round trip (README, Benchmarks).
  const [key] = await prisma.$queryRaw<KeyRow[]>`
    SELECT k.id, k.name, k."organizationId", k.scopes, k."expiresAt", k."revokedAt", k."lastUsedAt",
      u.id AS "creatorId", u."organizationId" AS "creatorOrganizationId", u.role::text AS "creatorRole"
    FROM "ApiKey" k LEFT JOIN "User" u ON u.id = k."createdById"
    WHERE k."tokenHash" = ${hashToken(presented)}`;
  if (!key) return { ok: false, reason: "unknown" };
  const at = now();
  const status = apiKeyStatus(key, at);
  if (status !== "active") return { ok: false, reason: status };
  if (!key.creatorId || key.creatorOrganizationId !== key.organizationId) return { ok: false, reason: "creator_gone" };
  if (!managesTeam(key.creatorRole as Role)) return { ok: false, reason: "creator_demoted" };
  const stale = subMinutes(at, LAST_USED_EVERY_MINUTES);
  if (!key.lastUsedAt || key.lastUsedAt <= stale) {
    // Conditional in the database too: of concurrent requests that all read a stale value, one writes.
    await prisma.apiKey.updateMany({ where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] }, data: { lastUsedAt: at } });
  }
  return {
    ok: true,
    caller: { organizationId: key.organizationId, apiKeyId: key.id, apiKeyName: key.name, scopes: key.scopes.filter(isApiScope), userId: key.creatorId },
  };
}
