import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalDate } from "@/components/local-date";
import { InterviewStatusBadge } from "@/components/interview-status-badge";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { requireRole } from "@/lib/accounts/auth";
import { Role } from "@/lib/generated/prisma/enums";
import { recordId } from "@/lib/fields";
import { findInvitationBatch } from "@/lib/interviews/recruiter/bulk/batch-view";
import type { NotInvitedRow } from "@/lib/interviews/recruiter/bulk/confirm";
import { DELIVERY_TONES } from "@/lib/interviews/model/email-labels";
import { dateInZone, dueDateAfter } from "@/lib/interviews/model/window";
import { ExtendBatchForm } from "./extend-batch-form";
import { LiveRefresh } from "./live-refresh";

export const metadata: Metadata = { title: "Invitations" };

export default async function InvitationBatchPage({ params }: { params: Promise<{ id: string; batchId: string }> }) {
  const member = await requireRole(Role.RECRUITER);
  const { id, batchId } = await params;
  if (!recordId.safeParse(id).success || !recordId.safeParse(batchId).success) notFound();
  const batch = await findInvitationBatch(member.organizationId, id, batchId);
  if (!batch) notFound();
  const { progress } = batch;
  const skipped = batch.notInvited.filter((r) => r.class === "skipped");
  const invalid = batch.notInvited.filter((r) => r.class === "invalid");
  return (
    <>
      <Link href={`/jobs/${batch.job.id}`} className="text-sm text-ink-600 hover:text-ink-900">
        ← {batch.job.title}
      </Link>
      <PageHeader
        title={`Invitations to ${batch.job.title}`}
        description={
          <>
            Sent by {batch.createdBy?.name ?? "a former member"} on <LocalDate value={batch.createdAt.toISOString()} />: {batch.invitedCount} invited ({batch.newCandidateCount} new{" "}
            {batch.newCandidateCount === 1 ? "candidate" : "candidates"}), {batch.skippedCount} skipped, {batch.invalidCount} invalid.
          </>
        }
      />
      <LiveRefresh active={progress.waiting > 0} />

      <div className="space-y-8">
        <section aria-labelledby="batch-progress" className="rounded-lg bg-white p-5 ring-1 ring-ink-200">
          <h2 id="batch-progress" className="text-base font-semibold text-ink-900">
            Sending
          </h2>
          <p role="status" className="mt-1 text-sm text-ink-700">
            <span className="font-semibold text-ink-900">
              {progress.sent} of {progress.total} sent
            </span>
            {progress.waiting > 0 && ` · ${progress.waiting} queued`}
            {progress.delivered > 0 && ` · ${progress.delivered} delivered`}
            {progress.bounced > 0 && ` · ${progress.bounced} bounced`}
            {progress.notSent > 0 && ` · ${progress.notSent} not sent`}
          </p>
          <div className="mt-3 h-2 overflow-hidden rounded-full bg-ink-100" aria-hidden>
            <div className="h-full bg-accent-600 transition-all" style={{ width: `${progress.total ? (progress.sent / progress.total) * 100 : 0}%` }} />
          </div>
          <p className="mt-2 text-xs text-ink-500">
            {progress.waiting > 0 ? "Emails go out at the provider's pace; this page updates by itself." : "Every invitation has left the outbox."}
          </p>
        </section>

        {batch.extendable.length > 0 && (
          <ExtendBatchForm jobId={batch.job.id} batchId={batch.id} count={batch.extendable.length} earliestDate={laterThanEvery(batch.extendable)} />
        )}

        <section>
          <h2 id="batch-invited" className="mb-3 text-base font-semibold text-ink-900">
            Invited ({batch.invited.length})
          </h2>
          <div role="region" aria-labelledby="batch-invited" tabIndex={0} className="overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200">
            <table className="min-w-full text-left text-sm">
              <thead className="bg-ink-50 text-xs text-ink-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Candidate</th>
                  <th scope="col" className="px-4 py-2 font-medium">Email</th>
                  <th scope="col" className="px-4 py-2 font-medium">Invitation</th>
                  <th scope="col" className="px-4 py-2 font-medium">Interview</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-ink-100">
                {batch.invited.map((row) => (
                  <tr key={row.interviewId}>
                    <td className="px-4 py-2">
                      <Link href={`/interviews/${row.interviewId}`} className="font-medium text-accent-700 hover:underline">
                        {row.name}
                      </Link>
                    </td>
                    <td className="px-4 py-2 break-all text-ink-700">{row.email}</td>
                    <td className="px-4 py-2">
                      <Badge tone={DELIVERY_TONES[row.invitation]}>{row.invitation}</Badge>
                    </td>
                    <td className="px-4 py-2">
                      <InterviewStatusBadge status={row.status} />
                      {row.dueAt && (
                        <span className="mt-1 block text-xs whitespace-nowrap text-ink-600">
                          Due <LocalDate value={row.dueAt.toISOString()} />
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        <NotInvited id="batch-skipped" title="Skipped" rows={skipped} empty="Nobody was skipped." />
        <NotInvited id="batch-invalid" title="Invalid" rows={invalid} empty="No row was invalid." />
      </div>
    </>
  );
}

function NotInvited({ id, title, rows, empty }: { id: string; title: string; rows: NotInvitedRow[]; empty: string }) {
  return (
    <section>
      <h2 id={id} className="mb-3 text-base font-semibold text-ink-900">
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-ink-600">{empty}</p>
      ) : (
        <div role="region" aria-labelledby={id} tabIndex={0} className="overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-ink-50 text-xs text-ink-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">From</th>
                <th scope="col" className="px-4 py-2 font-medium">Name</th>
                <th scope="col" className="px-4 py-2 font-medium">Email</th>
                <th scope="col" className="px-4 py-2 font-medium">Reason</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {rows.map((row, i) => (
                <tr key={i}>
                  <td className="px-4 py-2 whitespace-nowrap text-ink-600">{row.source === "candidate" ? "Chosen" : row.source === "csv" ? `CSV row ${row.line}` : `Line ${row.line}`}</td>
                  <td className="px-4 py-2 text-ink-900">{row.name || "—"}</td>
                  <td className="px-4 py-2 break-all text-ink-700">{row.email || "—"}</td>
                  <td className="px-4 py-2 text-ink-700">
                    {row.reason}
                    {row.interviewId && (
                      <>
                        {" "}
                        <Link href={`/interviews/${row.interviewId}`} className="font-medium text-accent-700 underline">
                          Open it
                        </Link>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The first date after every candidate's current due date (each in their zone): the least an extension can give them all. */
function laterThanEvery(rows: Array<{ dueAt: Date | null; candidateTimeZone: string }>): string {
  return rows.reduce((latest, r) => {
    const next = r.dueAt ? dueDateAfter(r.dueAt, 1, r.candidateTimeZone) : dateInZone(new Date(), "UTC");
    return next > latest ? next : latest;
  }, "");
}
