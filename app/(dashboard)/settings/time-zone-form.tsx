"use client";

import { TimeZoneSelect } from "@/components/time-zone-select";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { setTimeZoneAction } from "./actions";

/** The recruiter's own time zone, for the emails they get; unset, the select starts at the browser's. */
export function TimeZoneForm({ timeZone, zones }: { timeZone: string | null; zones: string[] }) {
  const { state, formAction, onSubmit, pending } = useFormAction(setTimeZoneAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="time-zone-heading">
      <h3 id="time-zone-heading" className="text-sm font-semibold text-ink-900">
        Your time zone
      </h3>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Field
        label="Time zone"
        hint={
          timeZone
            ? "Emails to you (an interview was completed, a candidate asks for a new time…) show times in this zone."
            : "Not saved yet: emails to you show times in UTC. The list starts at your browser's zone; save it to use it."
        }
        errors={state.fieldErrors?.timeZone}
        className="max-w-sm"
      >
        {(p) => <TimeZoneSelect {...p} name="timeZone" zones={zones} defaultValue={timeZone ?? undefined} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </Button>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
