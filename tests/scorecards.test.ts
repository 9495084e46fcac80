import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError, FieldError, NotFoundError, StateError } from "@/lib/errors";
import { Decision, InterviewStatus, Role, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { decide } from "@/lib/interviews/review/decide";
import { findReview } from "@/lib/interviews/review/find-review";
import { reopenScorecard, saveRating, saveRecommendation, submitScorecard } from "@/lib/interviews/review/scorecards";
import { summarise, type ScorecardForSummary } from "@/lib/interviews/review/summary";
import { makeAnsweredInterview, makeOrg, uniqueEmail } from "./support/factories";

const T0 = new Date("2026-06-01T08:00:00.000Z");

let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
let owner: Viewer;
let recruiter: Viewer;
let alice: Viewer;
let bob: Viewer;
let stranger: Viewer;

async function makeMember(organizationId: string, name: string, role: Role): Promise<Viewer> {
  const prisma = await db();
  const user = await prisma.user.create({ data: { email: uniqueEmail(name.toLowerCase()), name, passwordHash: "scrypt$unused", role, organizationId } });
  return { userId: user.id, organizationId, role };
}

/** A completed interview that Alice and Bob (reviewers) are asked to review; the stranger is not. */
async function reviewedInterview() {
  const prisma = await db();
  const made = await makeAnsweredInterview(org);
  await prisma.reviewRequest.createMany({
    data: [alice, bob].map((r) => ({ organizationId: org.organizationId, interviewId: made.interviewId, reviewerId: r.userId, requestedById: org.ownerId })),
  });
  return made;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg("Scorecards A"), makeOrg("Scorecards B")]);
  owner = { userId: org.ownerId, organizationId: org.organizationId, role: Role.OWNER };
  [recruiter, alice, bob, stranger] = await Promise.all([
    makeMember(org.organizationId, "Rita Recruiter", Role.RECRUITER),
    makeMember(org.organizationId, "Alice Aalto", Role.REVIEWER),
    makeMember(org.organizationId, "Bob Brandt", Role.REVIEWER),
    makeMember(org.organizationId, "Sam Stranger", Role.REVIEWER),
  ]);
});
beforeEach(() => setClock(T0));
afterEach(() => setClock(null));

