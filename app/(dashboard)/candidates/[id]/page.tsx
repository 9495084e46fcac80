import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterviewRows } from "@/components/interview-rows";
import { OneTimeNotice } from "@/components/one-time-notice";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { findCandidate } from "@/lib/candidates";
import { now } from "@/lib/clock";
import { listInterviewsOf, RECORD_INTERVIEWS_SHOWN } from "@/lib/interviews/recruiter/queries";
import { timeZones } from "@/lib/time-zones";
import { updateCandidateAction } from "../actions";
import { CandidateForm } from "../candidate-form";
import { DeleteCandidateButton } from "./delete-candidate-button";

export const metadata: Metadata = { title: "Candidate" };

export default async function CandidatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { id } = await params;
  const candidate = await findCandidate(member.organizationId, id);
  if (!candidate) notFound();
  const { rows, total } = await listInterviewsOf(member.organizationId, { candidateId: candidate.id });
  const localTime = new Intl.DateTimeFormat("en-US", { timeZone: candidate.timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(now());
  const scheduleHref = `/interviews/new?candidate=${candidate.id}`;
  return (
    <>
      <Link href="/candidates" className="text-sm text-ink-600 hover:text-ink-900">
        ← Candidates
      </Link>
      <PageHeader
        title={candidate.name}
        description={`${candidate.email} · their local time is ${localTime}`}
        actions={
          <Button asChild>
            <Link href={scheduleHref}>Schedule interview</Link>
          </Button>
        }
      />
      {(await searchParams).saved === "1" && <OneTimeNotice dropQuery="saved">Candidate saved.</OneTimeNotice>}

      <div className="space-y-8">
        <section aria-labelledby="candidate-interviews">
          <h2 id="candidate-interviews" className="mb-3 text-base font-semibold text-ink-900">
            Interviews
          </h2>
          <InterviewRows
            rows={rows.map((r) => ({ ...r, title: r.job.title }))}
            empty={
              <>
                No interviews yet.{" "}
                <Link href={scheduleHref} className="font-medium text-accent-700 underline">
                  Schedule one
                </Link>
              </>
            }
          />
          {total > RECORD_INTERVIEWS_SHOWN && (
            <p className="mt-2 text-sm text-ink-600">
              The latest {RECORD_INTERVIEWS_SHOWN} of {total} interviews.
            </p>
          )}
        </section>

        <section aria-labelledby="candidate-details" className="space-y-3">
          <h2 id="candidate-details" className="text-base font-semibold text-ink-900">
            Details
          </h2>
          <CandidateForm
            key={candidate.id}
            action={updateCandidateAction.bind(null, candidate.id)}
            candidate={candidate}
            zones={timeZones()}
            submitLabel="Save changes"
          />
        </section>

        <section aria-labelledby="candidate-delete" className="flex flex-wrap items-center justify-between gap-4 border-t border-ink-200 pt-6">
          <div>
            <h2 id="candidate-delete" className="text-sm font-semibold text-ink-900">
              Delete candidate
            </h2>
            <p className="text-sm text-ink-600">Removes them, their interviews, answers and recordings for everyone in your organisation.</p>
          </div>
          <DeleteCandidateButton id={candidate.id} name={candidate.name} />
        </section>
      </div>
    </>
  );
}
