import "server-only";
import { managesInterviews } from "@/lib/accounts/roles";
import { ExpectedError } from "@/lib/errors";
import type { Decision } from "@/lib/generated/prisma/enums";
import { member, recordEvent } from "../audit";
import type { Viewer } from "../recruiter/manager";
import { withReviewLock } from "./access";

export interface DecisionInput {
  decision: Decision;
  comment: string;
}

/** What a reviewer is told: they score; the hiring decision belongs to those who manage interviews. */
export const DECISION_FORBIDDEN = "Only recruiters, admins and owners make the hiring decision. Your scorecard is what you add.";

/**
 * Records the hiring decision on a completed interview: one per interview (a later decision
 * replaces it, and each is in the history). It takes the interview off "To review" and closes the
 * scorecards to reopening.
 */
export async function decide(viewer: Viewer, interviewId: string, input: DecisionInput): Promise<void> {
  await withReviewLock(viewer, interviewId, async (tx, at) => {
    // After the visibility check: a reviewer who may not see the interview is told "not found", not "forbidden".
    if (!managesInterviews(viewer.role)) throw new ExpectedError(DECISION_FORBIDDEN, "forbidden");
    await tx.interview.update({
      where: { id: interviewId },
      data: { decision: input.decision, decisionComment: input.comment, decidedAt: at, decidedById: viewer.userId },
    });
    await recordEvent(tx, {
      organizationId: viewer.organizationId,
      interviewId,
      actor: member(viewer.userId),
      type: "interview.decided",
      data: { decision: input.decision },
      at,
    });
  });
}
