import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { requireMember } from "@/lib/accounts/auth";
import { findJob } from "@/lib/jobs";
import { updateJobAction } from "../actions";
import { JobForm } from "../job-form";
import { ArchiveJobButton } from "./archive-job-button";

export const metadata: Metadata = { title: "Job" };

export default async function JobPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  const job = await findJob(member.organizationId, id);
  if (!job) notFound();
  const archived = job.status === "ARCHIVED";
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
        actions={
          <>
            {/* What candidates will see, without scheduling anyone (preview/page.tsx). */}
            <Button asChild variant="secondary">
              <Link href={`/jobs/${job.id}/preview`}>Preview as candidate</Link>
            </Button>
            <ArchiveJobButton id={job.id} archived={archived} title={job.title} />
          </>
        }
      />
      {(await searchParams).saved === "1" && (
        <Alert tone="success" className="mb-6">
          Job saved.
        </Alert>
      )}
      <JobForm key={job.updatedAt.toISOString()} action={updateJobAction.bind(null, job.id)} job={job} submitLabel="Save changes" />
    </>
  );
}
