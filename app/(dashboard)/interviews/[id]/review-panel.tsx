"use client";

import { useState } from "react";
import { useAutosave, type AutosaveStatus } from "@/components/use-autosave";
import { useFormAction } from "@/components/use-form-action";
import { cn } from "@/components/ui/cn";
import { Alert } from "@/components/ui/alert";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import type { Decision, ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { initialFormState, type FormState } from "@/lib/form-state";
import { decideAction, reopenScorecardAction, saveRatingAction, saveRecommendationAction, submitScorecardAction } from "../actions";
import { DECISION_LABELS, SCORE_RECOMMENDATION_LABELS } from "../labels";

const RATINGS = [
  ["", "Not rated"],
  ["1", "1"],
  ["2", "2"],
  ["3", "3"],
  ["4", "4"],
  ["5", "5"],
] as const;

const choiceClass =
  "flex cursor-pointer items-center gap-2 rounded-md bg-white px-3 py-1.5 text-sm text-ink-900 ring-1 ring-inset ring-ink-300 " +
  "hover:bg-ink-50 has-checked:bg-accent-50 has-checked:ring-accent-600";

/**
 * One answer's rating and notes on the reviewer's own scorecard, saved as they change (a rating at once, notes after a pause in
 * typing or on leaving the field), with the save's state beside them. The server checks each
 * save as it did the form's. `question` ("Question 2") tells screen readers which answer the controls belong to.
 */
export function RatingForm({ interviewId, answerId, question, rating, notes }: { interviewId: string; answerId: string; question: string; rating: number | null; notes: string }) {
  const [values, setValues] = useState({ rating: rating === null ? "" : String(rating), notes });
  const { status, result, change, flush } = useAutosave((v: typeof values) => {
    const form = new FormData();
    form.set("rating", v.rating);
    form.set("notes", v.notes);
    return saveRatingAction(interviewId, answerId, initialFormState, form);
  });
  const update = (next: Partial<typeof values>, now: boolean) => {
    const merged = { ...values, ...next };
    setValues(merged);
    change(merged, { now });
  };
  const errors = (status === "failed" && result?.fieldErrors) || {};
  return (
    <form onSubmit={(event) => (event.preventDefault(), void flush())} noValidate className="space-y-4">
      {status === "failed" && result?.message && <Alert tone="error">{result.message}</Alert>}
      <ChoiceGroup
        legend={
          <>
            Rating<span className="sr-only"> for {question}</span>
          </>
        }
        hint="1 is weakest, 5 strongest."
        errors={errors.rating}
      >
        {RATINGS.map(([value, label]) => (
          <label key={value} className={choiceClass}>
            <input
              type="radio"
              name="rating"
              value={value}
              checked={values.rating === value}
              onChange={() => update({ rating: value }, true)}
              className="accent-accent-600"
            />
            {label}
          </label>
        ))}
      </ChoiceGroup>
      <Field
        label={
          <>
            Notes<span className="sr-only"> on {question}</span>
          </>
        }
        hint="Saved as you type."
        errors={errors.notes}
      >
        {(p) => (
          <textarea
            {...p}
            name="notes"
            rows={3}
            value={values.notes}
            onChange={(event) => update({ notes: event.target.value }, false)}
            onBlur={() => void flush()}
            className={controlClass}
          />
        )}
      </Field>
      <p role="status" className={cn("text-sm", status === "failed" ? "text-danger-700" : "text-ink-600")}>
        {AUTOSAVE_LABELS[status]}
      </p>
    </form>
  );
}

const AUTOSAVE_LABELS: Record<AutosaveStatus, string> = { idle: "", saving: "Saving…", saved: "Saved", failed: "Not saved" };

const SCORE_RECOMMENDATIONS = Object.entries(SCORE_RECOMMENDATION_LABELS) as Array<[ScoreRecommendation, string]>;
const DECISIONS = Object.entries(DECISION_LABELS) as Array<[Decision, string]>;

/**
 * The reviewer's overall recommendation and comment, kept on their draft as they go (like the
 * ratings), and the button that submits the scorecard with what the form shows. Submitting locks it
 * and shows the others' scorecards.
 */
export function ScorecardForm({ interviewId, recommendation, comment }: { interviewId: string; recommendation: ScoreRecommendation | null; comment: string }) {
  const [values, setValues] = useState({ recommendation: recommendation ?? "", comment });
  const autosave = useAutosave((v: typeof values) => {
    const form = new FormData();
    form.set("recommendation", v.recommendation);
    form.set("comment", v.comment);
    return saveRecommendationAction(interviewId, initialFormState, form);
  });
  const { state, formAction, onSubmit, pending } = useFormAction(submitScorecardAction.bind(null, interviewId));
  const update = (next: Partial<typeof values>, now: boolean) => {
    const merged = { ...values, ...next };
    setValues(merged);
    autosave.change(merged, { now });
  };
  // The submission's refusal speaks for the fields; otherwise a failed draft save does.
  const errors = state.fieldErrors ?? (autosave.status === "failed" ? autosave.result?.fieldErrors : undefined) ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {autosave.status === "failed" && autosave.result?.message && !state.message && <Alert tone="error">{autosave.result.message}</Alert>}
      <ChoiceGroup legend="Your recommendation" hint="Required to submit." errors={errors.recommendation}>
        {SCORE_RECOMMENDATIONS.map(([value, label]) => (
          <label key={value} className={choiceClass}>
            <input
              type="radio"
              name="recommendation"
              value={value}
              checked={values.recommendation === value}
              onChange={() => update({ recommendation: value }, true)}
              className="accent-accent-600"
            />
            {label}
          </label>
        ))}
      </ChoiceGroup>
      <Field label="Comment" hint="Optional. Other reviewers read it once they have submitted theirs." errors={errors.comment}>
        {(p) => (
          <textarea
            {...p}
            name="comment"
            rows={4}
            value={values.comment}
            onChange={(event) => update({ comment: event.target.value }, false)}
            onBlur={() => void autosave.flush()}
            className={controlClass}
          />
        )}
      </Field>
      <p role="status" className={cn("text-sm", autosave.status === "failed" ? "text-danger-700" : "text-ink-600")}>
        {AUTOSAVE_LABELS[autosave.status]}
      </p>
      <SubmitRow state={state} pending={pending} label="Submit scorecard" pendingLabel="Submitting…" />
    </form>
  );
}

