import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import type { Tx } from "@/lib/email/outbox";
import { NotFoundError, StateError } from "@/lib/errors";
import { lockInterview } from "@/lib/interviews/lock";
import { ActorType, InterviewStatus, RecordingStatus, type Recommendation } from "@/lib/generated/prisma/enums";
import { recordEvent } from "./audit";
import type { Manager } from "./manage";
import { STATUS_LABELS } from "./status";

export interface RatingInput {
  /** 1–5, or null to clear the rating. */
  rating: number | null;
  notes: string;
}

export interface RecommendationInput {
  recommendation: Recommendation;
  comment: string;
}

/**
 * Runs a review change on one of the organisation's completed interviews, holding its row lock
 * so two reviewers' saves apply one after the other.
 */
async function review<T>(by: Manager, interviewId: string, fn: (tx: Tx, at: Date) => Promise<T>): Promise<T> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await lockInterview(tx, interviewId, by.organizationId);
    const { status } = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { status: true } });
    if (status !== InterviewStatus.COMPLETED) {
      throw new StateError(`This interview is ${STATUS_LABELS[status].toLowerCase()}; you can review it once the candidate has completed it.`);
    }
    return fn(tx, now());
  });
}

/** Rates one answer of a completed interview (1–5 or none) with the reviewer's notes. */
export async function rateAnswer(by: Manager, interviewId: string, answerId: string, input: RatingInput): Promise<void> {
  await review(by, interviewId, async (tx, at) => {
    // The answer must belong to this interview: an answer id from elsewhere is "not found".
    const answer = await tx.interviewAnswer.findFirst({ where: { id: answerId, interviewId }, select: { position: true } });
    if (!answer) throw new NotFoundError("Answer");
    await tx.interviewAnswer.update({ where: { id: answerId }, data: { rating: input.rating, reviewNotes: input.notes } });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: { type: ActorType.USER, id: by.userId },
      type: "answer.rated",
      data: { answerId, position: answer.position, rating: input.rating },
      at,
    });
  });
}

/** Records the overall recommendation on a completed interview; the interview counts as reviewed. */
export async function recommend(by: Manager, interviewId: string, input: RecommendationInput): Promise<void> {
  await review(by, interviewId, async (tx, at) => {
    await tx.interview.update({
      where: { id: interviewId },
      data: { recommendation: input.recommendation, recommendationComment: input.comment, reviewedAt: at, reviewedById: by.userId },
    });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: { type: ActorType.USER, id: by.userId },
      type: "interview.reviewed",
      data: { recommendation: input.recommendation },
      at,
    });
  });
}

export interface AnswerTimes {
  prepSeconds: number;
  answerSeconds: number;
  presentedAt: Date | null;
  answerStartedAt: Date | null;
  submittedAt: Date | null;
  takeStartedAt?: Date | null;
}

/**
 * Seconds the candidate spent answering: from the start of answering (when they chose to start,
 * else the end of preparation — whichever came first, as the candidate's timer counts it) to
 * submission, capped at the time allowed (a timed-out answer closes after a short grace).
 * Null when the answer was not submitted or its start is unknown.
 */
export function timeUsedSeconds(answer: AnswerTimes): number | null {
  if (!answer.submittedAt) return null;
  const prepEndsAt = answer.presentedAt ? answer.presentedAt.getTime() + answer.prepSeconds * 1000 : null;
  const starts = [answer.answerStartedAt?.getTime(), prepEndsAt].filter((t): t is number => t != null);
  if (starts.length === 0) return null;
  // A retake restarted the answer time: the kept take is what counts.
  const start = Math.max(Math.min(...starts), answer.takeStartedAt?.getTime() ?? 0);
  const used = Math.round((answer.submittedAt.getTime() - start) / 1000);
  return Math.min(Math.max(used, 0), answer.answerSeconds);
}

/**
 * What the review on an interview's page shows: the interview's recommendation and every answer
 * in order with its time used, or null when the interview is not this organisation's.
 */
export async function findReview(organizationId: string, interviewId: string) {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({
    where: { id: interviewId, organizationId },
    select: {
      status: true,
      recommendation: true,
      recommendationComment: true,
      reviewedAt: true,
      reviewedById: true,
      answers: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          prompt: true,
          answerType: true,
          text: true,
          rating: true,
          reviewNotes: true,
          prepSeconds: true,
          answerSeconds: true,
          presentedAt: true,
          answerStartedAt: true,
          submittedAt: true,
          takeStartedAt: true,
          retakes: true,
          // The kept take's segments (an interrupted take has more than one), in order.
          recordings: {
            where: { status: { not: RecordingStatus.DISCARDED } },
            orderBy: [{ take: "asc" }, { segment: "asc" }],
            select: { id: true, take: true, segment: true, status: true, sizeBytes: true, startedAt: true, finishedAt: true },
          },
        },
      },
    },
  });
  if (!interview) return null;
  const { answers, reviewedById, ...rest } = interview;
  // reviewedById has no relation (a reviewer may leave); look the name up within the organisation.
  const reviewer = reviewedById ? await prisma.user.findFirst({ where: { id: reviewedById, organizationId }, select: { name: true } }) : null;
  return {
    ...rest,
    reviewerName: reviewer?.name ?? null,
    answers: answers.map((answer) => ({
      id: answer.id,
      position: answer.position,
      prompt: answer.prompt,
      answerType: answer.answerType,
      text: answer.text,
      rating: answer.rating,
      reviewNotes: answer.reviewNotes,
      answerSeconds: answer.answerSeconds,
      submitted: answer.submittedAt !== null,
      timeUsedSeconds: timeUsedSeconds(answer),
      takesAllowed: answer.retakes + 1,
      takesUsed: answer.recordings.at(-1)?.take ?? 0,
      recordings: answer.recordings,
    })),
  };
}

export type Review = NonNullable<Awaited<ReturnType<typeof findReview>>>;
export type ReviewAnswer = Review["answers"][number];
