"use client";

import { FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "@/components/ui/choice-list";
import { Field, controlClass } from "@/components/ui/field";
import { DUE_HOUR } from "@/lib/interviews/model/window";
import { reopenAnswersAction } from "../actions";

export type ReopenableAnswer = { id: string; number: number; prompt: string; answered: boolean };

/**
 * A completed DEADLINE interview: the recruiter chooses questions for the candidate to answer again
 * and the date to answer them by; the candidate gets one email with a new link. A reopen returns
 * to the page with its notice (the interview is in progress then, and this dialog gone).
 */
export function ReopenDialog({ id, candidateName, answers, defaultDate, minDate, timeZone }: { id: string; candidateName: string; answers: ReopenableAnswer[]; defaultDate: string; minDate: string; timeZone: string }) {
  return (
    <FormDialog
      trigger={<Button variant="secondary">Reopen questions</Button>}
      title="Reopen questions"
      description={`${candidateName} answers the questions you choose again, by the date you set, and gets an email with a new link. Their current answers to those questions, with recordings, ratings and notes, are deleted; the other answers stay.`}
      action={reopenAnswersAction.bind(null, id)}
      cancelLabel="Keep answers"
      submitLabel="Reopen and email"
      pendingLabel="Reopening…"
      wide
    >
      {(errors) => (
        <>
          <ChoiceList
            name="answerId"
            legend="Questions to answer again"
            errorId={`reopen-${id}-error`}
            errors={errors.answerIds}
            choices={answers.map((answer) => ({
              value: answer.id,
              label: (
                <>
                  <span className="font-medium">Question {answer.number}:</span> {answer.prompt}
                  {!answer.answered && <span className="text-ink-500"> (not answered)</span>}
                </>
              ),
            }))}
          />
          <Field label="Complete by" hint={`Due at ${DUE_HOUR}:00 their time (${timeZone.replaceAll("_", " ")}).`} errors={errors.dueDate}>
            {(p) => <input {...p} name="dueDate" type="date" min={minDate} defaultValue={defaultDate} className={controlClass} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}