/** Unlocks the reviewer's submitted scorecard (refused once the decision is made). */
export function ReopenScorecardForm({ interviewId }: { interviewId: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(reopenScorecardAction.bind(null, interviewId));
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <SubmitRow state={state} pending={pending} label="Reopen my scorecard" pendingLabel="Reopening…" variant="secondary" />
    </form>
  );
}

/** The hiring decision and its comment (recruiters and above). */
export function DecisionForm({ interviewId, decision, comment }: { interviewId: string; decision: Decision | null; comment: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(decideAction.bind(null, interviewId));
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <ChoiceGroup legend="Decision" errors={errors.decision}>
        {DECISIONS.map(([value, label]) => (
          <label key={value} className={choiceClass}>
            <input type="radio" name="decision" value={value} defaultChecked={decision === value} className="accent-accent-600" />
            {label}
          </label>
        ))}
      </ChoiceGroup>
      <Field label="Comment" hint="Optional. Everyone who can see this interview can read it." errors={errors.comment}>
        {(p) => <textarea {...p} name="comment" rows={3} defaultValue={comment} className={controlClass} />}
      </Field>
      <SubmitRow state={state} pending={pending} label="Save decision" />
    </form>
  );
}

/** The submit button and, once saved, the confirmation: a live region that is always there, so it is announced. */
function SubmitRow({ state, pending, label, pendingLabel = "Saving…", variant = "primary" }: { state: FormState; pending: boolean; label: string; pendingLabel?: string; variant?: "primary" | "secondary" }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <p role="status" className="text-sm text-success-700">
        {state.ok && !pending ? state.message : ""}
      </p>
    </div>
  );
}
