import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { findJob } from "@/lib/jobs";
import { updateJobAction } from "../../actions";
import { JobForm } from "../../job-form";

export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { id } = await params;
  const job = await findJob(member.organizationId, id);
  if (!job) notFound();
  return (
    <>
      <Link href={`/jobs/${job.id}`} className="text-sm text-ink-600 hover:text-ink-900">
        ← {job.title}
      </Link>
      <PageHeader title="Edit job" description="Candidates get the questions as they stand when they start, so changes reach interviews already scheduled but not yet started." />
      <JobForm key={job.updatedAt.toISOString()} action={updateJobAction.bind(null, job.id)} job={job} submitLabel="Save changes" cancelHref={`/jobs/${job.id}`} />
    </>
  );
}
