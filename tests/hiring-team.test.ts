import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { InterviewStatus, Role } from "@/lib/generated/prisma/enums";
import { findInterviewForReviewer, listInterviews } from "@/lib/interviews/recruiter/queries";
import { findReview } from "@/lib/interviews/review/find-review";
import { findJob, setOnHiringTeam } from "@/lib/jobs";
import { asOwner, makeInterviewRow, makeJob, makeMember, makeOrg } from "./support/factories";

const ids = (list: { rows: Array<{ id: string }> }) => list.rows.map((r) => r.id).sort();

/** Two interviews of one job (one completed, one scheduled) and a completed one of another job. */
async function world() {
  const prisma = await db();
  const org = await makeOrg("Hiring team");
  const job = await makeJob(org.organizationId, ["Why us?"], { title: "Platform engineer" });
  const completed = await makeInterviewRow(org, InterviewStatus.COMPLETED, new Date(Date.now() - 86_400_000));
  const scheduled = await makeInterviewRow(org, InterviewStatus.SCHEDULED);
  const elsewhere = await makeInterviewRow(org, InterviewStatus.COMPLETED, new Date(Date.now() - 86_400_000));
  await prisma.interview.updateMany({ where: { id: { in: [completed.interviewId, scheduled.interviewId] } }, data: { jobId: job.id } });
  const reviewer = await makeMember(org, Role.REVIEWER, "Noor Haddad");
  const viewer = { userId: reviewer.userId, organizationId: org.organizationId, role: Role.REVIEWER };
  return { org, job, completed: completed.interviewId, scheduled: scheduled.interviewId, elsewhere: elsewhere.interviewId, reviewer, viewer };
}

describe("a job's hiring team", () => {
  it("a reviewer on it sees and is asked to score the job's completed interviews — not its unfinished ones, nor other jobs' — until taken off", async () => {
    const w = await world();
    expect(ids(await listInterviews(w.viewer, { when: "past", page: 1 }))).toEqual([]);
    expect(await findInterviewForReviewer(w.viewer, w.completed)).toBeNull();

    await setOnHiringTeam(asOwner(w.org), w.job.id, w.reviewer.userId, true);
    await setOnHiringTeam(asOwner(w.org), w.job.id, w.reviewer.userId, true); // again: no change
    expect((await findJob(w.org.organizationId, w.job.id))?.hiringTeam.map((t) => t.user.name)).toEqual(["Noor Haddad"]);
    expect(ids(await listInterviews(w.viewer, { when: "past", page: 1 }))).toEqual([w.completed]);
    expect(ids(await listInterviews(w.viewer, { when: "upcoming", page: 1 }))).toEqual([]);
    expect(ids(await listInterviews(w.viewer, { when: "mine", page: 1 }))).toEqual([w.completed]);
    expect(await findInterviewForReviewer(w.viewer, w.completed)).toMatchObject({ id: w.completed, request: null });
    expect(await findReview(w.viewer, w.completed)).not.toBeNull();
    for (const other of [w.scheduled, w.elsewhere]) {
      expect(await findInterviewForReviewer(w.viewer, other)).toBeNull();
      expect(await findReview(w.viewer, other)).toBeNull();
    }

    // A submitted scorecard takes it off "waiting for my review"; the list still holds it.
    const prisma = await db();
    await prisma.scorecard.create({ data: { organizationId: w.org.organizationId, interviewId: w.completed, reviewerId: w.reviewer.userId, reviewerName: "Noor Haddad", submittedAt: new Date() } });
    expect(ids(await listInterviews(w.viewer, { when: "mine", page: 1 }))).toEqual([]);

    await setOnHiringTeam(asOwner(w.org), w.job.id, w.reviewer.userId, false);
    expect(ids(await listInterviews(w.viewer, { when: "past", page: 1 }))).toEqual([]);
    expect(await findReview(w.viewer, w.completed)).toBeNull();
  });

  it("a recruiter on it finds the job's interviews waiting for their review", async () => {
    const w = await world();
    const recruiter = await makeMember(w.org, Role.RECRUITER);
    const asRecruiter = { userId: recruiter.userId, organizationId: w.org.organizationId, role: Role.RECRUITER };
    expect(ids(await listInterviews(asRecruiter, { when: "mine", page: 1 }))).toEqual([]);
    await setOnHiringTeam(asOwner(w.org), w.job.id, recruiter.userId, true);
    expect(ids(await listInterviews(asRecruiter, { when: "mine", page: 1 }))).toEqual([w.completed]);
  });

  it("refuses another organisation's job or teammate, writing nothing", async () => {
    const [w, other] = [await world(), await makeOrg("Elsewhere")];
    const outsider = await makeMember(other, Role.REVIEWER);
    await expect(setOnHiringTeam(asOwner(other), w.job.id, outsider.userId, true)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setOnHiringTeam(asOwner(w.org), w.job.id, outsider.userId, true)).rejects.toThrow("This teammate is not on your team any more.");
    await expect(setOnHiringTeam(asOwner(other), w.job.id, w.reviewer.userId, false)).rejects.toBeInstanceOf(NotFoundError);
    expect(await (await db()).jobReviewer.count({ where: { jobId: w.job.id } })).toBe(0);
  });
});
