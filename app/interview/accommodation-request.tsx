"use client";

import { useEffect, useId, useRef, useState } from "react";
import { LocalDate } from "@/components/local-date";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { requestAccommodationAction } from "./request-actions";

const MAX_CHARACTERS = 2000;

/**
 * For the lobby: "Need an accommodation?" opens a short form whose message goes to the recruiter
 * by email. `requestedAt` (ISO), when given, says an earlier request was sent.
 */
export function AccommodationRequest({ companyName, requestedAt = null }: { companyName: string; requestedAt?: string | null }) {
  const [open, setOpen] = useState(false);
  const [length, setLength] = useState(0);
  const panelId = useId();
  const form = useRef<HTMLFormElement>(null);
  const { state, formAction, onSubmit, pending } = useFormAction(requestAccommodationAction);
  useEffect(() => {
    if (!state.ok) return;
    form.current?.reset();
    setLength(0);
  }, [state]);

  return (
    <section aria-labelledby={`${panelId}-title`} className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
      <h2 id={`${panelId}-title`} className="text-lg font-semibold text-ink-900">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
          className="flex w-full items-center justify-between gap-4 rounded-md text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
        >
          Need an accommodation?
          <span aria-hidden="true" className={`text-ink-500 transition-transform ${open ? "rotate-180" : ""}`}>
            ▾
          </span>
        </button>
      </h2>
      <div id={panelId} hidden={!open} className="mt-3 space-y-4">
        <p className="text-sm text-ink-700">
          If something would help you take this interview — more time to read and answer, more attempts at recorded answers, or anything
          else — tell {companyName}. The recruiter gets your message by email and can adjust the interview or offer you another time.
          Changes can only be made before you start.
        </p>
        {requestedAt && !state.ok && (
          <p className="text-sm text-ink-700">
            You sent a request on <LocalDate value={requestedAt} />.
          </p>
        )}
        <form ref={form} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
          <Field
            label="What would help you?"
            hint={`${length.toLocaleString("en-US")} of ${MAX_CHARACTERS.toLocaleString("en-US")} characters. Only the hiring team at ${companyName} reads it.`}
            errors={state.fieldErrors?.message}
          >
            {(p) => (
              <textarea {...p} name="message" rows={4} maxLength={MAX_CHARACTERS} onChange={(e) => setLength(e.target.value.length)} className={controlClass} />
            )}
          </Field>
          <Button type="submit" variant="secondary" disabled={pending}>
            {pending ? "Sending…" : "Send to the recruiter"}
          </Button>
          {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}
        </form>
      </div>
    </section>
  );
}
