import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { schedulingOptions } from "@/lib/interviews/recruiter/queries";
import { timeZones } from "@/lib/time-zones";
import { ScheduleForm } from "./schedule-form";

export const metadata: Metadata = { title: "Schedule an interview" };

export default async function NewInterviewPage({ searchParams }: { searchParams: Promise<{ candidate?: string; job?: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { jobs, candidates } = await schedulingOptions(member.organizationId);
  const { candidate, job } = await searchParams;
  return (
    <>
      <Link href="/interviews" className="text-sm text-ink-600 hover:text-ink-900">
        ← Interviews
      </Link>
      <PageHeader title="Schedule an interview" description="The candidate gets an email with their private link (and, for an interview at a time, a calendar invitation)." />
      {jobs.length === 0 ? (
        <EmptyState
          title="No open job with questions yet"
          action={
            <Button asChild>
              <Link href="/jobs/new">Create a job</Link>
            </Button>
          }
        >
          An interview asks a job&apos;s questions. Create a job with at least one question first.
        </EmptyState>
      ) : (
        // A new token per page view: submitting this form twice still creates one interview.
        <ScheduleForm
          jobs={jobs}
          candidates={candidates}
          zones={timeZones()}
          requestToken={randomUUID()}
          defaultCandidateId={candidates.some((c) => c.id === candidate) ? candidate : undefined}
          defaultJobId={jobs.some((j) => j.id === job) ? job : undefined}
        />
      )}
    </>
  );
}
