import { LocalDate } from "@/components/local-date";
import type { PurgeReason } from "@/lib/interviews/lifecycle/retention";
import { DeleteContentButton } from "./delete-content-button";

const REASONS: Record<PurgeReason, string> = {
  retention: "retention policy",
  "candidate request": "at the candidate's request",
  recruiter: "by your team",
};

const day = { dateStyle: "long" } as const;

/**
 * What happens to the candidate's answers and recordings once the interview has ended: when the
 * retention policy deletes them, the candidate's request to delete them sooner, or that they are
 * gone. Nothing while the interview has not ended.
 */
export function ContentCard({
  interviewId,
  candidateName,
  deletable,
  deletionRequestedAt,
  contentDeletedAt,
  deletedReason,
  retentionDays,
  deletesAt,
}: {
  interviewId: string;
  candidateName: string;
  deletable: boolean;
  deletionRequestedAt: Date | null;
  contentDeletedAt: Date | null;
  deletedReason: PurgeReason | null;
  retentionDays: number;
  deletesAt: Date | null;
}) {
  if (!contentDeletedAt && !deletable) return null;
  return (
    <section aria-labelledby="content-heading" className="mt-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
      <h2 id="content-heading" className="text-base font-semibold text-ink-900">
        Answers and recordings
      </h2>
      {contentDeletedAt ? (
        <p className="mt-2 text-sm text-ink-700">
          Answers deleted on <LocalDate value={contentDeletedAt.toISOString()} options={day} />
          {deletedReason && ` (${REASONS[deletedReason]})`}. The interview and its history are kept.
        </p>
      ) : (
        <>
          {deletionRequestedAt && (
            <p className="mt-3 rounded-md bg-accent-50 px-4 py-3 text-sm text-accent-900 ring-1 ring-inset ring-accent-200">
              {candidateName} asked on <LocalDate value={deletionRequestedAt.toISOString()} /> for their answers and recordings to be deleted.
            </p>
          )}
          {deletesAt && (
            <p className="mt-3 text-sm text-ink-700">
              Kept until <LocalDate value={deletesAt.toISOString()} options={day} />: your organisation deletes answers and recordings {retentionDays}{" "}
              days after an interview ends.
            </p>
          )}
          <div className="mt-4">
            <DeleteContentButton interviewId={interviewId} candidateName={candidateName} requested={Boolean(deletionRequestedAt)} />
          </div>
        </>
      )}
    </section>
  );
}
