import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { timeZones } from "@/lib/time-zones";
import { createCandidateAction } from "../actions";
import { CandidateForm } from "../candidate-form";

export const metadata: Metadata = { title: "Add candidate" };

export default async function NewCandidatePage() {
  await requireRole(Role.RECRUITER);
  return (
    <>
      <Link href="/candidates" className="text-sm text-ink-600 hover:text-ink-900">
        ← Candidates
      </Link>
      <PageHeader title="Add candidate" />
      <CandidateForm action={createCandidateAction} zones={timeZones()} submitLabel="Add candidate" />
    </>
  );
}
