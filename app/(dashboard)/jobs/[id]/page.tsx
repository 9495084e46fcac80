import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterviewRows } from "@/components/interview-rows";
import { OneTimeNotice } from "@/components/one-time-notice";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireRole } from "@/lib/accounts/auth";
import { listTeam } from "@/lib/accounts/members";
import { ROLE_LABELS } from "@/lib/accounts/roles";
import { Role } from "@/lib/generated/prisma/enums";
import { LocalDate } from "@/components/local-date";
import { listInvitationBatches } from "@/lib/interviews/recruiter/bulk/batch-view";
import { listInterviewsOf, RECORD_INTERVIEWS_SHOWN } from "@/lib/interviews/recruiter/queries";
import { findJob } from "@/lib/jobs";
import { ANSWER_TYPE_LABELS, describeTimes, WORKPLACE_LABELS } from "../labels";
import { ArchiveJobButton } from "./archive-job-button";
import { HiringTeam } from "./hiring-team";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { id } = await params;
  const job = await findJob(member.organizationId, id);
  if (!job) notFound();
  const [{ rows, total }, batches, team] = await Promise.all([
    listInterviewsOf(member.organizationId, { jobId: job.id }),
    listInvitationBatches(member.organizationId, job.id),
    listTeam(member.organizationId),
  ]);
  const onTeam = new Set(job.hiringTeam.map((t) => t.user.id));
  const asTeamMember = (m: { id: string; name: string; role: keyof typeof ROLE_LABELS }) => ({ id: m.id, name: m.name, role: ROLE_LABELS[m.role] });
  const archived = job.status === "ARCHIVED";
  const schedulable = !archived && job.questions.length > 0;
  const scheduleHref = `/interviews/new?job=${job.id}`;
  return (
    <>
      <Link href="/jobs" className="text-sm text-ink-600 hover:text-ink-900">
        ← Jobs
      </Link>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            {job.title} {archived && <Badge>Archived</Badge>}
          </span>
        }
        description={[job.location, WORKPLACE_LABELS[job.workplaceType], `${job.questions.length} ${job.questions.length === 1 ? "question" : "questions"}`]
          .filter(Boolean)
          .join(" · ")}
        actions={
          // What you do next with a job: one interview, or the job's interview for many people at once.
          <>
            <Button asChild variant="secondary">
              <Link href={`/jobs/${job.id}/edit`}>Edit</Link>
            </Button>
            {/* Its completed interviews side by side, question by question (compare/[jobId]). */}
            <Button asChild variant="secondary">
              <Link href={`/compare/${job.id}`}>Compare candidates</Link>
            </Button>
            {/* What candidates will see, without scheduling anyone (preview/page.tsx). */}
            <Button asChild variant="secondary">
              <Link href={`/jobs/${job.id}/preview`}>Preview as candidate</Link>
            </Button>
            {schedulable && (
              <Button asChild variant="secondary">
                <Link href={`/jobs/${job.id}/invite`}>Invite candidates</Link>
              </Button>
            )}
            {schedulable && (
              <Button asChild>
                <Link href={scheduleHref}>Schedule interview</Link>
              </Button>
            )}
          </>
        }
      />
      {(await searchParams).saved === "1" && <OneTimeNotice dropQuery="saved">Job saved.</OneTimeNotice>}
      {archived && (
        <Alert className="mb-6">This job is archived: candidates cannot be scheduled for it. Reopen it to schedule interviews.</Alert>
      )}

      <div className="space-y-8">
        {job.description && (
          <section aria-labelledby="job-description" className="rounded-lg bg-white p-5 ring-1 ring-ink-200">
            <h2 id="job-description" className="text-base font-semibold text-ink-900">
              Description
            </h2>
            <p className="mt-2 text-sm whitespace-pre-line text-ink-700">{job.description}</p>
          </section>
        )}

        <section aria-labelledby="job-questions">
          <h2 id="job-questions" className="mb-3 text-base font-semibold text-ink-900">
            Interview questions
          </h2>
          <ol className="divide-y divide-ink-200 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
            {job.questions.map((q, i) => (
              <li key={q.id} className="flex gap-3 px-5 py-3">
                <span className="text-sm font-semibold text-ink-500 tabular-nums">{i + 1}.</span>
                <div className="min-w-0">
                  <p className="text-sm whitespace-pre-line text-ink-900">{q.prompt}</p>
                  <p className="mt-1 text-xs text-ink-600">
                    {ANSWER_TYPE_LABELS[q.answerType]} · {describeTimes(q)}
                  </p>
                </div>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="job-hiring-team">
          <h2 id="job-hiring-team" className="text-base font-semibold text-ink-900">
            Hiring team
          </h2>
          <p className="mt-1 mb-3 text-sm text-ink-600">
            Teammates here review every completed interview of this job, as if asked to review each. Reviewers see only these and the interviews they are asked to review, without contact details.
          </p>
          <HiringTeam jobId={job.id} onTeam={job.hiringTeam.map((t) => asTeamMember(t.user))} others={team.members.filter((m) => !onTeam.has(m.id)).map(asTeamMember)} />
        </section>

        <section aria-labelledby="job-interviews">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="job-interviews" className="text-base font-semibold text-ink-900">
              Interviews
            </h2>
            {total > RECORD_INTERVIEWS_SHOWN && (
              <Link href={`/interviews?jobId=${job.id}`} className="text-sm font-medium text-accent-700 hover:underline">
                The latest {RECORD_INTERVIEWS_SHOWN} of {total}: filter Interviews by this job
              </Link>
            )}
          </div>
          <InterviewRows
            rows={rows.map((r) => ({ ...r, title: r.candidate.name }))}
            empty={
              <>
                No interviews for this job yet.
                {schedulable && (
                  <>
                    {" "}
                    <Link href={scheduleHref} className="font-medium text-accent-700 underline">
                      Schedule the first one
                    </Link>
                  </>
                )}
              </>
            }
          />
        </section>

        {batches.length > 0 && (
          <section aria-labelledby="job-batches">
            <h2 id="job-batches" className="mb-3 text-base font-semibold text-ink-900">
              Bulk invitations
            </h2>
            <ul className="divide-y divide-ink-200 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
              {batches.map((b) => (
                <li key={b.id}>
                  <Link href={`/jobs/${job.id}/invitations/${b.id}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 py-3 text-sm hover:bg-ink-50 focus-visible:bg-ink-50">
                    <span className="font-medium text-accent-700">
                      {b.invitedCount} invited
                      {b.skippedCount + b.invalidCount > 0 && <span className="font-normal text-ink-600"> · {b.skippedCount + b.invalidCount} not invited</span>}
                    </span>
                    <span className="text-ink-600">
                      <LocalDate value={b.createdAt.toISOString()} /> by {b.createdBy?.name ?? "a former member"}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="job-archive" className="flex flex-wrap items-center justify-between gap-4 border-t border-ink-200 pt-6">
          <div>
            <h2 id="job-archive" className="text-sm font-semibold text-ink-900">
              {archived ? "Reopen" : "Archive"}
            </h2>
            <p className="text-sm text-ink-600">
              {archived ? "Reopened, the job can be scheduled again." : "Archiving hides the job from scheduling; its questions and interviews stay."}
            </p>
          </div>
          <ArchiveJobButton id={job.id} archived={archived} title={job.title} />
        </section>
      </div>
    </>
  );
}
