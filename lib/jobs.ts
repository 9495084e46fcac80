import "server-only";
import { db } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import type { AnswerType, InterviewMode, JobStatus, WorkplaceType } from "@/lib/generated/prisma/client";

export interface QuestionInput {
  /** Present for a question that already exists on this job. */
  id?: string;
  prompt: string;
  answerType: AnswerType;
  prepSeconds: number;
  answerSeconds: number;
  retakes: number;
}

export interface JobInput {
  title: string;
  description: string;
  location: string;
  workplaceType: WorkplaceType;
  /** What the schedule form offers first; absent keeps what the job has (SCHEDULED for a new one). */
  defaultInterviewMode?: InterviewMode;
  /** DEADLINE interviews: the default days to complete (lib/limits DAYS_TO_COMPLETE). */
  defaultDaysToComplete?: number;
  /** In interview order. */
  questions: QuestionInput[];
}

const questionFields = {
  id: true,
  position: true,
  prompt: true,
  answerType: true,
  prepSeconds: true,
  answerSeconds: true,
  retakes: true,
} as const;

/** Jobs of one organisation with their question counts, newest change first. */
export async function listJobs(organizationId: string, status: JobStatus) {
  const prisma = await db();
  return prisma.job.findMany({
    where: { organizationId, status },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      title: true,
      location: true,
      workplaceType: true,
      status: true,
      updatedAt: true,
      _count: { select: { questions: true } },
    },
  });
}

/** One job with its ordered questions, or null when it is not this organisation's. */
export async function findJob(organizationId: string, id: string) {
  const prisma = await db();
  return prisma.job.findFirst({
    where: { id, organizationId },
    select: {
      id: true,
      title: true,
      description: true,
      location: true,
      workplaceType: true,
      defaultInterviewMode: true,
      defaultDaysToComplete: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      questions: { orderBy: { position: "asc" }, select: questionFields },
      hiringTeam: { orderBy: { createdAt: "asc" }, select: { user: { select: { id: true, name: true, role: true } } } },
    },
  });
}

/** Creates a job and its questions in one transaction. */
export async function createJob(organizationId: string, input: JobInput): Promise<{ id: string }> {
  const prisma = await db();
  const { questions, ...job } = input;
  return prisma.job.create({
    data: {
      ...job,
      organizationId,
      questions: { create: questions.map(({ id: _id, ...q }, position) => ({ ...q, position })) },
    },
    select: { id: true },
  });
}

/**
 * Saves a job and makes its questions exactly `input.questions`, in that order: existing ids are
 * updated, new ones created, missing ones deleted. Ids of another job are treated as new questions.
 */
export async function updateJob(organizationId: string, id: string, input: JobInput): Promise<void> {
  const prisma = await db();
  const { questions, ...job } = input;
  await prisma.$transaction(async (tx) => {
    const existing = await tx.job.findFirst({
      where: { id, organizationId },
      select: { questions: { select: { id: true } } },
    });
    if (!existing) throw new NotFoundError("Job");
    const owned = new Set(existing.questions.map((q) => q.id));
    const kept = new Set(questions.flatMap((q) => (q.id && owned.has(q.id) ? [q.id] : [])));
    await tx.job.update({ where: { id }, data: job });
    await tx.question.deleteMany({ where: { jobId: id, id: { notIn: [...kept] } } });
    for (const [position, { id: questionId, ...q }] of questions.entries()) {
      if (questionId && kept.has(questionId)) {
        await tx.question.update({ where: { id: questionId }, data: { ...q, position } });
      } else {
        await tx.question.create({ data: { ...q, position, jobId: id } });
      }
    }
  });
}

/** Archives or reopens a job. */
export async function setJobStatus(organizationId: string, id: string, status: JobStatus): Promise<void> {
  const prisma = await db();
  const { count } = await prisma.job.updateMany({ where: { id, organizationId }, data: { status } });
  if (count === 0) throw new NotFoundError("Job");
}

/**
 * Puts a teammate on a job's hiring team (again: no change), or takes them off. On it, a reviewer
 * sees and scores every completed interview of the job; off it, what they were asked to review
 * one by one stays theirs.
 */
export async function setOnHiringTeam(by: { organizationId: string; userId: string }, jobId: string, userId: string, on: boolean): Promise<void> {
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const job = await tx.job.findFirst({ where: { id: jobId, organizationId: by.organizationId }, select: { id: true } });
    if (!job) throw new NotFoundError("Job");
    if (!on) {
      await tx.jobReviewer.deleteMany({ where: { jobId, userId } });
      return;
    }
    const teammate = await tx.user.findFirst({ where: { id: userId, organizationId: by.organizationId }, select: { id: true } });
    if (!teammate) throw new StateError("This teammate is not on your team any more.");
    await tx.jobReviewer.createMany({ data: [{ jobId, userId, organizationId: by.organizationId, addedById: by.userId }], skipDuplicates: true });
  });
}
