import "server-only";
import { seesContactDetails } from "@/lib/accounts/roles";
import type { Viewer } from "./manager";
import { assignedTo, visibleInterviews } from "./visibility";
import { db } from "@/lib/db";
import { containsText } from "@/lib/search";
import type { Prisma } from "@/lib/generated/prisma/client";
import { InterviewStatus, JobStatus } from "@/lib/generated/prisma/enums";
import { estimateMinutes } from "../model/estimate";
import { BADGE_EMAIL_KINDS } from "../model/email-labels";
import { LIST_GROUPS } from "../model/status";

export const INTERVIEW_PAGE_SIZE = 25;

export interface InterviewFilters {
  when: "upcoming" | "past" | "review" | "mine";
  status?: InterviewStatus;
  jobId?: string;
  from?: Date;
  to?: Date;
  /** Part of the candidate's name or email. */
  q?: string;
  page: number;
}

/**
 * One page of an organisation's interviews: upcoming ones (still going on, by status) soonest first,
 * past ones (finished) latest first, ones to review (completed, no decision yet) latest
 * completed first; narrowed by status, job, dates and part of the candidate's name or email.
 * Served by the (organizationId, status, scheduledAt) index, so it stays fast at 100k rows; a page
 * asks for one row more than it shows instead of counting them all.
 */
export async function listInterviews(viewer: Viewer, filters: InterviewFilters) {
  const prisma = await db();
  const scheduledAt: Prisma.DateTimeFilter = {
    ...(filters.from && { gte: filters.from }),
    ...(filters.to && { lt: filters.to }),
  };
  // "Mine": completed interviews assigned to me (asked, or on the job's hiring team) without my submitted scorecard.
  const mine = filters.when === "mine";
  const review = filters.when === "review" || mine;
  const group = filters.when === "review" || filters.when === "mine" ? [InterviewStatus.COMPLETED] : LIST_GROUPS[filters.when];
  const statuses = review || !filters.status ? group : group.filter((s) => s === filters.status);
  const q = containsText(filters.q);
  const rows = await prisma.interview.findMany({
    where: {
      ...visibleInterviews(viewer),
      scheduledAt,
      status: { in: [...statuses] },
      ...(filters.jobId && { jobId: filters.jobId }),
      // To review: completed and without a decision, whatever status filter the URL carries.
      ...(filters.when === "review" && { decidedAt: null }),
      ...(mine && { AND: [assignedTo(viewer.userId), { scorecards: { none: { reviewerId: viewer.userId, submittedAt: { not: null } } } }] }),
      // A reviewer searches by name only: matching an address would tell them whose it is.
      ...(q && { candidate: { OR: [{ name: { contains: q, mode: "insensitive" } }, ...(seesContactDetails(viewer.role) ? [{ email: { contains: q, mode: "insensitive" as const } }] : [])] } }),
    },
    orderBy: review
      ? [{ completedAt: { sort: "desc", nulls: "last" } }, { scheduledAt: "desc" }, { id: "asc" }]
      : [{ scheduledAt: filters.when === "upcoming" ? "asc" : "desc" }, { id: "asc" }],
    skip: (filters.page - 1) * INTERVIEW_PAGE_SIZE,
    take: INTERVIEW_PAGE_SIZE + 1,
    select: {
      id: true,
      status: true,
      scheduledAt: true,
      durationMinutes: true,
      bouncedAt: true,
      completedAt: true,
      decision: true,
      candidate: { select: { name: true } },
      // "2 of 3 reviewed": who was asked, and whose scorecards are in.
      reviewRequests: { select: { reviewerId: true } },
      scorecards: { where: { submittedAt: { not: null } }, select: { reviewerId: true } },
      job: { select: { title: true } },
      // The email the row's badge describes (emailBadge): the newest link email or cancellation.
      emails: {
        where: { kind: { in: BADGE_EMAIL_KINDS } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { kind: true, status: true, deliveryState: true, attempts: true },
      },
    },
  });
  return {
    rows: rows.slice(0, INTERVIEW_PAGE_SIZE).map(({ emails, reviewRequests, scorecards, ...row }) => {
      const submitted = new Set(scorecards.map((s) => s.reviewerId));
      return { ...row, email: emails[0] ?? null, reviews: { asked: reviewRequests.length, done: reviewRequests.filter((r) => submitted.has(r.reviewerId)).length } };
    }),
    hasNext: rows.length > INTERVIEW_PAGE_SIZE,
  };
}

/**
 * What a reviewer's page of an interview shows, or null unless they were asked to review it: the
 * candidate's name and nothing that reaches them (no address, no emails, no timeline).
 */
export async function findInterviewForReviewer(viewer: Viewer, id: string) {
  const prisma = await db();
  const interview = await prisma.interview.findFirst({
    where: { id, ...visibleInterviews(viewer) },
    select: {
      id: true,
      status: true,
      mode: true,
      durationMinutes: true,
      completedAt: true,
      candidate: { select: { name: true } },
      job: { select: { id: true, title: true, _count: { select: { questions: true } } } },
      reviewRequests: { where: { reviewerId: viewer.userId }, select: { dueAt: true, createdAt: true, requestedBy: { select: { name: true } } } },
    },
  });
  if (!interview) return null;
  const { reviewRequests, ...rest } = interview;
  return { ...rest, request: reviewRequests[0] ?? null };
}

/** One interview with what its page shows, or null when it is not this organisation's. */
export async function findInterview(organizationId: string, id: string) {
  const prisma = await db();
  return prisma.interview.findFirst({
    where: { id, organizationId },
    select: {
      id: true,
      status: true,
      mode: true,
      scheduledAt: true,
      durationMinutes: true,
      opensMinutesBefore: true,
      closesMinutesAfter: true,
      opensAt: true,
      dueAt: true,
      candidateTimeZone: true,
      notes: true,
      bouncedAt: true,
      rescheduleRequestedAt: true,
      createdAt: true,
      candidate: { select: { id: true, name: true, email: true } },
      job: { select: { id: true, title: true, _count: { select: { questions: true } } } },
      createdBy: { select: { name: true } },
      // What Reopen questions offers: each question, and whether it was answered.
      answers: { orderBy: { position: "asc" }, select: { id: true, position: true, prompt: true, presentedAt: true, submittedAt: true } },
      emails: {
        // Emails queued in one statement share createdAt: the link email (no send-after) first, then
        // reminders by when they go out, and the id last so that no two loads differ.
        orderBy: [{ createdAt: "asc" }, { sendAfter: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          toEmail: true,
          status: true,
          deliveryState: true,
          attempts: true,
          lastError: true,
          sendAfter: true,
          sentAt: true,
          createdAt: true,
        },
      },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, type: true, actorType: true, actorId: true, data: true, createdAt: true },
      },
    },
  });
}

