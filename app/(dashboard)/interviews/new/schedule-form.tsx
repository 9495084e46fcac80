"use client";

import Link from "next/link";
import { useState } from "react";
import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { DAYS_TO_COMPLETE } from "@/lib/limits";
import { dueDateAfter } from "@/lib/interviews/model/window";
import { isValidTimeZone, zoneFromPickerText } from "@/lib/time-zones";
import { scheduleInterviewAction } from "../actions";
import { DURATION_OPTIONS } from "../schema";
import { ModeFields, StartFields, type InterviewModeChoice } from "../timing-fields";

type Job = { id: string; title: string; suggestedMinutes: number; defaultInterviewMode: InterviewModeChoice; defaultDaysToComplete: number };
type Candidate = { id: string; name: string; email: string; timeZone: string };

export function ScheduleForm({
  jobs,
  candidates,
  zones,
  requestToken,
  defaultCandidateId,
  defaultJobId,
}: {
  jobs: Job[];
  candidates: Candidate[];
  zones: string[];
  requestToken: string;
  defaultCandidateId?: string;
  /** Chosen only when coming from the job's own page; otherwise the recruiter chooses. */
  defaultJobId?: string;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(scheduleInterviewAction);
  const errors = state.fieldErrors ?? {};
  const [mode, setMode] = useState<"existing" | "new">(candidates.length ? "existing" : "new");
  const [duration, setDuration] = useState(String(jobs.find((j) => j.id === defaultJobId)?.suggestedMinutes ?? 30));
  const [zone, setZone] = useState("");
  const [start, setStart] = useState<"at" | "now">("at");
  const durations = [...new Set([...DURATION_OPTIONS, Number(duration)])].sort((a, b) => a - b);
  const defaultJob = jobs.find((j) => j.id === defaultJobId);
  const [interviewMode, setInterviewMode] = useState<InterviewModeChoice>(defaultJob?.defaultInterviewMode ?? "SCHEDULED");
  const [days, setDays] = useState(defaultJob?.defaultDaysToComplete ?? DAYS_TO_COMPLETE.default);
  // The due date is the candidate's: counted in their zone (the recruiter's until one is known).
  const [candidateId, setCandidateId] = useState(defaultCandidateId ?? "");
  const [newCandidateZone, setNewCandidateZone] = useState("");
  const chosenZone = mode === "existing" ? candidates.find((c) => c.id === candidateId)?.timeZone : newCandidateZone;
  const dueZone = chosenZone || zone || "UTC";
  const [pickedDueDate, setPickedDueDate] = useState<string | null>(null);
  const dueDate = pickedDueDate ?? dueDateAfter(new Date(), days, dueZone);
  const deadline = interviewMode === "DEADLINE";

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg bg-white p-6 ring-1 ring-ink-200">
      {state.message && !state.existingId && <Alert tone="error">{state.message}</Alert>}
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
              <select {...p} name="candidateId" value={candidateId} onChange={(e) => setCandidateId(e.target.value)} className={controlClass}>
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
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" errors={errors.newCandidateName}>
              {(p) => <input {...p} name="newCandidateName" autoComplete="off" className={controlClass} />}
            </Field>
            <Field label="Email" errors={errors.newCandidateEmail}>
              {(p) => <input {...p} name="newCandidateEmail" type="email" autoComplete="off" className={controlClass} />}
            </Field>
            <Field label="Their time zone" hint="Their invitation and reminders show times in this zone." errors={errors.newCandidateTimeZone} className="sm:col-span-2">
              {(p) => (
                <TimeZoneSelect
                  {...p}
                  name="newCandidateTimeZone"
                  zones={zones}
                  onInput={(e) => {
                    const typed = zoneFromPickerText(e.currentTarget.value);
                    setNewCandidateZone(isValidTimeZone(typed) ? typed : "");
                  }}
                />
              )}
            </Field>
          </div>
        )}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Job" errors={errors.jobId}>
          {(p) => (
            <Select
              {...p}
              name="jobId"
              placeholder="Choose a job…"
              defaultValue={defaultJobId}
              options={jobs.map((j) => ({ value: j.id, label: j.title }))}
              onValueChange={(id) => {
                const job = jobs.find((j) => j.id === id);
                setDuration(String(job?.suggestedMinutes ?? duration));
                // The job's own defaults, unless the recruiter has already chosen for this interview.
                if (job) {
                  setInterviewMode(job.defaultInterviewMode);
                  setDays(job.defaultDaysToComplete);
                }
              }}
            />
          )}
        </Field>
        <Field label="Duration" errors={errors.durationMinutes}>
          {(p) => (
            <Select {...p} name="durationMinutes" value={duration} onValueChange={setDuration} options={durations.map((m) => ({ value: String(m), label: `${m} minutes` }))} />
          )}
        </Field>
      </div>

      <ModeFields mode={interviewMode} onMode={setInterviewMode} dueDate={dueDate} onDueDate={setPickedDueDate} dueZone={dueZone} errors={errors} />
      {!deadline && <StartFields start={start} onStart={setStart} zone={zone} errors={errors} />}

      <Field label="Notes for your team (optional)" errors={errors.notes}>
        {(p) => <textarea {...p} name="notes" rows={3} className={controlClass} />}
      </Field>

      {state.existingId && (
        // Beside the button that was pressed: the open interview is where this goes on.
        <Alert tone="error">
          {state.message}{" "}
          <Link href={`/interviews/${state.existingId}`} className="font-medium underline">
            Open it
          </Link>
        </Alert>
      )}

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
