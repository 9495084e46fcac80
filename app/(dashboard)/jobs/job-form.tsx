"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { FormState } from "@/lib/form-state";
import { DAYS_TO_COMPLETE, QUESTIONS_MAX } from "@/lib/limits";
import type { JobFormInput } from "./schema";

type Row = {
  key: string;
  id?: string;
  prompt: string;
  answerType: string;
  prepSeconds: string;
  answerSeconds: string;
  retakes: string;
};

const ANSWER_TYPE_OPTIONS = [
  { value: "TEXT", label: "Text" },
  { value: "VIDEO", label: "Video" },
  { value: "AUDIO", label: "Audio" },
];
const MODE_OPTIONS = [
  { value: "SCHEDULED", label: "At a time I pick" },
  { value: "DEADLINE", label: "Any time before a deadline" },
];
const WORKPLACE_OPTIONS = [
  { value: "ONSITE", label: "On-site" },
  { value: "HYBRID", label: "Hybrid" },
  { value: "REMOTE", label: "Remote" },
];

let nextKey = 0;
const newRow = (q?: Partial<JobFormInput["questions"][number]>): Row => ({
  key: `q${nextKey++}`,
  id: q?.id,
  prompt: q?.prompt ?? "",
  answerType: q?.answerType ?? "TEXT",
  prepSeconds: String(q?.prepSeconds ?? 30),
  answerSeconds: String(q?.answerSeconds ?? 120),
  retakes: String(q?.retakes ?? 0),
});

