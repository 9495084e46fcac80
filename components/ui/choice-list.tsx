import type { ReactNode } from "react";

/** Checkboxes sharing one name, in a fieldset with its legend and the group's error (read out as it appears). */
export function ChoiceList({ name, legend, choices, errors, errorId }: { name: string; legend: ReactNode; choices: Array<{ value: string; label: ReactNode; checked?: boolean }>; errors?: string[]; errorId: string }) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset aria-describedby={invalid ? errorId : undefined} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium text-ink-800">{legend}</legend>
      <ul className="mt-2 space-y-2">
        {choices.map((choice) => (
          <li key={choice.value}>
            <label className="flex items-start gap-2 text-sm text-ink-800">
              <input type="checkbox" name={name} value={choice.value} defaultChecked={choice.checked} className="mt-0.5 accent-accent-600" />
              <span>{choice.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-danger-700 empty:hidden">
        {errors?.join(" ")}
      </p>
    </fieldset>
  );
}
