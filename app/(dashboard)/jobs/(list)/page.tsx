import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { FilterTabs } from "@/components/filter-tabs";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { listJobs } from "@/lib/jobs";
import { WORKPLACE_LABELS } from "../labels";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const archived = (await searchParams).archived === "1";
  const jobs = await listJobs(member.organizationId, archived ? "ARCHIVED" : "OPEN");
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Each job holds the questions candidates answer in its interviews."
        actions={
          <Button asChild>
            <Link href="/jobs/new">New job</Link>
          </Button>
        }
      />
      <FilterTabs
        label="Job status"
        tabs={[
          { label: "Open", href: "/jobs", current: !archived },
          { label: "Archived", href: "/jobs?archived=1", current: archived },
        ]}
      />
      {jobs.length === 0 ? (
        archived ? (
          <EmptyState title="No archived jobs">Archived jobs keep their questions and past interviews but cannot be scheduled.</EmptyState>
        ) : (
          <EmptyState
            title="No open jobs yet"
            action={
              <Button asChild>
                <Link href="/jobs/new">Create your first job</Link>
              </Button>
            }
          >
            Create a job with its interview questions, then schedule candidates for it.
          </EmptyState>
        )
      ) : (
        <ul className="divide-y divide-ink-200 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
          {jobs.map((job) => (
            <li key={job.id} className="relative flex items-center justify-between gap-4 px-5 py-4 hover:bg-ink-50">
              <div className="min-w-0">
                <Link href={`/jobs/${job.id}`} className="font-medium text-ink-900 after:absolute after:inset-0 focus-visible:outline-none">
                  {job.title}
                </Link>
                <p className="mt-0.5 text-sm text-ink-600">
                  {[job.location, WORKPLACE_LABELS[job.workplaceType]].filter(Boolean).join(" · ")}
                </p>
              </div>
              <Badge tone="accent">
                {job._count.questions} {job._count.questions === 1 ? "question" : "questions"}
              </Badge>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
