import "server-only";
import { addHours, isAfter } from "date-fns";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail, type OutgoingEmail } from "@/lib/email/outbox";
import { emailSubject, renderEmail, type RenderedEmail } from "@/lib/email/templates";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { managesInterviews } from "@/lib/accounts/roles";
import { member, recordEvent } from "../audit";
import { interviewDashboardUrl } from "../notify";
import { appUrl } from "@/lib/config";
import type { ReviewRequestedProps } from "@/emails/review-requested";
import type { Viewer } from "../recruiter/manager";
import { visibleInterviews } from "../recruiter/visibility";

/** The reminder goes this long before a review is due (while the scorecard is not in). */
export const REVIEW_REMINDER_HOURS = 24;

export interface ReviewRequestInput {
  interviewIds: string[];
  reviewerIds: string[];
  /** When the reviews are wanted by; null for no date. */
  dueAt: Date | null;
}

const interviewFields = {
  id: true,
  status: true,
  completedAt: true,
  organization: { select: { name: true } },
  candidate: { select: { name: true } },
  job: { select: { title: true, _count: { select: { questions: true } } } },
} as const;

/**
 * Asks teammates to review completed interviews: each new (interview, teammate) pair gets its
 * request, an email with the review link, and — with a due date more than a day ahead — a reminder
 * the day before, composed when sent so that it is withheld once the scorecard is in. Pairs asked
 * before are left as they were (no second email). A reviewer sees the interview from then on.
 */
export async function requestReviews(by: Viewer, input: ReviewRequestInput): Promise<{ asked: number; alreadyAsked: number; emailed: number }> {
  if (!managesInterviews(by.role)) throw new StateError("Only a recruiter or above can ask for reviews.");
  const interviewIds = [...new Set(input.interviewIds)];
  const reviewerIds = [...new Set(input.reviewerIds)];
  if (reviewerIds.length === 0) throw new FieldError("reviewerIds", "Choose at least one teammate.");
  if (interviewIds.length === 0) throw new NotFoundError("Interview");
  const at = now();
  if (input.dueAt && !isAfter(input.dueAt, at)) throw new FieldError("dueDate", "Choose a date after today.");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const interviews = await tx.interview.findMany({ where: { id: { in: interviewIds }, ...visibleInterviews(by) }, select: interviewFields });
    if (interviews.length !== interviewIds.length) throw new NotFoundError("Interview");
    if (interviews.some((i) => i.status !== InterviewStatus.COMPLETED)) throw new StateError("Only completed interviews can be reviewed.");
    const reviewers = await tx.user.findMany({ where: { id: { in: reviewerIds }, organizationId: by.organizationId }, select: { id: true, name: true, email: true, timeZone: true } });
    if (reviewers.length !== reviewerIds.length) throw new FieldError("reviewerIds", "Choose teammates from your organisation.");
    const requester = await tx.user.findUnique({ where: { id: by.userId }, select: { name: true } });

    const created = await tx.reviewRequest.createManyAndReturn({
      data: interviews.flatMap((interview) =>
        reviewers.map((reviewer) => ({ organizationId: by.organizationId, interviewId: interview.id, reviewerId: reviewer.id, requestedById: by.userId, dueAt: input.dueAt })),
      ),
      skipDuplicates: true,
      select: { interviewId: true, reviewerId: true },
    });
    const byId = new Map(interviews.map((i) => [i.id, i]));
    const remindAt = input.dueAt && addHours(input.dueAt, -REVIEW_REMINDER_HOURS);
    // One email (and one reminder) per teammate, however many interviews they were asked about: it
    // belongs to the first of them, and lists the others (a digest) when there are more.
    let emailed = 0;
    for (const reviewer of reviewers) {
      const theirs = created.filter((c) => c.reviewerId === reviewer.id).map((c) => byId.get(c.interviewId)!);
      if (theirs.length === 0) continue;
      emailed++;
      const props = requestProps(theirs, reviewer, requester?.name ?? null, input.dueAt);
      const email = { organizationId: by.organizationId, interviewId: theirs[0]!.id, toEmail: reviewer.email, toName: reviewer.name };
      await enqueueEmail(tx, { ...email, kind: EmailKind.REVIEW_REQUESTED, ...(await renderEmail({ template: "review-requested", props })) });
      if (remindAt && isAfter(remindAt, at)) {
        const reminder: OutgoingEmail = {
          ...email,
          kind: EmailKind.REVIEW_REMINDER,
          subject: emailSubject({ template: "review-requested", props: { ...props, reminder: true } }),
          html: "",
          text: "",
          composeOnSend: true,
          sendAfter: remindAt,
        };
        await enqueueEmail(tx, reminder);
      }
    }
    const reviewerById = new Map(reviewers.map((r) => [r.id, r]));
    for (const interview of interviews) {
      const asked = created.filter((c) => c.interviewId === interview.id).map((c) => reviewerById.get(c.reviewerId)!.name);
      if (asked.length === 0) continue;
      await recordEvent(tx, {
        organizationId: by.organizationId,
        interviewId: interview.id,
        actor: member(by.userId),
        type: "review.requested",
        data: { reviewers: asked, dueAt: input.dueAt?.toISOString() ?? null },
        at,
      });
    }
    return { asked: created.length, alreadyAsked: interviews.length * reviewers.length - created.length, emailed };
  });
}

