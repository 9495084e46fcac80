import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Decision, Role, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { compareJob, findComparableJob, parseCompareFilters, type CompareFilters } from "@/lib/interviews/review/compare";
import { saveRating, submitScorecard } from "@/lib/interviews/review/scorecards";
import { asOwner, makeAnsweredInterview, makeJob, makeMember, makeOrg } from "./support/factories";

const ALL: CompareFilters = { sort: "completed", decision: "all", notReviewedByMe: false, question: 0 };

let org: Awaited<ReturnType<typeof makeOrg>>;
let owner: Viewer;
let alice: Viewer;
let bob: Viewer;
let jobId: string;
/** Ann, Ben, Cat and Dan: completed interviews of one job, in that order of completion (Dan newest). */
const made: Record<string, { interviewId: string; answerIds: string[] }> = {};

/** A completed two-answer interview of the shared job, completed `hoursAgo`, with `decision`. */
async function interviewOfJob(name: string, hoursAgo: number, decision: Decision | null = null) {
  const prisma = await db();
  const interview = await makeAnsweredInterview(org, [
    { presented: 0, answerStarted: 10, submitted: 60, text: `${name}'s first answer` },
    { presented: 60, answerStarted: 70, submitted: 120, text: `${name}'s second answer` },
  ]);
  await prisma.interview.update({ where: { id: interview.interviewId }, data: { jobId, completedAt: new Date(Date.now() - hoursAgo * 3600_000), decision } });
  await prisma.candidate.updateMany({ where: { interviews: { some: { id: interview.interviewId } } }, data: { name } });
  made[name] = interview;
  return interview;
}

async function score(viewer: Viewer, name: string, ratings: [number, number], submit: boolean) {
  const { interviewId, answerIds } = made[name]!;
  await saveRating(viewer, interviewId, answerIds[0]!, { rating: ratings[0], notes: `${name} note` });
  await saveRating(viewer, interviewId, answerIds[1]!, { rating: ratings[1], notes: "" });
  if (submit) await submitScorecard(viewer, interviewId, { recommendation: ScoreRecommendation.YES, comment: "" });
}

const names = (result: Awaited<ReturnType<typeof compareJob>>) => result?.rows.map((r) => r.candidateName);

beforeAll(async () => {
  org = await makeOrg("Compare");
  owner = asOwner(org);
  [alice, bob] = await Promise.all([makeMember(org, Role.REVIEWER, "Alice"), makeMember(org, Role.REVIEWER, "Bob")]);
  jobId = (await makeJob(org.organizationId, ["First?", "Second?"], { title: "Compared job" })).id;
  await interviewOfJob("Ann", 40, Decision.ADVANCE);
  await interviewOfJob("Ben", 30, Decision.REJECT);
  await interviewOfJob("Cat", 20);
  await interviewOfJob("Dan", 10);
  // Alice is asked about Ann, Ben and Cat; Bob about Ann and Ben.
  const prisma = await db();
  await prisma.reviewRequest.createMany({
    data: [
      ...["Ann", "Ben", "Cat"].map((n) => ({ organizationId: org.organizationId, interviewId: made[n]!.interviewId, reviewerId: alice.userId })),
      ...["Ann", "Ben"].map((n) => ({ organizationId: org.organizationId, interviewId: made[n]!.interviewId, reviewerId: bob.userId })),
    ],
  });
  // Bob submits on Ann (5, 5) and Ben (2, 2); Alice keeps a draft on Ann (1, 1) and submits Cat (4, 3).
  await score(bob, "Ann", [5, 5], true);
  await score(bob, "Ben", [2, 2], true);
  await score(alice, "Ann", [1, 1], false);
  await score(alice, "Cat", [4, 3], true);
});

