"use client";

import { TimeZoneSelect } from "@/components/time-zone-select";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import type { FormState } from "@/lib/form-state";
import type { CandidateFormInput } from "./schema";

export function CandidateForm({
  action,
  candidate,
  zones,
  submitLabel,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  candidate?: CandidateFormInput;
  zones: string[];
  submitLabel: string;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" errors={errors.name}>
          {(p) => <input {...p} name="name" autoComplete="off" defaultValue={candidate?.name} className={controlClass} />}
        </Field>
        <Field label="Email" errors={errors.email}>
          {(p) => <input {...p} name="email" type="email" autoComplete="off" defaultValue={candidate?.email} className={controlClass} />}
        </Field>
        <Field label="Phone (optional)" errors={errors.phone}>
          {(p) => <input {...p} name="phone" type="tel" autoComplete="off" defaultValue={candidate?.phone ?? ""} className={controlClass} />}
        </Field>
        <Field label="Time zone" hint="Interview times in emails are shown in this zone." errors={errors.timeZone}>
          {(p) => <TimeZoneSelect {...p} name="timeZone" zones={zones} defaultValue={candidate?.timeZone} />}
        </Field>
      </div>
      <Field label="Notes" hint="Only your team sees these." errors={errors.notes}>
        {(p) => <textarea {...p} name="notes" rows={4} defaultValue={candidate?.notes} className={controlClass} />}
      </Field>
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