type InterviewForEmail = { id: string; completedAt: Date | null; organization: { name: string }; candidate: { name: string }; job: { title: string; _count: { questions: number } } };

function requestProps(
  [first, ...others]: InterviewForEmail[],
  reviewer: { name: string; timeZone: string | null },
  requesterName: string | null,
  dueAt: Date | null,
): ReviewRequestedProps {
  return {
    reviewerName: reviewer.name,
    requesterName,
    organizationName: first!.organization.name,
    candidateName: first!.candidate.name,
    jobTitle: first!.job.title,
    questionCount: first!.job._count.questions,
    completedAt: (first!.completedAt ?? new Date(0)).toISOString(),
    dueAt: dueAt?.toISOString() ?? null,
    timeZone: reviewer.timeZone ?? "UTC",
    reviewUrl: interviewDashboardUrl(first!.id),
    reminder: false,
    ...(others.length > 0 && {
      more: others.map((i) => ({ candidateName: i.candidate.name, jobTitle: i.job.title, reviewUrl: interviewDashboardUrl(i.id) })),
      listUrl: `${appUrl()}/interviews?when=mine`,
    }),
  };
}

/**
 * A review reminder as it goes out, or null when there is nothing to remind of: the request is gone
 * (the teammate removed) or its reviewer has submitted their scorecard.
 */
export async function composeReviewReminder(tx: Tx, email: { interviewId: string; toEmail: string }): Promise<RenderedEmail | null> {
  const anchor = await tx.reviewRequest.findFirst({
    where: { interviewId: email.interviewId, reviewer: { email: email.toEmail.toLowerCase() } },
    select: { reviewerId: true, dueAt: true, createdAt: true },
  });
  if (!anchor) return null;
  // The requests made together with this one (one statement, one timestamp) that are still unscored.
  const batch = await tx.reviewRequest.findMany({
    where: {
      reviewerId: anchor.reviewerId,
      createdAt: anchor.createdAt,
      dueAt: anchor.dueAt,
      interview: { scorecards: { none: { reviewerId: anchor.reviewerId, submittedAt: { not: null } } } },
    },
    orderBy: [{ interviewId: "asc" }],
    select: {
      interviewId: true,
      reviewer: { select: { name: true, timeZone: true } },
      requestedBy: { select: { name: true } },
      interview: { select: interviewFields },
    },
  });
  // The anchor's own interview first, as in the request email.
  batch.sort((a, b) => Number(b.interviewId === email.interviewId) - Number(a.interviewId === email.interviewId));
  const [first] = batch;
  if (!first) return null;
  const props = requestProps(batch.map((r) => r.interview), first.reviewer, first.requestedBy?.name ?? null, anchor.dueAt);
  return renderEmail({ template: "review-requested", props: { ...props, reminder: true } });
}

/** Who was asked to review an interview the viewer may see, with the date each is wanted by, in the order asked. */
export async function listReviewRequests(viewer: Viewer, interviewId: string) {
  const prisma = await db();
  return prisma.reviewRequest.findMany({
    where: { interviewId, interview: visibleInterviews(viewer) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, dueAt: true, createdAt: true, reviewer: { select: { id: true, name: true, role: true } } },
  });
}
