import { RecruiterContact } from "../_components/recruiter-contact";
import { DeletionRequestSection } from "../_requests/deletion-request-section";
import { StateCard } from "./state-card";

/** After the last answer: done, what happens next (who reviews, which email comes), and whom to contact. */
export function ThankYou({ candidateName, companyName, contact }: { candidateName: string; companyName: string; contact: { name: string; email: string | null } }) {
  return (
    <>
      <StateCard title={`Thank you, ${candidateName}`}>
        <p>Your interview is complete and your answers are with the hiring team at {companyName}.</p>
        <RecruiterContact name={contact.name} email={contact.email} companyName={companyName} />
      </StateCard>
      <section aria-labelledby="next-title" className="mt-6 rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
        <h2 id="next-title" className="text-lg font-semibold text-ink-900">
          What happens next
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5 text-ink-700 marker:text-ink-500">
          <li>
            <strong className="font-medium text-ink-900">A confirmation email is on its way</strong> to the address your invitation came to. Keep it:
            it is your record that the interview was received.
          </li>
          <li>
            <strong className="font-medium text-ink-900">The hiring team reviews your answers.</strong> Each answer is looked at as you gave it;
            nothing more is needed from you.
          </li>
          <li>
            <strong className="font-medium text-ink-900">{companyName} contacts you</strong> about the next step, by email.
          </li>
        </ol>
        <p className="mt-4 text-sm text-ink-600">Your answers can no longer be changed. You can close this page.</p>
      </section>
      <DeletionRequestSection companyName={companyName} />
    </>
  );
}
