import Link from "next/link";
import { notFound } from "next/navigation";
import { InterviewStatusBadge } from "@/components/interview-status-badge";
import { LocalDate } from "@/components/local-date";
import { PageHeader } from "@/components/page-header";
import type { Viewer } from "@/lib/interviews/recruiter/manager";
import { findInterviewForReviewer } from "@/lib/interviews/recruiter/queries";
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
      <Link href="/interviews" className="text-sm text-ink-600 hover:text-ink-900">
        ← Interviews
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {interview.candidate.name} <InterviewStatusBadge status={interview.status} />
          </span>
        }
        description={`${interview.job.title} · ${interview.job._count.questions} questions · ${interview.durationMinutes} minutes`}
      />
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
