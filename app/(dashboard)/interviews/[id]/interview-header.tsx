import Link from "next/link";
import type { ReactNode } from "react";
import { InterviewStatusBadge } from "@/components/interview-status-badge";
import { PageHeader } from "@/components/page-header";
import { InterviewStatus } from "@/lib/generated/prisma/enums";

/** The top of an interview's page, for a recruiter and a reviewer alike: back to the list, who, status, job and length. */
export function InterviewHeader({
  interview,
  actions,
}: {
  interview: { status: InterviewStatus; durationMinutes: number; candidate: { name: string }; job: { id: string; title: string; _count: { questions: number } } };
  actions?: ReactNode;
}) {
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
        description={
          <>
            {`${interview.job.title} · ${interview.job._count.questions} questions · ${interview.durationMinutes} minutes`}
            {interview.status === InterviewStatus.COMPLETED && (
              <>
                {" · "}
                <Link href={`/compare/${interview.job.id}`} className="font-medium text-accent-700 hover:underline">
                  Compare candidates for this job
                </Link>
              </>
            )}
          </>
        }
        actions={actions}
      />
    </>
  );
}
