"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { setRetentionAction } from "./actions";
import { RETENTION_DAYS } from "@/lib/limits";

export function RetentionForm({ retentionDays }: { retentionDays: number }) {
  const { state, formAction, onSubmit, pending } = useFormAction(setRetentionAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Field
        label="Keep answers and recordings for (days)"
        hint="30 to 730. Shortening it deletes older interviews' answers at the next clean-up, within minutes."
        errors={state.fieldErrors?.retentionDays}
        className="max-w-sm"
      >
        {(p) => <input {...p} name="retentionDays" type="number" inputMode="numeric" min={RETENTION_DAYS.min} max={RETENTION_DAYS.max} defaultValue={retentionDays} className={controlClass} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
