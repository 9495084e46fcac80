import { beforeAll, describe, expect, it } from "vitest";
import { createTeamInvite, findOpenInvite, listTeam, revokeTeamInvite } from "@/lib/accounts/members";
import { createCandidate, deleteCandidate, findCandidate, listCandidates, updateCandidate } from "@/lib/candidates";
import { NotFoundError } from "@/lib/errors";
import { createJob, findJob, listJobs, setJobStatus, updateJob } from "@/lib/jobs";
import { candidateInput, inviteToken, jobInput, makeOrg, uniqueEmail } from "./support/factories";

// Org B holds A's ids (as if guessed or leaked) and tries every operation on them.
let a: Awaited<ReturnType<typeof makeOrg>>;
let b: Awaited<ReturnType<typeof makeOrg>>;
let jobId: string;
let candidateId: string;
let inviteId: string;
let inviteLink: string;

beforeAll(async () => {
  [a, b] = await Promise.all([makeOrg("Org A"), makeOrg("Org B")]);
  jobId = (await createJob(a.organizationId, jobInput({ title: `A job ${a.suffix}` }))).id;
  candidateId = (await createCandidate(a.organizationId, candidateInput({ name: `A candidate ${a.suffix}` }))).id;
  inviteLink = inviteToken((await createTeamInvite(a.organizationId, a.ownerId, uniqueEmail("a-invitee"))).url);
  inviteId = (await findOpenInvite(inviteLink))!.id;
  await createJob(b.organizationId, jobInput({ title: `B job ${b.suffix}` }));
  await createCandidate(b.organizationId, candidateInput({ name: `B candidate ${b.suffix}` }));
});

/** Runs B's attempt and checks A's rows are exactly as before it. */
async function attempt(action: () => Promise<unknown>) {
  const before = { job: await findJob(a.organizationId, jobId), candidate: await findCandidate(a.organizationId, candidateId) };
  expect(before.job).not.toBeNull();
  expect(before.candidate).not.toBeNull();
  const result: { value?: unknown; error?: unknown } = await action().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  expect({ job: await findJob(a.organizationId, jobId), candidate: await findCandidate(a.organizationId, candidateId) }).toEqual(before);
  expect(await findOpenInvite(inviteLink)).toMatchObject({ id: inviteId });
  return result;
}

describe("another organisation", () => {
  it("cannot read A's job or candidate", async () => {
    expect(await attempt(() => findJob(b.organizationId, jobId))).toEqual({ value: null });
    expect(await attempt(() => findCandidate(b.organizationId, candidateId))).toEqual({ value: null });
  });

  it.each([
    ["update A's job", () => updateJob(b.organizationId, jobId, jobInput({ title: "Hijacked" }, ["Hijacked?"]))],
    ["archive A's job", () => setJobStatus(b.organizationId, jobId, "ARCHIVED")],
    ["update A's candidate", () => updateCandidate(b.organizationId, candidateId, candidateInput({ name: "Hijacked" }))],
    ["delete A's candidate", () => deleteCandidate(b.organizationId, candidateId)],
    ["revoke A's invite", () => revokeTeamInvite(b.organizationId, inviteId)],
  ])("cannot %s", async (_label, action) => {
    expect((await attempt(action)).error).toBeInstanceOf(NotFoundError);
  });

  it("never lists A's rows", async () => {
    for (const status of ["OPEN", "ARCHIVED"] as const) {
      const jobs = await listJobs(b.organizationId, status);
      expect(jobs.map((j) => j.id)).not.toContain(jobId);
    }
    expect((await listJobs(b.organizationId, "OPEN")).map((j) => j.title)).toContain(`B job ${b.suffix}`);

    const all = await listCandidates(b.organizationId);
    expect(all.rows.map((c) => c.id)).not.toContain(candidateId);
    expect(all.rows.map((c) => c.name)).toContain(`B candidate ${b.suffix}`);
    expect(await listCandidates(b.organizationId, { query: `A candidate ${a.suffix}` })).toMatchObject({ rows: [], total: 0 });
    expect((await listTeam(b.organizationId)).invites).toEqual([]);
  });
});
