import "server-only";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { InterviewStatus, RecordingStatus, type Recommendation } from "@/lib/generated/prisma/enums";
import { member, recordEvent } from "../audit";
import { statusIn, withInterviewLock } from "../model/guard";
import { timeUsedSeconds } from "../model/progress";
import { statusInSentence } from "../model/status";
import type { Manager } from "./manager";

export interface RatingInput {
  /** 1–5, or null to clear the rating. */
  rating: number | null;
  notes: string;
}

export interface RecommendationInput {
  recommendation: Recommendation;
  comment: string;
}

/** Reviews apply to completed interviews only; the row lock makes two reviewers' saves apply one after the other. */
const completed = statusIn(
  [InterviewStatus.COMPLETED],
  (status) => new StateError(`This interview is ${statusInSentence(status)}; you can review it once the candidate has completed it.`),
);

/** Rates one answer of a completed interview (1–5 or none) with the reviewer's notes; a changed rating is recorded in its history. */
export async function rateAnswer(by: Manager, interviewId: string, answerId: string, input: RatingInput): Promise<void> {
  await withInterviewLock(interviewId, { organizationId: by.organizationId }, completed, async (tx, _interview, at) => {
    // The answer must belong to this interview: an answer id from elsewhere is "not found".
    const answer = await tx.interviewAnswer.findFirst({ where: { id: answerId, interviewId }, select: { position: true, rating: true } });
    if (!answer) throw new NotFoundError("Answer");
    await tx.interviewAnswer.update({ where: { id: answerId }, data: { rating: input.rating, reviewNotes: input.notes } });
    // The page saves notes as they are typed: the history records a rating when it changes, not every save.
    if (answer.rating === input.rating) return;
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: member(by.userId),
      type: "answer.rated",
      data: { answerId, position: answer.position, rating: input.rating },
      at,
    });
  });
}

/** Records the overall recommendation on a completed interview; the interview counts as reviewed. */
export async function recommend(by: Manager, interviewId: string, input: RecommendationInput): Promise<void> {
  await withInterviewLock(interviewId, { organizationId: by.organizationId }, completed, async (tx, _interview, at) => {
    await tx.interview.update({
      where: { id: interviewId },
      data: { recommendation: input.recommendation, recommendationComment: input.comment, reviewedAt: at, reviewedById: by.userId },
    });
    await recordEvent(tx, {
      organizationId: by.organizationId,
      interviewId,
      actor: member(by.userId),
      type: "interview.reviewed",
      data: { recommendation: input.recommendation },
      at,
    });
  });
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
            select: { id: true, take: true, segment: true, status: true, sizeBytes: true, startedAt: true, finishedAt: true, durationMs: true },
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

/** The integrity signals a reviewer reads, oldest first (none when the interview is not this organisation's). */
export async function findSignals(organizationId: string, interviewId: string) {
  const prisma = await db();
  return prisma.integritySignal.findMany({
    where: { interviewId, interview: { organizationId } },
    orderBy: { at: "asc" },
    select: { id: true, kind: true, position: true, at: true, detail: true },
  });
}
