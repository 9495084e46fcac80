import type { Prisma } from "@/lib/generated/prisma/client";
import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { managesInterviews } from "@/lib/accounts/roles";
import type { Viewer } from "./manager";

/**
 * The interviews a member is to review: those they were asked to review, and the completed ones of
 * jobs whose hiring team they are on.
 */
export function assignedTo(userId: string): { OR: Prisma.InterviewWhereInput[] } {
  return {
    OR: [{ reviewRequests: { some: { reviewerId: userId } } }, { status: InterviewStatus.COMPLETED, job: { hiringTeam: { some: { userId } } } }],
  };
}

/**
 * The interviews a member may see, as a `where`: all of the organisation's for a recruiter and
 * above, only those assigned to them (asked to review, or on the job's hiring team) for a reviewer.
 * Every query that reads an interview for a member goes through this, so a reviewer's URL or action
 * on any other interview is "not found". Its keys are `organizationId` and `OR` alone: a caller may
 * add others (an `AND` among them) without replacing it.
 */
export function visibleInterviews(viewer: Viewer): Prisma.InterviewWhereInput & { organizationId: string } {
  if (managesInterviews(viewer.role)) return { organizationId: viewer.organizationId };
  return { organizationId: viewer.organizationId, ...assignedTo(viewer.userId) };
}
