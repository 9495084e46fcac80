import { describe, expect, it } from "vitest";
import {
  CANDIDATE_PAGE_SIZE,
  createCandidate,
  deleteCandidate,
  findCandidate,
  listCandidates,
  updateCandidate,
} from "@/lib/candidates";
import { DuplicateError, NotFoundError } from "@/lib/errors";
import { candidateInput, makeOrg, uniqueEmail } from "./support/factories";

describe("candidate emails", () => {
  it("are unique within an organisation", async () => {
    const { organizationId } = await makeOrg();
    const email = uniqueEmail("cand");
    await createCandidate(organizationId, candidateInput({ email }));

    const attempt = createCandidate(organizationId, candidateInput({ name: "Someone else", email }));
    await expect(attempt).rejects.toBeInstanceOf(DuplicateError);
    await expect(attempt).rejects.toMatchObject({ field: "email" });
    expect((await listCandidates(organizationId)).total).toBe(1);
  });

  it("may repeat in another organisation", async () => {
    const [a, b] = await Promise.all([makeOrg(), makeOrg()]);
    const email = uniqueEmail("shared");
    await createCandidate(a.organizationId, candidateInput({ email }));
    const { id } = await createCandidate(b.organizationId, candidateInput({ email }));
    expect(await findCandidate(b.organizationId, id)).toMatchObject({ email });
  });

  it("cannot be changed to one already taken", async () => {
    const { organizationId } = await makeOrg();
    const taken = uniqueEmail("taken");
    await createCandidate(organizationId, candidateInput({ email: taken }));
    const { id } = await createCandidate(organizationId, candidateInput({ name: "Bea" }));
    const before = await findCandidate(organizationId, id);

    const attempt = updateCandidate(organizationId, id, candidateInput({ name: "Bea", email: taken }));
    await expect(attempt).rejects.toBeInstanceOf(DuplicateError);
    await expect(attempt).rejects.toMatchObject({ field: "email" });
    expect(await findCandidate(organizationId, id)).toEqual(before);

    // Saving a candidate with its own email is not a duplicate.
    await updateCandidate(organizationId, id, candidateInput({ name: "Bea B.", email: before!.email }));
    expect(await findCandidate(organizationId, id)).toMatchObject({ name: "Bea B.", email: before!.email });
  });
});

describe("deleteCandidate", () => {
  it("deletes once, then reports not found", async () => {
    const { organizationId } = await makeOrg();
    const { id } = await createCandidate(organizationId, candidateInput());
    await deleteCandidate(organizationId, id);
    expect(await findCandidate(organizationId, id)).toBeNull();
    await expect(deleteCandidate(organizationId, id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listCandidates", () => {
  it("searches names case-insensitively and emails by fragment", async () => {
    const { organizationId, suffix } = await makeOrg();
    const marie = await createCandidate(organizationId, candidateInput({ name: "Marie Curie", email: `marie.${suffix}@radium.test` }));
    const alan = await createCandidate(organizationId, candidateInput({ name: "Alan Turing", email: `alan.${suffix}@bletchley.test` }));

    const ids = async (query: string) => (await listCandidates(organizationId, { query })).rows.map((c) => c.id);
    expect(await ids("cURIE")).toEqual([marie.id]);
    expect(await ids("  alan ")).toEqual([alan.id]);
    expect(await ids("BLETCHLEY")).toEqual([alan.id]);
    expect(await ids(`marie.${suffix}`)).toEqual([marie.id]);
    expect(await ids("nobody-by-this-name")).toEqual([]);
    expect(await ids("")).toEqual([alan.id, marie.id]);
  });

  it("takes % and _ as the characters they are, not as patterns", async () => {
    const { organizationId, suffix } = await makeOrg();
    const percent = await createCandidate(organizationId, candidateInput({ name: "Ada 100% Lovelace", email: `ada.${suffix}@engine.test` }));
    await createCandidate(organizationId, candidateInput({ name: "Grace Hopper", email: `grace.${suffix}@cobol.test` }));

    const ids = async (query: string) => (await listCandidates(organizationId, { query })).rows.map((c) => c.id);
    expect(await ids("%")).toEqual([percent.id]);
    expect(await ids("_")).toEqual([]);
    expect(await ids("100%")).toEqual([percent.id]);
  });

  it("pages by CANDIDATE_PAGE_SIZE, ordered by name", async () => {
    const { organizationId } = await makeOrg();
    const empty = await listCandidates(organizationId);
    expect(empty).toEqual({ rows: [], total: 0, pageCount: 1 });

    const names = Array.from({ length: CANDIDATE_PAGE_SIZE + 1 }, (_, i) => `Candidate ${String(i).padStart(3, "0")}`);
    for (const name of names) await createCandidate(organizationId, candidateInput({ name }));

    const first = await listCandidates(organizationId, { page: 1 });
    const second = await listCandidates(organizationId, { page: 2 });
    expect(first).toMatchObject({ total: names.length, pageCount: 2 });
    expect(first.rows.map((c) => c.name)).toEqual(names.slice(0, CANDIDATE_PAGE_SIZE));
    expect(second.rows.map((c) => c.name)).toEqual([names.at(-1)]);
    expect(await listCandidates(organizationId, { query: "Candidate 01" })).toMatchObject({ total: 10, pageCount: 1 });
  });
});