/** How many of a record's interviews its page lists; the interviews list has the rest. */
export const RECORD_INTERVIEWS_SHOWN = 50;

/**
 * The interviews of one job or one candidate, latest start first (at most
 * RECORD_INTERVIEWS_SHOWN), with how many there are in all. Served by the jobId / candidateId index.
 */
export async function listInterviewsOf(organizationId: string, of: { jobId: string } | { candidateId: string }) {
  const prisma = await db();
  const where = { organizationId, ...of };
  const [rows, total] = await Promise.all([
    prisma.interview.findMany({
      where,
      orderBy: [{ scheduledAt: "desc" }, { id: "asc" }],
      take: RECORD_INTERVIEWS_SHOWN,
      select: {
        id: true,
        status: true,
        scheduledAt: true,
        durationMinutes: true,
        candidate: { select: { name: true } },
        job: { select: { title: true } },
      },
    }),
    prisma.interview.count({ where }),
  ]);
  return { rows, total };
}

/** What the scheduling form offers: open jobs with questions, and candidates. */
export async function schedulingOptions(organizationId: string) {
  const prisma = await db();
  const [jobs, candidates] = await Promise.all([
    prisma.job.findMany({
      where: { organizationId, status: JobStatus.OPEN, questions: { some: {} } },
      orderBy: { title: "asc" },
      select: { id: true, title: true, defaultInterviewMode: true, defaultDaysToComplete: true, questions: { select: { prepSeconds: true, answerSeconds: true } } },
    }),
    prisma.candidate.findMany({
      where: { organizationId },
      orderBy: { name: "asc" },
      take: 1000,
      select: { id: true, name: true, email: true, timeZone: true },
    }),
  ]);
  return {
    jobs: jobs.map(({ questions, ...job }) => ({
      ...job,
      suggestedMinutes: estimateMinutes(questions),
    })),
    candidates,
  };
}
