"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { DUE_HOUR } from "@/lib/interviews/model/window";
import { extendBatchAction } from "./actions";

/** More time for everyone in a batch who has not finished: one date, one email each with a new link. */
export function ExtendBatchForm({ jobId, batchId, count, earliestDate }: { jobId: string; batchId: string; count: number; earliestDate: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(extendBatchAction.bind(null, jobId, batchId));
  const errors = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="batch-extend" className="rounded-lg bg-white p-5 ring-1 ring-ink-200">
      <h2 id="batch-extend" className="text-base font-semibold text-ink-900">
        Extend the deadline
      </h2>
      <p className="mt-1 text-sm text-ink-700">
        {count === 1 ? "1 candidate has" : `${count} candidates have`} not finished. Each gets the new date with a new link; answers they have given are
        kept.
      </p>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 flex flex-wrap items-end gap-4">
        <Field label="New date to complete by" hint={`Due at ${DUE_HOUR}:00 in each candidate's own time zone.`} errors={errors.dueDate} className="w-full max-w-xs">
          {(p) => <input {...p} name="dueDate" type="date" min={earliestDate} defaultValue={earliestDate} className={controlClass} />}
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Extending…" : `Extend ${count === 1 ? "1 interview" : `${count} interviews`}`}
        </Button>
      </form>
      {state.message && (
        <Alert tone={state.ok ? "success" : "error"} className="mt-4">
          {state.message}
        </Alert>
      )}
    </section>
  );
}
