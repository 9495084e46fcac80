import { notFound } from "next/navigation";
import { LocalDate } from "@/components/local-date";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { findInterviewForReviewer } from "@/lib/interviews/recruiter/queries";
import { InterviewHeader } from "./interview-header";
import { ReviewSection } from "./review-section";

/**
 * An interview as a reviewer sees it: who (by name), for which job, who asked them and by when,
 * and the answers to score. No address, no emails, no timeline, nothing to manage; an interview
 * they were not asked to review is "not found".
 */
export async function ReviewerInterviewView({ viewer, id }: { viewer: Viewer; id: string }) {
  const interview = await findInterviewForReviewer(viewer, id);
  if (!interview) notFound();
  const { request } = interview;
  return (
    <>
      <InterviewHeader interview={interview} />
      {request && (
        <p className="mb-6 rounded-lg bg-white px-6 py-4 text-sm text-ink-700 ring-1 ring-ink-200">
          {request.requestedBy ? `${request.requestedBy.name} asked you to review this interview` : "You were asked to review this interview"}
          {request.dueAt ? (
            <>
              {" "}
              by <LocalDate value={request.dueAt.toISOString()} options={{ dateStyle: "full" }} />
            </>
          ) : null}
          .
          {interview.completedAt && (
            <>
              {" "}
              The candidate completed it <LocalDate value={interview.completedAt.toISOString()} />.
            </>
          )}
        </p>
      )}
      <ReviewSection viewer={viewer} interviewId={interview.id} />
    </>
  );
}
