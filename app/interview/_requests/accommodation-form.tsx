"use client";

import { useEffect, useRef, useState } from "react";
import { LocalDate } from "@/components/local-date";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { requestAccommodationAction } from "../request-actions";
import { ACCOMMODATION_MESSAGE_MAX } from "@/lib/limits";


/**
 * The accommodation request's form, loaded by accommodation-request.tsx when the candidate opens
 * it. `requestedAt` (ISO), when given, says an earlier request was sent.
 */
export function AccommodationForm({ companyName, requestedAt }: { companyName: string; requestedAt: string | null }) {
  const [length, setLength] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const { state, formAction, onSubmit, pending } = useFormAction(requestAccommodationAction);
  // A request sent empties the field: the count goes back to 0 in the render that shows the
  // answer (state adjusted while rendering, once per answer), and the effect clears the DOM field.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.ok) setLength(0);
  }
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);

  return (
    <>
      {requestedAt && !state.ok && (
        <p className="text-sm text-ink-700">
          You sent a request on <LocalDate value={requestedAt} />.
        </p>
      )}
      <form ref={form} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
        <Field
          label="What would help you?"
          hint={`${length.toLocaleString("en-US")} of ${ACCOMMODATION_MESSAGE_MAX.toLocaleString("en-US")} characters. Only the hiring team at ${companyName} reads it.`}
          errors={state.fieldErrors?.message}
        >
          {(p) => (
            <textarea {...p} name="message" rows={4} maxLength={ACCOMMODATION_MESSAGE_MAX} onChange={(e) => setLength(e.target.value.length)} className={controlClass} />
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Sending…" : "Send to the recruiter"}
        </Button>
        {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
      </form>
    </>
  );
}