describe("independent scorecards", () => {
  it("two reviewers score the same answer without overwriting each other", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    await saveRating(alice, interviewId, answerIds[0]!, { rating: 5, notes: "Alice: superb." });
    await saveRating(bob, interviewId, answerIds[0]!, { rating: 2, notes: "Bob: vague." });
    await saveRating(alice, interviewId, answerIds[0]!, { rating: 4, notes: "Alice: very good." });

    const aliceReview = await findReview(alice, interviewId);
    const bobReview = await findReview(bob, interviewId);
    expect(aliceReview?.mine?.ratings).toEqual([{ answerId: answerIds[0], rating: 4, notes: "Alice: very good." }]);
    expect(bobReview?.mine?.ratings).toEqual([{ answerId: answerIds[0], rating: 2, notes: "Bob: vague." }]);
    expect(await (await db()).scorecard.count({ where: { interviewId } })).toBe(2);
  });

  it("hides the others' scorecards from a reviewer until they submit theirs: not in the result at all", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    await saveRating(alice, interviewId, answerIds[0]!, { rating: 5, notes: "ALICE-SECRET-NOTE" });
    await saveRecommendation(alice, interviewId, { recommendation: ScoreRecommendation.STRONG_YES, comment: "ALICE-SECRET-COMMENT" });
    await submitScorecard(alice, interviewId);
    await saveRating(bob, interviewId, answerIds[0]!, { rating: 3, notes: "Bob's draft" });

    const before = await findReview(bob, interviewId);
    expect(before?.others).toBeNull();
    const serialised = JSON.stringify(before);
    for (const secret of ["ALICE-SECRET-NOTE", "ALICE-SECRET-COMMENT", "Alice Aalto", "STRONG_YES"]) expect(serialised).not.toContain(secret);

    await saveRecommendation(bob, interviewId, { recommendation: ScoreRecommendation.NO, comment: "" });
    await submitScorecard(bob, interviewId);
    const after = await findReview(bob, interviewId);
    expect(after?.others).toMatchObject([{ reviewerName: "Alice Aalto", recommendation: ScoreRecommendation.STRONG_YES, comment: "ALICE-SECRET-COMMENT" }]);
    expect(after?.others?.[0]?.ratings).toEqual([{ answerId: answerIds[0], rating: 5, notes: "ALICE-SECRET-NOTE" }]);
    // Alice, submitted too, sees Bob's.
    expect((await findReview(alice, interviewId))?.others).toMatchObject([{ reviewerName: "Bob Brandt", recommendation: ScoreRecommendation.NO }]);
  });

  it("shows recruiters and above every submitted scorecard without submitting their own; drafts stay their reviewer's", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    await saveRating(alice, interviewId, answerIds[0]!, { rating: 4, notes: "" });
    await saveRecommendation(alice, interviewId, { recommendation: ScoreRecommendation.YES, comment: "" });
    await submitScorecard(alice, interviewId);
    await saveRating(bob, interviewId, answerIds[0]!, { rating: 1, notes: "BOB-DRAFT" });

    for (const viewer of [recruiter, owner]) {
      const review = await findReview(viewer, interviewId);
      expect(review?.mine).toBeNull();
      expect(review?.others?.map((card) => card.reviewerName)).toEqual(["Alice Aalto"]);
      expect(JSON.stringify(review)).not.toContain("BOB-DRAFT");
      expect(review?.canDecide).toBe(true);
    }
    expect((await findReview(alice, interviewId))?.canDecide).toBe(false);
  });

  it("requires a recommendation to submit, and writes nothing when refused", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    await saveRating(alice, interviewId, answerIds[0]!, { rating: 3, notes: "" });
    const error = await rejection(submitScorecard(alice, interviewId));
    expect(error).toBeInstanceOf(FieldError);
    expect(error).toMatchObject({ field: "recommendation" });
    // The form's values submitted without a choice: refused, and the comment is not half-saved with it.
    expect(await rejection(submitScorecard(alice, interviewId, { recommendation: null, comment: "Half" }))).toBeInstanceOf(FieldError);
    const prisma = await db();
    expect(await prisma.scorecard.findFirst({ where: { interviewId, reviewerId: alice.userId } })).toMatchObject({ submittedAt: null, comment: "" });
    expect(await prisma.auditEvent.count({ where: { interviewId } })).toBe(0);

    // With the form's recommendation it saves and submits in one step, and says so in the history.
    await submitScorecard(alice, interviewId, { recommendation: ScoreRecommendation.YES, comment: "Solid." });
    expect(await prisma.scorecard.findFirst({ where: { interviewId, reviewerId: alice.userId } })).toMatchObject({ submittedAt: T0, recommendation: "YES", comment: "Solid." });
    expect(await prisma.auditEvent.findMany({ where: { interviewId }, select: { type: true, actorId: true, data: true } })).toMatchObject([
      { type: "scorecard.submitted", actorId: alice.userId, data: { recommendation: "YES" } },
    ]);
  });

  it("locks a submitted scorecard; reopening is allowed until the decision, refused after it", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    await saveRecommendation(alice, interviewId, { recommendation: ScoreRecommendation.YES, comment: "" });
    await submitScorecard(alice, interviewId);

    expect(await rejection(saveRating(alice, interviewId, answerIds[0]!, { rating: 1, notes: "" }))).toBeInstanceOf(StateError);
    expect(await rejection(saveRecommendation(alice, interviewId, { recommendation: ScoreRecommendation.NO, comment: "" }))).toBeInstanceOf(StateError);
    expect(await rejection(submitScorecard(alice, interviewId))).toBeInstanceOf(StateError);
    // Only your own: Bob has nothing submitted to reopen.
    expect(await rejection(reopenScorecard(bob, interviewId))).toBeInstanceOf(StateError);

    await reopenScorecard(alice, interviewId);
    await saveRating(alice, interviewId, answerIds[0]!, { rating: 2, notes: "Changed my mind." });
    await submitScorecard(alice, interviewId);

    await decide(recruiter, interviewId, { decision: Decision.HOLD, comment: "" });
    const error = await rejection(reopenScorecard(alice, interviewId));
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toMatch(/decision has been made/);
    expect(await (await db()).scorecard.findFirst({ where: { interviewId, reviewerId: alice.userId } })).toMatchObject({ submittedAt: T0 });
  });

  it("refuses the decision to a reviewer, and records it for a recruiter", async () => {
    const { interviewId } = await reviewedInterview();
    const error = await rejection(decide(alice, interviewId, { decision: Decision.ADVANCE, comment: "" }));
    expect(error).toBeInstanceOf(ExpectedError);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ reason: "forbidden" });
    const prisma = await db();
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { decision: true } })).toEqual({ decision: null });

    await decide(recruiter, interviewId, { decision: Decision.ADVANCE, comment: "Go." });
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { decision: true, decidedById: true } })).toEqual({
      decision: Decision.ADVANCE,
      decidedById: recruiter.userId,
    });
  });

  it("treats an unassigned reviewer and another organisation as not found, for every call and whatever the status", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    const scheduled = await makeAnsweredInterview(org, [], InterviewStatus.SCHEDULED);
    const outsider: Viewer = { userId: other.ownerId, organizationId: other.organizationId, role: Role.OWNER };
    for (const viewer of [stranger, outsider]) {
      expect(await findReview(viewer, interviewId)).toBeNull();
      // One at a time, each awaited as it is made: a rejection nobody awaits yet would go unhandled.
      for (const call of [
        () => saveRating(viewer, interviewId, answerIds[0]!, { rating: 3, notes: "" }),
        () => saveRecommendation(viewer, interviewId, { recommendation: ScoreRecommendation.YES, comment: "" }),
        () => submitScorecard(viewer, interviewId),
        () => reopenScorecard(viewer, interviewId),
        () => decide(viewer, interviewId, { decision: Decision.REJECT, comment: "" }),
        // Not "this interview is scheduled": that would tell them it exists.
        () => saveRating(viewer, scheduled.interviewId, answerIds[0]!, { rating: 3, notes: "" }),
      ]) {
        expect(await rejection(call())).toBeInstanceOf(NotFoundError);
      }
    }
    expect(await (await db()).scorecard.count({ where: { interviewId } })).toBe(0);
  });

  it("makes one scorecard of a reviewer's saves arriving at once (the page autosaves each answer and the recommendation apart)", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    await Promise.all([
      saveRating(alice, interviewId, answerIds[0]!, { rating: 4, notes: "one" }),
      saveRating(alice, interviewId, answerIds[1]!, { rating: 2, notes: "two" }),
      saveRecommendation(alice, interviewId, { recommendation: ScoreRecommendation.NO, comment: "" }),
      saveRating(bob, interviewId, answerIds[0]!, { rating: 5, notes: "" }),
    ]);
    const prisma = await db();
    const cards = await prisma.scorecard.findMany({ where: { interviewId }, include: { ratings: true }, orderBy: { reviewerName: "asc" } });
    expect(cards.map((c) => [c.reviewerName, c.recommendation, c.ratings.length])).toEqual([
      ["Alice Aalto", "NO", 2],
      ["Bob Brandt", null, 1],
    ]);
  });

  it("keeps a removed member's submitted scorecard under the name they had", async () => {
    const { interviewId, answerIds } = await reviewedInterview();
    const leaver = await makeMember(org.organizationId, "Lee Leaver", Role.RECRUITER);
    await saveRating(leaver, interviewId, answerIds[0]!, { rating: 5, notes: "" });
    await submitScorecard(leaver, interviewId, { recommendation: ScoreRecommendation.STRONG_YES, comment: "" });
    await (await db()).user.delete({ where: { id: leaver.userId } });
    const review = await findReview(recruiter, interviewId);
    expect(review?.others).toMatchObject([{ reviewerId: null, reviewerName: "Lee Leaver", recommendation: "STRONG_YES" }]);
  });
});

