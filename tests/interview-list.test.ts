import { beforeAll, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { InterviewStatus, Role } from "@/lib/generated/prisma/enums";
import { listInterviews } from "@/lib/interviews/recruiter/queries";
import { asOwner, makeCandidate, makeInterviewRow, makeMember, makeOrg } from "./support/factories";

const HOUR = 3600_000;

let org: Awaited<ReturnType<typeof makeOrg>>;
const rows: Record<string, string> = {};

/** An interview in `status` scheduled `hours` from now, for a candidate named `name`. */
async function interview(label: string, status: InterviewStatus, hours: number, name: string, email: string) {
  const prisma = await db();
  const { interviewId } = await makeInterviewRow(org, status, new Date(Date.now() + hours * HOUR));
  const candidate = await makeCandidate(org.organizationId, "Europe/London", { name, email });
  await prisma.interview.update({ where: { id: interviewId }, data: { candidateId: candidate.id } });
  rows[label] = interviewId;
}

const ids = (list: { rows: Array<{ id: string }> }) => list.rows.map((r) => r.id);
const labels = (list: { rows: Array<{ id: string }> }) => ids(list).map((id) => Object.entries(rows).find(([, v]) => v === id)?.[0] ?? id);

beforeAll(async () => {
  setClock(null); // the rows are written relative to the real time
  org = await makeOrg("Interview list");
  await interview("started late, still answering", InterviewStatus.IN_PROGRESS, -0.5, "Ines Progress", "ines@example.test");
  await interview("starts soon, not started", InterviewStatus.SCHEDULED, 2, "Sam Soon", "sam.soon@example.test");
  await interview("start passed, link still open", InterviewStatus.SCHEDULED, -0.1, "Olga Open", "olga@example.test");
  await interview("completed yesterday", InterviewStatus.COMPLETED, -24, "Carla Done", "carla@example.test");
  await interview("expired", InterviewStatus.EXPIRED, -48, "Eli Late", "eli@sample.test");
  await interview("cancelled, was for tomorrow", InterviewStatus.CANCELLED, 24, "Cid Cancel", "cid@example.test");
});

describe("listInterviews groups by status, not by the clock", () => {
  it("an interview still going on (scheduled or in progress) is upcoming, whenever it was scheduled", async () => {
    const upcoming = await listInterviews(asOwner(org), { when: "upcoming", page: 1 });
    expect(labels(upcoming)).toEqual(["started late, still answering", "start passed, link still open", "starts soon, not started"]);
  });

  it("past holds only finished interviews, latest first", async () => {
    const past = await listInterviews(asOwner(org), { when: "past", page: 1 });
    expect(labels(past)).toEqual(["cancelled, was for tomorrow", "completed yesterday", "expired"]);
    expect(past.rows.map((r) => r.status)).not.toContain(InterviewStatus.IN_PROGRESS);
  });
});

describe("listInterviews searches by candidate", () => {
  it("matches part of the name, whatever its case, or part of the email", async () => {
    expect(labels(await listInterviews(asOwner(org), { when: "upcoming", page: 1, q: "progress" }))).toEqual(["started late, still answering"]);
    expect(labels(await listInterviews(asOwner(org), { when: "upcoming", page: 1, q: "SAM.SOON@" }))).toEqual(["starts soon, not started"]);
    expect(labels(await listInterviews(asOwner(org), { when: "past", page: 1, q: "sample.test" }))).toEqual(["expired"]);
  });

  it("finds nothing for a candidate in another tab or another organisation, and treats LIKE's wildcards as text", async () => {
    expect(ids(await listInterviews(asOwner(org), { when: "past", page: 1, q: "Sam Soon" }))).toEqual([]);
    const elsewhere = await makeOrg("Interview list, elsewhere");
    expect(ids(await listInterviews(asOwner(elsewhere), { when: "upcoming", page: 1, q: "Sam" }))).toEqual([]);
    expect(ids(await listInterviews(asOwner(org), { when: "upcoming", page: 1, q: "%" }))).toEqual([]);
    expect(ids(await listInterviews(asOwner(org), { when: "upcoming", page: 1, q: "_" }))).toEqual([]);
  });
});

describe("a reviewer's list", () => {
  it("holds only the interviews they are asked to review, found by name but never by address", async () => {
    const prisma = await db();
    const reviewer = await makeMember(org, Role.REVIEWER);
    const viewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
    expect(ids(await listInterviews(viewer, { when: "past", page: 1 }))).toEqual([]);
    await prisma.reviewRequest.create({ data: { organizationId: org.organizationId, interviewId: rows["completed yesterday"]!, reviewerId: reviewer.userId } });
    expect(labels(await listInterviews(viewer, { when: "past", page: 1 }))).toEqual(["completed yesterday"]);
    expect(labels(await listInterviews(viewer, { when: "past", page: 1, q: "carla" }))).toEqual(["completed yesterday"]);
    expect(ids(await listInterviews(viewer, { when: "past", page: 1, q: "carla@example" }))).toEqual([]);
    // Waiting for my review: asked and not yet submitted; "1 of 1 reviewed" once it is.
    expect(labels(await listInterviews(viewer, { when: "mine", page: 1 }))).toEqual(["completed yesterday"]);
    expect((await listInterviews(viewer, { when: "past", page: 1 })).rows[0]!.reviews).toEqual({ asked: 1, done: 0 });
    await prisma.scorecard.create({ data: { organizationId: org.organizationId, interviewId: rows["completed yesterday"]!, reviewerId: reviewer.userId, reviewerName: reviewer.name, submittedAt: new Date() } });
    expect(ids(await listInterviews(viewer, { when: "mine", page: 1 }))).toEqual([]);
    expect((await listInterviews(viewer, { when: "past", page: 1 })).rows[0]!.reviews).toEqual({ asked: 1, done: 1 });
    // A recruiter sees every interview, asked or not.
    const recruiter = await makeMember(org, Role.RECRUITER);
    expect(labels(await listInterviews({ userId: recruiter.userId, organizationId: org.organizationId, role: Role.RECRUITER }, { when: "past", page: 1 }))).toHaveLength(3);
  });
});
