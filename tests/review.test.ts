import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { decisionSchema, ratingSchema, scorecardRecommendationSchema } from "@/app/(dashboard)/interviews/schema";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { ActorType, Decision, InterviewStatus, Role, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { listInterviews } from "@/lib/interviews/recruiter/queries";
import { decide } from "@/lib/interviews/review/decide";
import { findReview } from "@/lib/interviews/review/find-review";
import { saveRating } from "@/lib/interviews/review/scorecards";
import { timeUsedSeconds } from "@/lib/interviews/model/progress";
import { asOwner, makeAnsweredInterview, makeOrg } from "./support/factories";
import { interviewSnapshot } from "./support/interviews";

const T0 = new Date("2026-06-01T08:00:00.000Z");

let org: Awaited<ReturnType<typeof makeOrg>>;
let other: Awaited<ReturnType<typeof makeOrg>>;
const owner = (o: { ownerId: string; organizationId: string }) => ({ userId: o.ownerId, organizationId: o.organizationId, role: Role.OWNER });
const by = () => owner(org);

beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg("Review A"), makeOrg("Review B")]);
});
beforeEach(() => setClock(T0));
afterEach(() => setClock(null));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => expect.fail(`expected a rejection, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
}

/** Everything a review could touch: the interview, its events, its answers and its scorecards. */
async function stored(interviewId: string) {
  const prisma = await db();
  const answers = await prisma.interviewAnswer.findMany({ where: { interviewId }, orderBy: { position: "asc" } });
  const scorecards = await prisma.scorecard.findMany({ where: { interviewId }, include: { ratings: true } });
  return { ...(await interviewSnapshot(interviewId)), answers, scorecards };
}

function rejectedPaths(schema: ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

/** The owner's own scorecard rows on an interview. */
async function ownRatings(interviewId: string) {
  const prisma = await db();
  return prisma.scorecardRating.findMany({
    where: { scorecard: { interviewId, reviewerId: org.ownerId } },
    orderBy: { answer: { position: "asc" } },
    select: { answerId: true, rating: true, notes: true },
  });
}

describe("saveRating", () => {
  it("saves the rating and notes on the reviewer's own draft scorecard, with no event (the trail would show scores before submission)", async () => {
    const prisma = await db();
    const { interviewId, answerIds } = await makeAnsweredInterview(org);
    await saveRating(by(), interviewId, answerIds[1]!, { rating: 4, notes: "Clear and concrete." });

    expect(await ownRatings(interviewId)).toEqual([{ answerId: answerIds[1], rating: 4, notes: "Clear and concrete." }]);
    expect(await prisma.scorecard.findMany({ where: { interviewId } })).toMatchObject([
      { organizationId: org.organizationId, reviewerId: org.ownerId, reviewerName: "Owner", recommendation: null, submittedAt: null },
    ]);
    expect(await prisma.auditEvent.count({ where: { interviewId } })).toBe(0);
  });

  it("clears a rating with null and keeps the latest notes typed (the page autosaves them)", async () => {
    const { interviewId, answerIds } = await makeAnsweredInterview(org);
    await saveRating(by(), interviewId, answerIds[0]!, { rating: 5, notes: "" });
    for (const notes of ["S", "Se", "Second thoughts."]) await saveRating(by(), interviewId, answerIds[0]!, { rating: null, notes });
    await saveRating(by(), interviewId, answerIds[1]!, { rating: 3, notes: "" });
    expect(await ownRatings(interviewId)).toEqual([
      { answerId: answerIds[0], rating: null, notes: "Second thoughts." },
      { answerId: answerIds[1], rating: 3, notes: "" },
    ]);
    expect(await (await db()).scorecard.count({ where: { interviewId } })).toBe(1);
  });

  it("refuses another organisation's interview with NotFoundError and writes nothing", async () => {
    const { interviewId, answerIds } = await makeAnsweredInterview(org);
    const before = await stored(interviewId);
    const error = await rejection(saveRating(owner(other), interviewId, answerIds[0]!, { rating: 1, notes: "x" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await stored(interviewId)).toEqual(before);
  });

  it("refuses an answer of another interview with NotFoundError and writes nothing", async () => {
    const [first, second] = await Promise.all([makeAnsweredInterview(org), makeAnsweredInterview(org)]);
    const before = await Promise.all([stored(first.interviewId), stored(second.interviewId)]);
    const error = await rejection(saveRating(by(), first.interviewId, second.answerIds[0]!, { rating: 3, notes: "" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await Promise.all([stored(first.interviewId), stored(second.interviewId)])).toEqual(before);
  });

  it("refuses an unknown interview id with NotFoundError", async () => {
    const { answerIds } = await makeAnsweredInterview(org);
    expect(await rejection(saveRating(by(), "no-such-interview", answerIds[0]!, { rating: 3, notes: "" }))).toBeInstanceOf(NotFoundError);
  });

  it.each([InterviewStatus.SCHEDULED, InterviewStatus.IN_PROGRESS, InterviewStatus.EXPIRED])("refuses a %s interview with StateError", async (status) => {
    const { interviewId, answerIds } = await makeAnsweredInterview(org, undefined, status);
    const before = await stored(interviewId);
    const error = await rejection(saveRating(by(), interviewId, answerIds[0]!, { rating: 3, notes: "" }));
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toMatch(/once the candidate has completed it/);
    expect(await stored(interviewId)).toEqual(before);
  });

  it("refuses a rating outside 1–5 in the database too (a CHECK, whatever the caller)", async () => {
    const { interviewId, answerIds } = await makeAnsweredInterview(org);
    await expect(saveRating(by(), interviewId, answerIds[0]!, { rating: 6, notes: "" })).rejects.toThrow();
    expect(await ownRatings(interviewId)).toEqual([]);
    expect(await (await db()).scorecard.count({ where: { interviewId } })).toBe(0);
  });
});

describe("decide", () => {
  it("sets the decision, decidedAt and decidedById and records interview.decided", async () => {
    const prisma = await db();
    const { interviewId } = await makeAnsweredInterview(org);
    await decide(by(), interviewId, { decision: Decision.ADVANCE, comment: "Strong on systems." });

    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(interview).toMatchObject({
      decision: Decision.ADVANCE,
      decisionComment: "Strong on systems.",
      decidedAt: T0,
      decidedById: org.ownerId,
      status: InterviewStatus.COMPLETED,
    });
    const events = await prisma.auditEvent.findMany({ where: { interviewId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "interview.decided", actorType: ActorType.USER, actorId: org.ownerId, data: { decision: "ADVANCE" } });

    const review = await findReview(by(), interviewId);
    expect(review).toMatchObject({ decision: Decision.ADVANCE, deciderName: "Owner", decidedAt: T0, canDecide: true });
  });

  it("refuses another organisation's interview with NotFoundError and writes nothing", async () => {
    const { interviewId } = await makeAnsweredInterview(org);
    const before = await stored(interviewId);
    const error = await rejection(decide(owner(other), interviewId, { decision: Decision.REJECT, comment: "" }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(await stored(interviewId)).toEqual(before);
  });

  it("refuses a scheduled interview with StateError and writes nothing", async () => {
    const { interviewId } = await makeAnsweredInterview(org, [], InterviewStatus.SCHEDULED);
    const before = await stored(interviewId);
    expect(await rejection(decide(by(), interviewId, { decision: Decision.HOLD, comment: "" }))).toBeInstanceOf(StateError);
    expect(await stored(interviewId)).toEqual(before);
  });
});

describe("the review schemas", () => {
  it.each([["0"], ["6"], ["2.5"], ["-1"], ["five"]])("refuses the rating %s", (rating) => {
    expect(rejectedPaths(ratingSchema, { rating, notes: "" })).toEqual(["rating"]);
  });

  it("accepts 1 to 5, and an empty or missing rating as none", () => {
    for (const n of [1, 2, 3, 4, 5]) expect(ratingSchema.parse({ rating: String(n), notes: "" }).rating).toBe(n);
    expect(ratingSchema.parse({ rating: "", notes: " ok " })).toEqual({ rating: null, notes: "ok" });
    expect(ratingSchema.parse({})).toEqual({ rating: null, notes: "" });
  });

  it("refuses notes and comments over 5,000 characters", () => {
    expect(rejectedPaths(ratingSchema, { rating: "3", notes: "a".repeat(5001) })).toEqual(["notes"]);
    expect(rejectedPaths(decisionSchema, { decision: "HOLD", comment: "a".repeat(5001) })).toEqual(["comment"]);
    expect(rejectedPaths(scorecardRecommendationSchema, { recommendation: "YES", comment: "a".repeat(5001) })).toEqual(["comment"]);
    expect(ratingSchema.parse({ rating: "3", notes: "a".repeat(5000) }).notes).toHaveLength(5000);
  });

  it("accepts only advance, hold or reject as the decision", () => {
    expect(rejectedPaths(decisionSchema, { decision: "MAYBE", comment: "" })).toEqual(["decision"]);
    expect(rejectedPaths(decisionSchema, { comment: "" })).toEqual(["decision"]);
    expect(decisionSchema.parse({ decision: "REJECT" })).toEqual({ decision: Decision.REJECT, comment: "" });
  });

  it("accepts the four-point recommendation, or none on a draft", () => {
    expect(rejectedPaths(scorecardRecommendationSchema, { recommendation: "ADVANCE", comment: "" })).toEqual(["recommendation"]);
    expect(scorecardRecommendationSchema.parse({ recommendation: "STRONG_NO" })).toEqual({ recommendation: ScoreRecommendation.STRONG_NO, comment: "" });
    expect(scorecardRecommendationSchema.parse({ recommendation: "", comment: "Thinking." })).toEqual({ recommendation: null, comment: "Thinking." });
  });
});

describe("time used", () => {
  const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
  const base = { prepSeconds: 30, answerSeconds: 120, presentedAt: at(0) };

  it("counts from when the candidate started answering", () => {
    expect(timeUsedSeconds({ ...base, answerStartedAt: at(20), submittedAt: at(92) })).toBe(72);
  });

  it("counts from the end of preparation when answering started by itself", () => {
    expect(timeUsedSeconds({ ...base, answerStartedAt: null, submittedAt: at(102) })).toBe(72);
  });

  it("is capped at the time allowed (a timed-out answer closes after the grace period)", () => {
    expect(timeUsedSeconds({ ...base, answerStartedAt: null, submittedAt: at(30 + 120 + 5) })).toBe(120);
    expect(timeUsedSeconds({ ...base, answerStartedAt: at(5), submittedAt: at(500) })).toBe(120);
  });

  it("is null for an answer not submitted, or with no start recorded", () => {
    expect(timeUsedSeconds({ ...base, answerStartedAt: at(20), submittedAt: null })).toBeNull();
    expect(timeUsedSeconds({ ...base, presentedAt: null, answerStartedAt: null, submittedAt: at(10) })).toBeNull();
  });

  it("is what findReview returns for each answer, in order, with the allotted time", async () => {
    const { interviewId, answerIds } = await makeAnsweredInterview(org, [
      { presented: 0, answerStarted: 20, submitted: 92, text: "Line one\nLine two" },
      { presented: 92, submitted: 92 + 30 + 45 },
      { presented: 167, answerStarted: 170, submitted: 400, answerSeconds: 60 },
      { presented: 400 },
    ]);
    const review = await findReview(by(), interviewId);
    expect(review?.answers.map((a) => [a.id, a.position, a.timeUsedSeconds, a.answerSeconds, a.submitted])).toEqual([
      [answerIds[0], 0, 72, 120, true],
      [answerIds[1], 1, 45, 120, true],
      [answerIds[2], 2, 60, 60, true],
      [answerIds[3], 3, null, 120, false],
    ]);
    expect(review?.answers[0]).toMatchObject({ prompt: "Question 1?", answerType: "TEXT", text: "Line one\nLine two" });
    expect(review?.answers[0]).not.toHaveProperty("rating");
    expect(await findReview(owner(other), interviewId)).toBeNull();
  });
});

describe("listInterviews to review", () => {
  it("lists the organisation's completed interviews without a decision, latest completed first", async () => {
    setClock(null); // the rows are written relative to the real time
    const prisma = await db();
    const fresh = await makeOrg("Review list");
    const freshOwner = owner(fresh);
    const [older, newer, reviewed, scheduled] = await Promise.all([
      makeAnsweredInterview(fresh),
      makeAnsweredInterview(fresh),
      makeAnsweredInterview(fresh),
      makeAnsweredInterview(fresh, [], InterviewStatus.SCHEDULED),
      makeAnsweredInterview(org),
    ]);
    await prisma.interview.update({ where: { id: older.interviewId }, data: { completedAt: new Date("2026-05-01T10:00:00Z") } });
    await prisma.interview.update({ where: { id: newer.interviewId }, data: { completedAt: new Date("2026-05-02T10:00:00Z") } });
    await decide(freshOwner, reviewed.interviewId, { decision: Decision.HOLD, comment: "" });

    const toReview = await listInterviews(asOwner(fresh), { when: "review", page: 1, status: InterviewStatus.SCHEDULED });
    expect(toReview.rows.map((r) => r.id)).toEqual([newer.interviewId, older.interviewId]);
    expect(toReview.hasNext).toBe(false);

    const past = await listInterviews(asOwner(fresh), { when: "past", page: 1 });
    expect(past.rows.find((r) => r.id === reviewed.interviewId)?.decision).toBe(Decision.HOLD);
    // Still scheduled (its start has passed): upcoming, not past, without a decision.
    expect(past.rows.find((r) => r.id === scheduled.interviewId)).toBeUndefined();
    const upcoming = await listInterviews(asOwner(fresh), { when: "upcoming", page: 1 });
    expect(upcoming.rows.find((r) => r.id === scheduled.interviewId)?.decision).toBeNull();
  });
});