describe("summarise", () => {
  const answers = [
    { id: "a1", position: 0 },
    { id: "a2", position: 1 },
    { id: "a3", position: 2 },
  ];
  const card = (reviewerName: string, recommendation: ScoreRecommendation | null, ratings: Record<string, number | null>, submitted = true): ScorecardForSummary => ({
    reviewerName,
    recommendation,
    submittedAt: submitted ? T0 : null,
    ratings: Object.entries(ratings).map(([answerId, rating]) => ({ answerId, rating })),
  });

  it("gives each question's mean to one decimal and its spread, flagging disagreement at 2 and not at 1", () => {
    const summary = summarise(
      [card("Ann", ScoreRecommendation.YES, { a1: 4, a2: 2, a3: null }), card("Ben", ScoreRecommendation.STRONG_YES, { a1: 5, a2: 4 }), card("Cy", ScoreRecommendation.YES, { a1: 4, a2: 3 })],
      answers,
    );
    expect(summary.submitted).toBe(3);
    expect(summary.questions[0]).toEqual({
      answerId: "a1",
      position: 0,
      mean: 4.3,
      spread: 1,
      disagreement: false,
      ratings: [
        { reviewerName: "Ann", external: false, rating: 4 },
        { reviewerName: "Ben", external: false, rating: 5 },
        { reviewerName: "Cy", external: false, rating: 4 },
      ],
    });
    expect(summary.questions[1]).toMatchObject({ mean: 3, spread: 2, disagreement: true });
    expect(summary.questions[2]).toEqual({ answerId: "a3", position: 2, mean: null, spread: null, disagreement: false, ratings: [] });
  });

  it("tallies the recommendations of submitted scorecards only; drafts count for nothing", () => {
    const summary = summarise(
      [
        card("Ann", ScoreRecommendation.YES, { a1: 1 }),
        card("Ben", ScoreRecommendation.STRONG_NO, { a1: 5 }, false),
        card("Cy", ScoreRecommendation.NO, { a1: 2 }),
        card("Dee", null, {}),
      ],
      answers,
    );
    expect(summary.submitted).toBe(3);
    expect(summary.recommendations).toEqual({ STRONG_NO: 0, NO: 1, YES: 1, STRONG_YES: 0 });
    expect(summary.recommendedBy).toEqual([
      { reviewerName: "Ann", external: false, recommendation: "YES" },
      { reviewerName: "Cy", external: false, recommendation: "NO" },
    ]);
    // Ben's draft 5 is not in the spread: 1 and 2 only.
    expect(summary.questions[0]).toMatchObject({ mean: 1.5, spread: 1, disagreement: false });
  });
});
