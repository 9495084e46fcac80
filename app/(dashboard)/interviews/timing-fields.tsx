"use client";

import { Field, controlClass } from "@/components/ui/field";
import { DUE_HOUR, dateInZone, dueDateAfter } from "@/lib/interviews/model/window";
import { DAYS_TO_COMPLETE } from "@/lib/limits";

// When an interview (or a batch of them) is taken, as the schedule form and the bulk invitation
// both ask it: at a time (with its start) or any time before a deadline (with its date).

export type InterviewModeChoice = "SCHEDULED" | "DEADLINE";
type Errors = Partial<Record<string, string[]>>;
const zoneLabel = (zone: string) => zone.replaceAll("_", " ");

/** "At a time" or "Any time before a deadline", and for a deadline the date, named `dueDate`. */
export function ModeFields({
  mode,
  onMode,
  dueDate,
  onDueDate,
  dueZone,
  many,
  errors,
}: {
  mode: InterviewModeChoice;
  onMode: (mode: InterviewModeChoice) => void;
  dueDate: string;
  onDueDate: (date: string) => void;
  /** The zone the date is counted in: the candidate's, or for many candidates the recruiter's. */
  dueZone: string;
  /** Many candidates, each due at DUE_HOUR in their own zone. */
  many?: boolean;
  errors: Errors;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-ink-900">How they take it</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {(
          [
            ["SCHEDULED", "At a time"],
            ["DEADLINE", "Any time before a deadline"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="interviewMode" value={value} checked={mode === value} onChange={() => onMode(value)} className="accent-accent-600" />
            {label}
          </label>
        ))}
      </div>
      {mode === "DEADLINE" && (
        <Field
          label="Complete by"
          hint={`Due at ${DUE_HOUR}:00 ${many ? "in each candidate's own time zone" : `their time (${zoneLabel(dueZone)})`}. The ${many ? "links work" : "link works"} as soon as the ${many ? "invitations are" : "invitation is"} sent, and they can pause between questions.`}
          errors={errors.dueDate}
          className="max-w-xs"
        >
          {(p) => (
            <input
              {...p}
              name="dueDate"
              type="date"
              value={dueDate}
              min={dateInZone(new Date(), dueZone)}
              max={dueDateAfter(new Date(), DAYS_TO_COMPLETE.max, dueZone)}
              onChange={(e) => onDueDate(e.target.value)}
              className={controlClass}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** For an interview at a time: now, or a date and time in the recruiter's zone (`startMode`, `scheduledAtLocal`). */
export function StartFields({
  start,
  onStart,
  zone,
  many,
  errors,
}: {
  start: "at" | "now";
  onStart: (start: "at" | "now") => void;
  zone: string;
  many?: boolean;
  errors: Errors;
}) {
  const options = many
    ? ([
        ["now", "Now"],
        ["at", "Pick a time"],
      ] as const)
    : ([
        ["at", "Pick a time"],
        ["now", "Now"],
      ] as const);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-ink-900">Start</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        {options.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="startMode" value={value} checked={start === value} onChange={() => onStart(value)} className="accent-accent-600" />
            {label}
          </label>
        ))}
      </div>
      {start === "at" ? (
        <Field
          label="Date and time"
          hint={`In your time zone${zone ? ` (${zoneLabel(zone)})` : ""}. ${many ? "Links open" : "The link opens"} 15 minutes before.`}
          errors={errors.scheduledAtLocal ?? errors.scheduledAt}
          className="max-w-xs"
        >
          {(p) => <input {...p} name="scheduledAtLocal" type="datetime-local" className={controlClass} />}
        </Field>
      ) : (
        <p className="text-sm text-ink-600">
          {many
            ? "The invitations go out at once and their links open straight away; each candidate has 15 minutes to start."
            : "The invitation goes out at once and its link opens straight away; the candidate has 15 minutes to start."}
        </p>
      )}
    </fieldset>
  );
}
