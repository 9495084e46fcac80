import { LocalDate } from "@/components/local-date";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";
import { AccommodationsForm } from "./accommodations-form";

/** Why the accommodations can no longer change, by status. */
const LOCKED: Record<InterviewStatus, string> = {
  SCHEDULED: "",
  IN_PROGRESS: "They were applied when the candidate started and can no longer change.",
  COMPLETED: "They were applied when the candidate started and can no longer change.",
  CANCELLED: "This interview was cancelled, so they can no longer change.",
  EXPIRED: "The candidate did not start. Reschedule the interview to change them for the new time.",
};

/**
 * The interview's accommodations: what the candidate asked for (if they did), and the extra time
 * and retakes — editable until the interview starts, read-only afterwards.
 */
export function AccommodationsCard({
  interviewId,
  status,
  extraTimePercent,
  extraRetakes,
  accommodationRequest,
  accommodationRequestedAt,
  editable,
}: {
  interviewId: string;
  status: InterviewStatus;
  extraTimePercent: number;
  extraRetakes: number;
  accommodationRequest: string;
  accommodationRequestedAt: Date | null;
  editable: boolean;
}) {
  return (
    <section aria-labelledby="accommodations-heading" className="mt-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
      <h2 id="accommodations-heading" className="text-base font-semibold text-ink-900">
        Accommodations
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        Extra time is added to every question&apos;s preparation and answer time; extra retakes apply to recorded answers.
      </p>
      {accommodationRequestedAt && (
        <figure className="mt-4 rounded-md bg-accent-50 px-4 py-3 text-sm ring-1 ring-inset ring-accent-200">
          <figcaption className="font-medium text-accent-900">
            The candidate asked on <LocalDate value={accommodationRequestedAt.toISOString()} />:
          </figcaption>
          {accommodationRequest ? (
            <blockquote className="mt-2 break-words whitespace-pre-wrap text-ink-900">{accommodationRequest}</blockquote>
          ) : (
            <p className="mt-2 text-ink-600 italic">Their message was deleted with the interview&apos;s answers.</p>
          )}
        </figure>
      )}
      {editable ? (
        <div className="mt-4 max-w-xl">
          <AccommodationsForm interviewId={interviewId} extraTimePercent={extraTimePercent} extraRetakes={extraRetakes} />
        </div>
      ) : (
        <>
          <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-ink-500">Extra time</dt>
              <dd className="mt-1 text-ink-900">{extraTimePercent > 0 ? `${extraTimePercent}%` : "None"}</dd>
            </div>
            <div>
              <dt className="text-ink-500">Extra retakes</dt>
              <dd className="mt-1 text-ink-900">{extraRetakes > 0 ? extraRetakes : "None"}</dd>
            </div>
          </dl>
          <p className="mt-3 text-sm text-ink-600">{LOCKED[status]}</p>
        </>
      )}
    </section>
  );
}