describe("compareJob", () => {
  it("shows a recruiter every completed interview of the job, newest first, with the submitted means", async () => {
    const result = await compareJob(owner, jobId, ALL);
    expect(result?.job.title).toBe("Compared job");
    expect(result?.questions.map((q) => q.prompt)).toEqual(["First?", "Second?"]);
    expect(names(result)).toEqual(["Dan", "Cat", "Ben", "Ann"]);
    const ann = result!.rows.find((r) => r.candidateName === "Ann")!;
    // Alice's draft does not count: Bob's submitted 5s only.
    expect(ann.overallMean).toBe(5);
    expect(ann.answer).toMatchObject({ text: "Ann's first answer", mean: 5, ratingCount: 1, myRating: null });
    expect(result!.rows.find((r) => r.candidateName === "Cat")!.overallMean).toBe(3.5);
    expect(result!.rows.find((r) => r.candidateName === "Dan")!.overallMean).toBeNull();
    expect(result!.rows.every((r) => !r.meansHidden)).toBe(true);
  });

  it("keeps a reviewer blind in the query: no one else's rating on an interview until their own is submitted", async () => {
    const result = await compareJob(alice, jobId, ALL);
    // Only the interviews Alice was asked to review.
    expect(names(result)).toEqual(["Cat", "Ben", "Ann"]);
    const ann = result!.rows.find((r) => r.candidateName === "Ann")!;
    // Her own draft is hers to see; Bob's submitted 5s are nowhere in the result.
    expect(ann.answer).toMatchObject({ myRating: 1, myNotes: "Ann note", mean: null, ratingCount: 0 });
    expect(ann.overallMean).toBeNull();
    expect(ann.submittedByMe).toBe(false);
    expect(ann.meansHidden).toBe(true);
    const ben = result!.rows.find((r) => r.candidateName === "Ben")!;
    expect(ben.overallMean).toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/"mean":5|"mean":2/);
    // Where she has submitted, she sees the counted means (her own included).
    const cat = result!.rows.find((r) => r.candidateName === "Cat")!;
    expect(cat.overallMean).toBe(3.5);
    expect(cat.submittedByMe).toBe(true);
    expect(cat.meansHidden).toBe(false);

    // Once she submits on Ann, Bob's ratings count for her there too.
    await submitScorecard(alice, made.Ann!.interviewId, { recommendation: ScoreRecommendation.NO, comment: "" });
    const after = await compareJob(alice, jobId, ALL);
    expect(after!.rows.find((r) => r.candidateName === "Ann")!.overallMean).toBe(3);
    expect(after!.rows.find((r) => r.candidateName === "Ben")!.overallMean).toBeNull();
    await (await db()).scorecard.updateMany({ where: { interviewId: made.Ann!.interviewId, reviewerId: alice.userId }, data: { submittedAt: null } });
  });

  it("sorts by overall mean either way with unrated interviews last, and filters by decision and by my reviews", async () => {
    expect(names(await compareJob(owner, jobId, { ...ALL, sort: "mean-desc" }))).toEqual(["Ann", "Cat", "Ben", "Dan"]);
    expect(names(await compareJob(owner, jobId, { ...ALL, sort: "mean-asc" }))).toEqual(["Ben", "Cat", "Ann", "Dan"]);
    expect(names(await compareJob(owner, jobId, { ...ALL, decision: "advance" }))).toEqual(["Ann"]);
    expect(names(await compareJob(owner, jobId, { ...ALL, decision: "reject" }))).toEqual(["Ben"]);
    expect(names(await compareJob(owner, jobId, { ...ALL, decision: "hold" }))).toEqual([]);
    expect(names(await compareJob(owner, jobId, { ...ALL, decision: "undecided" }))).toEqual(["Dan", "Cat"]);
    // Bob submitted on Ann and Ben; Alice has only a draft on Ann.
    expect(names(await compareJob(bob, jobId, { ...ALL, notReviewedByMe: true }))).toEqual([]);
    expect(names(await compareJob(alice, jobId, { ...ALL, notReviewedByMe: true }))).toEqual(["Ben", "Ann"]);
    const none = await compareJob(owner, jobId, { ...ALL, decision: "hold" });
    expect(none?.completedCount).toBe(4);
  });

  it("shows the asked question's answers and my rating of each", async () => {
    const result = await compareJob(bob, jobId, { ...ALL, question: 1 });
    expect(result?.position).toBe(1);
    expect(result!.rows.map((r) => [r.candidateName, r.answer?.text, r.answer?.myRating])).toEqual([
      ["Ben", "Ben's second answer", 2],
      ["Ann", "Ann's second answer", 5],
    ]);
    // Past the last question: the last one.
    expect((await compareJob(bob, jobId, { ...ALL, question: 9 }))?.position).toBe(1);
  });

  it("is null for another organisation's job, an unknown job, and a reviewer asked about none of the job's interviews", async () => {
    const other = await makeOrg("Compare other");
    expect(await compareJob(asOwner(other), jobId, ALL)).toBeNull();
    expect(await compareJob(owner, "no-such-job", ALL)).toBeNull();
    const stranger = await makeMember(org, Role.REVIEWER, "Stranger");
    expect(await compareJob(stranger, jobId, ALL)).toBeNull();
    // The page's layout asks the same question first (its 404 comes before anything streams).
    expect(await findComparableJob(asOwner(other), jobId)).toBeNull();
    expect(await findComparableJob(stranger, jobId)).toBeNull();
    expect(await findComparableJob(alice, jobId)).toEqual({ id: jobId, title: "Compared job" });
  });

  it("reads its filters from search params, falling back to the defaults", () => {
    expect(parseCompareFilters({})).toEqual(ALL);
    expect(parseCompareFilters({ sort: "mean-asc", decision: "hold", mine: "unreviewed", q: "3" })).toEqual({ sort: "mean-asc", decision: "hold", notReviewedByMe: true, question: 2 });
    expect(parseCompareFilters({ sort: "drop table", decision: ["a", "b"], q: "-1" })).toEqual(ALL);
  });
});