export function JobForm({
  action,
  job,
  submitLabel,
  cancelHref,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  job?: JobFormInput;
  submitLabel: string;
  /** Where Cancel goes (the job's page when editing). */
  cancelHref?: string;
}) {
  const { state, formAction, onSubmit, pending } = useFormAction(action);
  const [rows, setRows] = useState<Row[]>(() => (job?.questions.length ? job.questions.map(newRow) : [newRow()]));
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const errors = state.fieldErrors ?? {};

  const update = (key: string, patch: Partial<Row>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    setRows((all) => {
      const next = [...all];
      [next[index], next[target]] = [next[target]!, next[index]!];
      return next;
    });
    setAnnouncement(`Question moved to position ${target + 1} of ${rows.length}.`);
    // Keep focus on the same control of the moved question so keyboard users can keep moving it.
    requestAnimationFrame(() => {
      const button = list.current?.querySelectorAll<HTMLButtonElement>(`[data-move="${delta}"]`)[target];
      (button && !button.disabled ? button : list.current?.querySelectorAll<HTMLButtonElement>(`[data-move="${-delta}"]`)[target])?.focus();
    });
  };

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-8" noValidate>
      {state.message && <Alert tone={state.ok ? "success" : "error"}>{state.message}</Alert>}

      <section aria-labelledby="job-details" className="space-y-4 rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="job-details" className="text-base font-semibold text-ink-900">
          Details
        </h2>
        <Field label="Title" errors={errors.title}>
          {(p) => <input {...p} name="title" defaultValue={job?.title} className={controlClass} />}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Location" hint="City or region; leave empty for fully remote roles." errors={errors.location}>
            {(p) => <input {...p} name="location" defaultValue={job?.location} className={controlClass} />}
          </Field>
          <Field label="Workplace" errors={errors.workplaceType}>
            {(p) => <Select {...p} name="workplaceType" options={WORKPLACE_OPTIONS} defaultValue={job?.workplaceType ?? "ONSITE"} />}
          </Field>
        </div>
        <Field label="Description" hint="Shown to candidates before they start." errors={errors.description}>
          {(p) => <textarea {...p} name="description" rows={4} defaultValue={job?.description} className={controlClass} />}
        </Field>
      </section>

      <section aria-labelledby="job-interviews" className="space-y-4 rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <div>
          <h2 id="job-interviews" className="text-base font-semibold text-ink-900">
            Interviews
          </h2>
          <p className="text-sm text-ink-600">What the schedule form starts with for this job; you can change it for each interview.</p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Candidates take it" errors={errors.defaultInterviewMode}>
            {(p) => <Select {...p} name="defaultInterviewMode" options={MODE_OPTIONS} defaultValue={job?.defaultInterviewMode ?? "SCHEDULED"} />}
          </Field>
          <Field label="Days to complete" hint="For interviews with a deadline: due at 17:00 their time, this many days after sending." errors={errors.defaultDaysToComplete}>
            {(p) => (
              <input
                {...p}
                name="defaultDaysToComplete"
                type="number"
                inputMode="numeric"
                min={DAYS_TO_COMPLETE.min}
                max={DAYS_TO_COMPLETE.max}
                defaultValue={job?.defaultDaysToComplete ?? DAYS_TO_COMPLETE.default}
                className={controlClass}
              />
            )}
          </Field>
        </div>
      </section>

      <section aria-labelledby="job-questions" className="space-y-4">
        <div className="flex items-end justify-between gap-4">
          <div>
            <h2 id="job-questions" className="text-base font-semibold text-ink-900">
              Interview questions
            </h2>
            <p className="text-sm text-ink-600">Candidates answer them one at a time, in this order.</p>
          </div>
        </div>
        {errors.questions && (
          <p role="alert" className="text-sm text-danger-700">
            {errors.questions.join(" ")}
          </p>
        )}
        <p aria-live="polite" className="sr-only">
          {announcement}
        </p>
        <ol ref={list} className="space-y-4">
          {rows.map((row, i) => (
            <li key={row.key} aria-label={`Question ${i + 1}`} className="rounded-lg bg-white p-5 ring-1 ring-ink-200">
              <input type="hidden" name="question.id" value={row.id ?? ""} />
              <div className="mb-3 flex items-center justify-between gap-2">
                <span className="text-sm font-semibold text-ink-700">Question {i + 1}</span>
                <div className="flex gap-1">
                  <Button variant="ghost" size="sm" data-move={-1} disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move question ${i + 1} up`}>
                    ↑ Up
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    data-move={1}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Move question ${i + 1} down`}
                  >
                    ↓ Down
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={rows.length === 1}
                    onClick={() => {
                      setRows((all) => all.filter((r) => r.key !== row.key));
                      setAnnouncement(`Question ${i + 1} removed.`);
                    }}
                    aria-label={`Remove question ${i + 1}`}
                  >
                    Remove
                  </Button>
                </div>
              </div>
              <div className="space-y-4">
                <Field label="Prompt" errors={errors[`questions.${i}.prompt`]}>
                  {(p) => (
                    <textarea {...p} name="question.prompt" rows={2} value={row.prompt} onChange={(e) => update(row.key, { prompt: e.target.value })} className={controlClass} />
                  )}
                </Field>
                <div className="grid gap-4 sm:grid-cols-4">
                  <Field label="Answer type" errors={errors[`questions.${i}.answerType`]}>
                    {(p) => (
                      <Select {...p} name="question.answerType" options={ANSWER_TYPE_OPTIONS} value={row.answerType} onValueChange={(v) => update(row.key, { answerType: v })} />
                    )}
                  </Field>
                  {(
                    [
                      ["prepSeconds", "Preparation (s)"],
                      ["answerSeconds", "Answer time (s)"],
                      // Retakes are for recorded answers only: a written answer is edited until it is submitted.
                      ...(row.answerType === "TEXT" ? [] : ([["retakes", "Retakes allowed"]] as const)),
                    ] as const
                  ).map(([name, label]) => (
                    <Field key={name} label={label} errors={errors[`questions.${i}.${name}`]}>
                      {(p) => (
                        <input
                          {...p}
                          name={`question.${name}`}
                          type="number"
                          inputMode="numeric"
                          value={row[name]}
                          onChange={(e) => update(row.key, { [name]: e.target.value })}
                          className={controlClass}
                        />
                      )}
                    </Field>
                  ))}
                  {/* Every row sends every column (the server reads them by position): a text answer has no retakes. */}
                  {row.answerType === "TEXT" && <input type="hidden" name="question.retakes" value="0" />}
                </div>
              </div>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          disabled={rows.length >= QUESTIONS_MAX}
          onClick={() => {
            setRows((all) => [...all, newRow()]);
            setAnnouncement(`Question ${rows.length + 1} added.`);
          }}
        >
          + Add question
        </Button>
      </section>

      <div className="flex justify-end gap-3 border-t border-ink-200 pt-6">
        {cancelHref && (
          <Button asChild variant="ghost">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}
