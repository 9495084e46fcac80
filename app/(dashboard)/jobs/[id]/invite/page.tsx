import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { listUninvitedCandidates } from "@/lib/interviews/recruiter/bulk/preview";
import { estimateMinutes } from "@/lib/interviews/model/estimate";
import { findJob } from "@/lib/jobs";
import { timeZones } from "@/lib/time-zones";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Invite candidates" };

export default async function InviteCandidatesPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { id } = await params;
  const job = await findJob(member.organizationId, id);
  if (!job) notFound();
  const invitable = job.status === "OPEN" && job.questions.length > 0;
  const candidates = invitable ? await listUninvitedCandidates(member.organizationId, job.id) : { rows: [], more: false };
  return (
    <>
      <Link href={`/jobs/${job.id}`} className="text-sm text-ink-600 hover:text-ink-900">
        ← {job.title}
      </Link>
      <PageHeader
        title="Invite candidates"
        description={`Send the ${job.title} interview to many people at once. You see every row before anything is sent.`}
      />
      {invitable ? (
        // A new batch id per page view: confirming twice (or retrying) invites nobody twice.
        <InviteForm
          jobId={job.id}
          batchId={randomUUID()}
          zones={timeZones()}
          candidates={candidates.rows}
          moreCandidates={candidates.more}
          suggestedMinutes={estimateMinutes(job.questions)}
          defaults={{ mode: job.defaultInterviewMode, daysToComplete: job.defaultDaysToComplete }}
        />
      ) : (
        <Alert>
          {job.status === "OPEN" ? "This job has no questions yet. Add questions before inviting candidates." : "This job is archived. Reopen it to invite candidates."}
        </Alert>
      )}
    </>
  );
}
