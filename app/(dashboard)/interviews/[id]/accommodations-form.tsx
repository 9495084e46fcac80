"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { setAccommodationsAction } from "../actions";
import { EXTRA_RETAKES_MAX, EXTRA_TIME_PERCENT_MAX } from "@/lib/limits";

/** Extra time (percent) and extra retakes, saved before the interview starts. */
export function AccommodationsForm({ interviewId, extraTimePercent, extraRetakes }: { interviewId: string; extraTimePercent: number; extraRetakes: number }) {
  const { state, formAction, onSubmit, pending } = useFormAction(setAccommodationsAction.bind(null, interviewId));
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Extra time (%)" hint="0 to 200. 50 turns 2 minutes into 3." errors={errors.extraTimePercent}>
          {(p) => <input {...p} name="extraTimePercent" type="number" inputMode="numeric" min={0} max={EXTRA_TIME_PERCENT_MAX} step={5} defaultValue={extraTimePercent} className={controlClass} />}
        </Field>
        <Field label="Extra retakes" hint="0 to 5, on video and audio answers." errors={errors.extraRetakes}>
          {(p) => <input {...p} name="extraRetakes" type="number" inputMode="numeric" min={0} max={EXTRA_RETAKES_MAX} step={1} defaultValue={extraRetakes} className={controlClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save accommodations"}
        </Button>
        <p className="text-xs text-ink-500">You can change them until the candidate starts.</p>
      </div>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
