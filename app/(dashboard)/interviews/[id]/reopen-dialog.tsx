"use client";

import { Dialog } from "radix-ui";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { DUE_HOUR } from "@/lib/interviews/model/window";
import { reopenAnswersAction } from "../actions";

export type ReopenableAnswer = { id: string; number: number; prompt: string; answered: boolean };

/**
 * A completed DEADLINE interview: the recruiter chooses questions for the candidate to answer again
 * and the date to answer them by; the candidate gets one email with a new link.
 */
export function ReopenDialog({ id, candidateName, answers, defaultDate, minDate, timeZone }: { id: string; candidateName: string; answers: ReopenableAnswer[]; defaultDate: string; minDate: string; timeZone: string }) {
  // A reopen returns to this page with its notice (the interview is in progress then, and this
  // dialog gone): only a refusal comes back here.
  const { state, formAction, onSubmit, pending } = useFormAction(reopenAnswersAction.bind(null, id));
  const errors = state.fieldErrors ?? {};
  const questionErrors = errors.answerIds ?? [];
  return (
    <Dialog.Root>
      <Dialog.Trigger asChild>
        <Button variant="secondary">Reopen questions</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100vh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-ink-900">Reopen questions</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-ink-600">
            {candidateName} answers the questions you choose again, by the date you set, and gets an email with a new link. Their current answers to
            those questions, with recordings, ratings and notes, are deleted; the other answers stay.
          </Dialog.Description>
          <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
            {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
            <fieldset aria-describedby={questionErrors.length ? `reopen-${id}-error` : undefined} aria-invalid={questionErrors.length ? true : undefined}>
              <legend className="text-sm font-medium text-ink-800">Questions to answer again</legend>
              <ul className="mt-2 space-y-2">
                {answers.map((answer) => (
                  <li key={answer.id}>
                    <label className="flex items-start gap-2 text-sm text-ink-800">
                      <input type="checkbox" name="answerId" value={answer.id} className="mt-0.5 accent-accent-600" />
                      <span>
                        <span className="font-medium">Question {answer.number}:</span> {answer.prompt}
                        {!answer.answered && <span className="text-ink-500"> (not answered)</span>}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
              <p id={`reopen-${id}-error`} aria-live="polite" className="mt-1 text-sm text-danger-700 empty:hidden">
                {questionErrors.join(" ")}
              </p>
            </fieldset>
            <Field label="Complete by" hint={`Due at ${DUE_HOUR}:00 their time (${timeZone.replaceAll("_", " ")}).`} errors={errors.dueDate}>
              {(p) => <input {...p} name="dueDate" type="date" min={minDate} defaultValue={defaultDate} className={controlClass} />}
            </Field>
            <div className="flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary">Keep answers</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>
                {pending ? "Reopening…" : "Reopen and email"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
