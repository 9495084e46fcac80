"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { createEndpointAction } from "../actions";

/** Registers an endpoint: URL, description, and the events it hears (checkboxes in a fieldset). */
export function EndpointForm({ events }: { events: readonly string[] }) {
  const { state, formAction, onSubmit, pending } = useFormAction(createEndpointAction);
  const eventErrors = state.fieldErrors?.events;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <Field label="Endpoint URL" hint="Where Kairos POSTs signed events, e.g. https://ats.example.com/hooks/kairos." errors={state.fieldErrors?.url}>
        {(p) => <input {...p} name="url" type="url" inputMode="url" autoComplete="off" placeholder="https://" className={controlClass} />}
      </Field>
      <Field label="Description (optional)" errors={state.fieldErrors?.description}>
        {(p) => <input {...p} name="description" type="text" maxLength={200} className={controlClass} />}
      </Field>
      <fieldset aria-describedby={eventErrors?.length ? "events-error" : undefined} aria-invalid={eventErrors?.length ? true : undefined}>
        <legend className="text-sm font-medium text-ink-800">Events</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {events.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-ink-800">
              <input type="checkbox" name="events" value={type} defaultChecked className="h-4 w-4 rounded border-ink-300" />
              <code>{type}</code>
            </label>
          ))}
        </div>
        {eventErrors?.length ? (
          <p id="events-error" className="mt-1 text-sm text-danger-700" aria-live="polite">
            {eventErrors[0]}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add endpoint"}
      </Button>
    </form>
  );
}
