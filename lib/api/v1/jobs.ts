import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { JobStatus } from "@/lib/generated/prisma/enums";
import { findJob } from "@/lib/jobs";
import { defineOperation } from "../operation";
import { after, idParams, iso, listQuery, lower, NEWEST_FIRST, page, pageOf, timestamp } from "./shared";

const jobSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    location: z.string(),
    workplace_type: z.enum(["onsite", "hybrid", "remote"]),
    status: z.enum(["open", "archived"]),
    default_interview_mode: z.enum(["scheduled", "deadline"]),
    default_days_to_complete: z.number().int(),
    question_count: z.number().int(),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: "Job" });

const questionSchema = z
  .object({
    id: z.string(),
    position: z.number().int().meta({ description: "0-based order in the interview." }),
    prompt: z.string(),
    answer_type: z.enum(["text", "video", "audio"]),
    prep_seconds: z.number().int(),
    answer_seconds: z.number().int(),
    retakes: z.number().int(),
  })
  .meta({ id: "Question" });

const jobWithQuestions = jobSchema.extend({ description: z.string(), questions: z.array(questionSchema) }).meta({ id: "JobWithQuestions" });

export const listJobsOperation = defineOperation(
  {
    id: "listJobs",
    method: "GET",
    path: "/api/v1/jobs",
    scope: "jobs:read",
    tag: "Jobs",
    summary: "List jobs",
    description: "Jobs newest first; archived ones only when asked for.",
    query: listQuery.extend({ status: z.enum(["open", "archived"]).default("open").meta({ description: "Which jobs: open (the default) or archived." }) }),
    success: { status: 200, description: "A page of jobs.", schema: pageOf(jobSchema, "JobPage") },
    problems: [400],
  },
  async ({ caller, query }) => {
    const prisma = await db();
    const rows = await prisma.job.findMany({
      where: { organizationId: caller.organizationId, status: query.status === "open" ? JobStatus.OPEN : JobStatus.ARCHIVED, ...after(query.cursor) },
      orderBy: NEWEST_FIRST,
      take: query.limit + 1,
      select: { ...JOB_FIELDS, _count: { select: { questions: true } } },
    });
    const result = page(rows, query.limit, (row) => ({ at: row.createdAt, id: row.id }));
    return { body: { ...result, data: result.data.map((row) => jobJson(row, row._count.questions)) } };
  },
);

export const getJobOperation = defineOperation(
  {
    id: "getJob",
    method: "GET",
    path: "/api/v1/jobs/{id}",
    scope: "jobs:read",
    tag: "Jobs",
    summary: "Get a job with its questions",
    params: idParams,
    success: { status: 200, description: "The job and its questions in interview order.", schema: jobWithQuestions },
    problems: [404],
  },
  async ({ caller, params }) => {
    const job = await findJob(caller.organizationId, params.id);
    if (!job) throw new NotFoundError("Job");
    return {
      body: {
        ...jobJson(job, job.questions.length),
        description: job.description,
        questions: job.questions.map((q) => ({
          id: q.id,
          position: q.position,
          prompt: q.prompt,
          answer_type: lower(q.answerType),
          prep_seconds: q.prepSeconds,
          answer_seconds: q.answerSeconds,
          retakes: q.retakes,
        })),
      },
    };
  },
);

const JOB_FIELDS = { id: true, title: true, location: true, workplaceType: true, status: true, defaultInterviewMode: true, defaultDaysToComplete: true, createdAt: true, updatedAt: true } as const;

type JobRow = { id: string; title: string; location: string; workplaceType: string; status: string; defaultInterviewMode: string; defaultDaysToComplete: number; createdAt: Date; updatedAt: Date };

function jobJson(job: JobRow, questionCount: number) {
  return {
    id: job.id,
    title: job.title,
    location: job.location,
    workplace_type: job.workplaceType.toLowerCase(),
    status: job.status.toLowerCase(),
    default_interview_mode: job.defaultInterviewMode.toLowerCase(),
    default_days_to_complete: job.defaultDaysToComplete,
    question_count: questionCount,
    created_at: iso(job.createdAt),
    updated_at: iso(job.updatedAt),
  };
}
