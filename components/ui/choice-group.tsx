"use client";

import { useId, type ReactNode } from "react";

/** A group of radio choices (given as children) with a visible legend, its hint and its error tied to the group. */
export function ChoiceGroup({ legend, hint, errors, children }: { legend: ReactNode; hint?: string; errors?: string[]; children: ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={errors?.length ? true : undefined} className="space-y-2">
      <legend className="text-sm font-medium text-ink-800">{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-ink-500">
          {hint}
        </p>
      )}
      <div className="flex flex-wrap gap-2">{children}</div>
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}
