import { LocalDate } from "@/components/local-date";
import { RecruiterContact } from "../_components/recruiter-contact";
import { ContinueForm } from "./continue-form";

/**
 * The lobby of a started interview to complete by a deadline, between questions: how far the
 * candidate has got, until when they may come back, and Continue, which opens the next question
 * (its timer starts only then). Rendered on the server; only the form is a client component.
 */
export function BetweenQuestions(props: {
  candidateName: string;
  companyName: string;
  jobTitle: string;
  interviewerName: string;
  interviewerEmail: string | null;
  answered: number;
  total: number;
  nextNumber: number;
  dueAt: string;
}) {
  return (
    <section aria-labelledby="break-title" className="space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-ink-200 sm:p-8">
      <div>
        <p className="text-sm font-medium text-accent-700">
          {props.companyName} · {props.jobTitle}
        </p>
        <h1 id="break-title" className="mt-1 text-2xl font-semibold text-ink-900">
          {props.answered} of {props.total} answered
        </h1>
      </div>
      <div
        role="progressbar"
        aria-label="Questions answered"
        aria-valuemin={0}
        aria-valuemax={props.total}
        aria-valuenow={props.answered}
        aria-valuetext={`${props.answered} of ${props.total} answered`}
        className="h-2 overflow-hidden rounded-full bg-ink-100"
      >
        <div className="h-full rounded-full bg-accent-600" style={{ width: `${(100 * props.answered) / props.total}%` }} />
      </div>
      <p className="text-ink-700">
        Welcome back, {props.candidateName}. Your answers so far are saved. You can take a break here and come back to this same link
        any time before <LocalDate value={props.dueAt} options={{ dateStyle: "full", timeStyle: "short" }} />.
      </p>
      <p className="text-ink-700">
        Question {props.nextNumber}&apos;s preparation time starts when you continue, and once it has started its timer keeps running.
      </p>
      <ContinueForm nextNumber={props.nextNumber} />
      <RecruiterContact name={props.interviewerName} email={props.interviewerEmail} companyName={props.companyName} className="text-sm text-ink-700" />
    </section>
  );
}
