"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { submitExternalScorecardAction } from "./actions";

const RATINGS = ["", "1", "2", "3", "4", "5"] as const;
const RECOMMENDATIONS = [
  ["STRONG_NO", "Strong no"],
  ["NO", "No"],
  ["YES", "Yes"],
  ["STRONG_YES", "Strong yes"],
] as const;

const choiceClass =
  "flex cursor-pointer items-center gap-2 rounded-md bg-white px-3 py-1.5 text-sm text-ink-900 ring-1 ring-inset ring-ink-300 " +
  "hover:bg-ink-50 has-checked:bg-accent-50 has-checked:ring-accent-600";

/**
 * The scorecard of someone without an account: their name and email, a rating and notes per shown
 * answer, a recommendation and a comment — sent once, as a whole. Refusals come back beside each
 * field; a scorecard that went in replaces the form with its confirmation.
 */
export function ExternalScorecardForm({ shareLinkId, answers }: { shareLinkId: string; answers: Array<{ id: string; question: string }> }) {
  const { state, formAction, onSubmit, pending } = useFormAction(submitExternalScorecardAction);
  if (state.ok) {
    return (
      <p role="status" className="rounded-md bg-success-50 px-4 py-3 text-sm text-success-800 ring-1 ring-success-200 ring-inset">
        {state.message}
      </p>
    );
  }
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="shareLinkId" value={shareLinkId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Your name" errors={errors.reviewerName}>
          {(p) => <input {...p} name="reviewerName" autoComplete="name" className={controlClass} />}
        </Field>
        <Field label="Your email" hint="So the hiring team can reach you. Not shown to the candidate." errors={errors.reviewerEmail}>
          {(p) => <input {...p} name="reviewerEmail" type="email" autoComplete="email" className={controlClass} />}
        </Field>
      </div>
      {errors.ratings && <Alert tone="error">{errors.ratings.join(" ")}</Alert>}
      {answers.map((answer, index) => (
        <div key={answer.id} className="space-y-3 rounded-md p-4 ring-1 ring-ink-200">
          <input type="hidden" name="answerId" value={answer.id} />
          <p className="text-sm font-semibold text-ink-900">{answer.question}</p>
          <ChoiceGroup
            legend={
              <>
                Rating<span className="sr-only"> for {answer.question}</span>
              </>
            }
            errors={errors[`ratings.${index}.rating`]}
          >
            {RATINGS.map((value) => (
              <label key={value} className={choiceClass}>
                <input type="radio" name={`rating-${answer.id}`} value={value} defaultChecked={value === ""} className="accent-accent-600" />
                {value === "" ? "Not rated" : value}
              </label>
            ))}
          </ChoiceGroup>
          <Field
            label={
              <>
                Notes<span className="sr-only"> on {answer.question}</span>
              </>
            }
            hint="Optional."
            errors={errors[`ratings.${index}.notes`]}
          >
            {(p) => <textarea {...p} name={`notes-${answer.id}`} rows={2} className={controlClass} />}
          </Field>
        </div>
      ))}
      <ChoiceGroup legend="Your recommendation" hint="Required." errors={errors.recommendation}>
        {RECOMMENDATIONS.map(([value, label]) => (
          <label key={value} className={choiceClass}>
            <input type="radio" name="recommendation" value={value} className="accent-accent-600" />
            {label}
          </label>
        ))}
      </ChoiceGroup>
      <Field label="Comment" hint="Optional." errors={errors.comment}>
        {(p) => <textarea {...p} name="comment" rows={4} className={controlClass} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Submitting…" : "Submit scorecard"}
      </Button>
    </form>
  );
}
