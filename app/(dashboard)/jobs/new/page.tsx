import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { createJobAction } from "../actions";
import { JobForm } from "../job-form";

export const metadata: Metadata = { title: "New job" };

export default async function NewJobPage() {
  await requireRole(Role.RECRUITER);
  return (
    <>
      <Link href="/jobs" className="text-sm text-ink-600 hover:text-ink-900">
        ← Jobs
      </Link>
      <PageHeader title="New job" description="Describe the role and write the questions candidates will answer." />
      <JobForm action={createJobAction} submitLabel="Create job" cancelHref="/jobs" />
    </>
  );
}
