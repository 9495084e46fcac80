"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { scheduleInterviewAction } from "../actions";
import { DURATION_OPTIONS } from "../schema";

type Job = { id: string; title: string; suggestedMinutes: number };
type Candidate = { id: string; name: string; email: string; timeZone: string };

export function ScheduleForm({
  jobs,
  candidates,
  zones,
  requestToken,
  defaultCandidateId,
}: {
  jobs: Job[];
  candidates: Candidate[];
  zones: string[];
  requestToken: string;
  defaultCandidateId?: string;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(scheduleInterviewAction);
  const errors = state.fieldErrors ?? {};
  const [mode, setMode] = useState<"existing" | "new">(candidates.length ? "existing" : "new");
  const [duration, setDuration] = useState(String(jobs[0]?.suggestedMinutes ?? 30));
  const [zone, setZone] = useState("");
  const startInput = useRef<HTMLInputElement>(null);
  const durations = [...new Set([...DURATION_OPTIONS, Number(duration)])].sort((a, b) => a - b);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="requestToken" value={requestToken} />
      <BrowserTimeZoneInput onZone={setZone} />

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-ink-900">Candidate</legend>
        <div className="flex gap-6 text-sm">
          {(["existing", "new"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="candidateMode" value={value} checked={mode === value} onChange={() => setMode(value)} className="accent-accent-600" />
              {value === "existing" ? "Existing candidate" : "New candidate"}
            </label>
          ))}
        </div>
        {mode === "existing" ? (
          <Field label="Candidate" errors={errors.candidateId}>
            {(p) => (
              <select {...p} name="candidateId" defaultValue={defaultCandidateId ?? ""} className={controlClass}>
                <option value="" disabled>
                  Choose a candidate…
                </option>
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} — {c.email}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <div className="grid gap-4 sm:grid-cols-3">
            <Field label="Name" errors={errors.newCandidateName}>
              {(p) => <input {...p} name="newCandidateName" autoComplete="off" className={controlClass} />}
            </Field>
            <Field label="Email" errors={errors.newCandidateEmail}>
              {(p) => <input {...p} name="newCandidateEmail" type="email" autoComplete="off" className={controlClass} />}
            </Field>
            <Field label="Their time zone" errors={errors.newCandidateTimeZone}>
              {(p) => <TimeZoneSelect {...p} name="newCandidateTimeZone" zones={zones} />}
            </Field>
          </div>
        )}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Job" errors={errors.jobId}>
          {(p) => (
            <Select
              {...p}
              name="jobId"
              defaultValue={jobs[0]?.id}
              options={jobs.map((j) => ({ value: j.id, label: j.title }))}
              onValueChange={(id) => setDuration(String(jobs.find((j) => j.id === id)?.suggestedMinutes ?? duration))}
            />
          )}
        </Field>
        <Field
          label="Date and time"
          hint={`In your time zone${zone ? ` (${zone.replaceAll("_", " ")})` : ""}. Leave empty to start in one hour; "Now" opens the link straight away.`}
          errors={errors.scheduledAtLocal ?? errors.scheduledAt}
        >
          {(p) => (
            <div className="flex gap-2">
              <input {...p} ref={startInput} name="scheduledAtLocal" type="datetime-local" className={controlClass} />
              <Button
                variant="secondary"
                onClick={() => {
                  // The current minute in the browser's zone: the link opens straight away.
                  const at = new Date();
                  const pad = (n: number) => String(n).padStart(2, "0");
                  if (startInput.current) {
                    startInput.current.value = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
                  }
                }}
              >
                Now
              </Button>
            </div>
          )}
        </Field>
        <Field label="Duration" errors={errors.durationMinutes}>
          {(p) => (
            <Select {...p} name="durationMinutes" value={duration} onValueChange={setDuration} options={durations.map((m) => ({ value: String(m), label: `${m} minutes` }))} />
          )}
        </Field>
      </div>

      <Field label="Notes for your team (optional)" errors={errors.notes}>
        {(p) => <textarea {...p} name="notes" rows={3} className={controlClass} />}
      </Field>

      <div className="flex items-center justify-end gap-3">
        <Button asChild variant="ghost">
          <Link href="/interviews">Cancel</Link>
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Scheduling…" : "Schedule and send invitation"}
        </Button>
      </div>
    </form>
  );
}
