import { addSeconds } from "date-fns";
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { api, makeApiKey } from "./support/api";
import { makeJob, makeOrg } from "./support/factories";

const AT = new Date("2035-05-01T10:00:00Z");
afterEach(() => {
  setClock(null);
  delete process.env.KAIROS_API_REQUESTS_PER_MINUTE;
});

describe("API authentication", () => {
  it("refuses a missing, unknown or malformed key with the same 401 problem, and a wrong scope with 403", async () => {
    const org = await makeOrg("API auth");
    const missing = await api("listJobs", { key: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/problem+json");
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(missing.json).toMatchObject({ status: 401, code: "unauthorized", title: "Unauthorized" });
    const unknown = await api("listJobs", { key: `kairos_${"x".repeat(43)}` });
    const malformed = await api("listJobs", { key: "not-a-key" });
    expect(unknown.status).toBe(401);
    expect(malformed.json).toEqual(unknown.json);

    const { key } = await makeApiKey(org, ["candidates:write"]);
    const wrongScope = await api("listJobs", { key });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.json.detail).toContain("jobs:read");
  });

  it("stops a revoked key at once, and an expiring key at its expiry instant", async () => {
    setClock(AT);
    const org = await makeOrg("API expiry");
    const by = { userId: org.ownerId, organizationId: org.organizationId };
    const expiresAt = addSeconds(AT, 60);
    const { id, key } = await createApiKey(by, { name: "Expiring", scopes: ["jobs:read"], expiresAt });
    setClock(addSeconds(expiresAt, -1));
    expect((await api("listJobs", { key })).status).toBe(200);
    setClock(expiresAt);
    expect((await api("listJobs", { key })).json.detail).toBe("This API key has expired.");
    setClock(addSeconds(expiresAt, 1));
    expect((await api("listJobs", { key })).status).toBe(401);

    setClock(AT);
    const other = await makeApiKey(org, ["jobs:read"]);
    expect((await api("listJobs", { key: other.key })).status).toBe(200);
    await revokeApiKey(by, other.id);
    const revoked = await api("listJobs", { key: other.key });
    expect(revoked.status).toBe(401);
    expect(revoked.json.detail).toBe("This API key was revoked.");
    expect(id).toBeTruthy();
  });

  it("stops a key whose creator is demoted below admin", async () => {
    const org = await makeOrg("API demoted");
    const prisma = await db();
    const admin = await prisma.user.create({ data: { email: `admin-${org.suffix}@example.test`, name: "Admin", passwordHash: "x", role: Role.ADMIN, organizationId: org.organizationId, emailVerifiedAt: new Date() } });
    const { key } = await createApiKey({ userId: admin.id, organizationId: org.organizationId }, { name: "Admin's", scopes: ["jobs:read"], expiresAt: null });
    expect((await api("listJobs", { key })).status).toBe(200);
    await prisma.user.update({ where: { id: admin.id }, data: { role: Role.RECRUITER } });
    const refused = await api("listJobs", { key });
    expect(refused.status).toBe(401);
    expect(refused.json.detail).toContain("no longer an owner or admin");
  });

  it("counts requests per key in the database: RateLimit headers on every answer, 429 with Retry-After past the limit", async () => {
    setClock(AT);
    process.env.KAIROS_API_REQUESTS_PER_MINUTE = "3";
    const org = await makeOrg("API rate");
    const { key } = await makeApiKey(org, ["jobs:read"]);
    const first = await api("listJobs", { key });
    expect(first.headers.get("ratelimit-limit")).toBe("3");
    expect(first.headers.get("ratelimit-remaining")).toBe("2");
    expect(first.headers.get("ratelimit-reset")).toBe("60");
    await api("listJobs", { key });
    expect((await api("listJobs", { key })).status).toBe(200);
    setClock(addSeconds(AT, 45));
    const limited = await api("listJobs", { key });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("15");
    expect(limited.headers.get("ratelimit-remaining")).toBe("0");
    expect(limited.json.code).toBe("rate_limited");
    // Another key has its own budget; the next window starts afresh.
    expect((await api("listJobs", { key: (await makeApiKey(org, ["jobs:read"])).key })).status).toBe(200);
    setClock(addSeconds(AT, 60));
    expect((await api("listJobs", { key })).status).toBe(200);
  });
});

describe("API bad input", () => {
  it("answers malformed JSON, wrong types, a wrong media type and an oversized body with problems, writing nothing", async () => {
    const org = await makeOrg("API input");
    const { key } = await makeApiKey(org);
    const prisma = await db();
    const count = () => prisma.candidate.count({ where: { organizationId: org.organizationId } });

    const broken = await api("upsertCandidate", { key, body: '{"name": "Ada",' });
    expect(broken.status).toBe(400);
    expect(broken.json.detail).toBe("The body is not valid JSON.");

    const wrongTypes = await api("upsertCandidate", { key, body: { name: 42, email: "not an email", metadata: { nested: { no: true } } } });
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["/email", "/metadata/nested", "/name"]);

    const asForm = await api("upsertCandidate", { key, body: "name=Ada", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(asForm.status).toBe(415);

    const huge = await api("upsertCandidate", { key, body: { name: "Ada", email: "ada@example.test", notes: "x".repeat(70 * 1024) } });
    expect(huge.status).toBe(413);
    expect(huge.json.code).toBe("too_large");

    const badQuery = await api("listJobs", { key, query: { limit: "1000", cursor: "bogus" } });
    expect(badQuery.status).toBe(400);
    expect(badQuery.json.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(["?cursor", "?limit"]);

    const nul = await api("getJob", { key, params: { id: "../etc/passwd" } });
    expect(nul.status).toBe(404);
    expect(await count()).toBe(0);
  });

  it("replays a POST's response for its Idempotency-Key, and refuses the key with another body", async () => {
    const org = await makeOrg("API idempotency");
    const { key } = await makeApiKey(org);
    const headers = { "idempotency-key": "create-ada-1" };
    const body = { name: "Ada Lovelace", email: "ada@example.test", time_zone: "Europe/London" };
    const first = await api("upsertCandidate", { key, body, headers });
    expect(first.status).toBe(201);
    const again = await api("upsertCandidate", { key, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(first.json);
    const other = await api("upsertCandidate", { key, body: { ...body, name: "Someone Else" }, headers });
    expect(other.status).toBe(409);
    expect(other.json.code).toBe("idempotency_conflict");
    const prisma = await db();
    expect(await prisma.candidate.findMany({ where: { organizationId: org.organizationId }, select: { name: true } })).toEqual([{ name: "Ada Lovelace" }]);
    // Keys are per API key: another key may use the same string for its own request.
    const second = await makeApiKey(org);
    expect((await api("upsertCandidate", { key: second.key, body: { ...body, email: "grace@example.test" }, headers })).status).toBe(201);
  });

  it("never lets one organisation's key see another's records", async () => {
    const [a, b] = await Promise.all([makeOrg("API tenant A"), makeOrg("API tenant B")]);
    const job = await makeJob(a.organizationId);
    const { key } = await makeApiKey(b);
    const response = await api("getJob", { key, params: { id: job.id } });
    expect(response.status).toBe(404);
    expect(response.json.code).toBe("not_found");
    expect((await api("listJobs", { key })).json.data).toEqual([]);
  });
});
