import type { Prisma } from "@/lib/generated/prisma/client";
import { managesInterviews } from "@/lib/accounts/roles";
import type { Viewer } from "./manager";

/**
 * The interviews a member may see, as a `where`: all of the organisation's for a recruiter and
 * above, only those they were asked to review for a reviewer. Every query that reads an interview
 * for a member goes through this, so a reviewer's URL or action on any other interview is "not found".
 */
export function visibleInterviews(viewer: Viewer): Prisma.InterviewWhereInput & { organizationId: string } {
  if (managesInterviews(viewer.role)) return { organizationId: viewer.organizationId };
  return { organizationId: viewer.organizationId, reviewRequests: { some: { reviewerId: viewer.userId } } };
}
