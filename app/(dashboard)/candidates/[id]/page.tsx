import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { requireMember } from "@/lib/accounts/auth";
import { findCandidate } from "@/lib/candidates";
import { now } from "@/lib/clock";
import { timeZones } from "@/lib/time-zones";
import { updateCandidateAction } from "../actions";
import { CandidateForm } from "../candidate-form";
import { DeleteCandidateButton } from "./delete-candidate-button";

export const metadata: Metadata = { title: "Candidate" };

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  const candidate = await findCandidate(member.organizationId, id);
  if (!candidate) notFound();
  const localTime = new Intl.DateTimeFormat("en-US", { timeZone: candidate.timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(now());
  return (
    <>
      <Link href="/candidates" className="text-sm text-ink-600 hover:text-ink-900">
        ← Candidates
      </Link>
      <PageHeader
        title={candidate.name}
        description={`${candidate.email} · their local time is ${localTime}`}
        actions={<DeleteCandidateButton id={candidate.id} name={candidate.name} />}
      />
      {(await searchParams).saved === "1" && (
        <Alert tone="success" className="mb-6">
          Candidate saved.
        </Alert>
      )}
      <CandidateForm
        key={candidate.id}
        action={updateCandidateAction.bind(null, candidate.id)}
        candidate={candidate}
        zones={timeZones()}
        submitLabel="Save changes"
      />
    </>
  );
}
