import "server-only";
import type { Tx } from "@/lib/db";
import { NotFoundError, StateError } from "@/lib/errors";
import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { withInterviewLock } from "../model/guard";
import { statusInSentence } from "../model/status";
import type { Viewer } from "../recruiter/manager";
import { visibleInterviews } from "../recruiter/visibility";

/**
 * A review change under the interview's row lock, for an interview the viewer may see. Visibility
 * is checked before the status, so an interview a reviewer was not asked to review is "not found"
 * whatever state it is in (a status message would tell them it exists).
 */
export function withReviewLock<T>(viewer: Viewer, interviewId: string, fn: (tx: Tx, at: Date) => Promise<T>): Promise<T> {
  return withInterviewLock(
    interviewId,
    { organizationId: viewer.organizationId },
    () => {},
    async (tx, interview, at) => {
      const visible = await tx.interview.findFirst({ where: { id: interviewId, ...visibleInterviews(viewer) }, select: { id: true } });
      if (!visible) throw new NotFoundError("Interview");
      if (interview.status !== InterviewStatus.COMPLETED) {
        throw new StateError(`This interview is ${statusInSentence(interview.status)}; you can review it once the candidate has completed it.`);
      }
      return fn(tx, at);
    },
  );
}
