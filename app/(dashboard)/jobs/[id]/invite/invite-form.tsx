"use client";

import { useEffect, useRef, useState } from "react";
import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { TimeZoneSelect } from "@/components/time-zone-select";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import type { PreviewRow, RowClass } from "@/lib/interviews/recruiter/bulk/preview";
import { dueDateAfter } from "@/lib/interviews/model/window";
import { DURATION_OPTIONS } from "../../../interviews/schema";
import { ModeFields, StartFields, type InterviewModeChoice } from "../../../interviews/timing-fields";
import { confirmInvitationsAction, previewInvitationsAction, searchUninvitedCandidatesAction, type PreviewState } from "./actions";

type Candidate = { id: string; name: string; email: string; timeZone: string };
type JobDefaults = { mode: InterviewModeChoice; daysToComplete: number };

const CLASS_LABELS: Record<RowClass, string> = { new: "New candidate", existing: "Existing candidate", skipped: "Skipped", invalid: "Invalid" };
const CLASS_TONES = { new: "accent", existing: "success", skipped: "warning", invalid: "danger" } as const;

/**
 * The bulk invitation in two steps on one page: choose the people (candidates, a paste, a CSV),
 * then a preview of every row and the confirmation. The first form stays mounted while the
 * preview shows, so "Back" finds the file and the text as they were.
 */
export function InviteForm({
  jobId,
  batchId,
  zones,
  candidates,
  moreCandidates,
  suggestedMinutes,
  defaults,
}: {
  jobId: string;
  batchId: string;
  zones: string[];
  candidates: Candidate[];
  moreCandidates: boolean;
  suggestedMinutes: number;
  /** The job's defaults for how its interviews are taken. */
  defaults: JobDefaults;
}) {
  const preview = useFormAction(previewInvitationsAction.bind(null, jobId) as (prev: PreviewState, form: FormData) => Promise<PreviewState>);
  const state = preview.state as PreviewState;
  // The preview shows until "Back" dismisses this result; the next preview shows again.
  const [dismissed, setDismissed] = useState<PreviewState | null>(null);
  const showing = state.preview && dismissed !== state ? state.preview : null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (showing) heading.current?.focus();
  }, [showing]);
  const errors = state.fieldErrors ?? {};

  return (
    <div className="space-y-6">
      <form action={preview.formAction} onSubmit={preview.onSubmit} noValidate hidden={Boolean(showing)} className="space-y-6 rounded-lg bg-white p-4 ring-1 ring-ink-200 sm:p-6">
        {state.message && !state.ok && <Alert tone="error">{[state.message, ...(errors._form ?? []), ...(errors.jobId ?? [])].filter((m, i, all) => all.indexOf(m) === i).join(" ")}</Alert>}
        <CandidatePicker jobId={jobId} initial={candidates} more={moreCandidates} errors={errors.candidateIds} />
        <Field label="Paste names and emails" hint="One person per line: Name <email> or name, email." errors={errors.pasted}>
          {(p) => <textarea {...p} name="pasted" rows={5} placeholder={"Ada Lovelace <ada@example.com>\nGrace Hopper, grace@example.com"} className={controlClass} />}
        </Field>
        <Field
          label="Or upload a CSV file"
          hint="The first row names the columns: name and email, and optionally time zone, phone and external id, in any order. Up to 5,000 rows."
          errors={errors.file}
        >
          {(p) => <input {...p} name="file" type="file" accept=".csv,text/csv" className="block w-full text-sm text-ink-700 file:mr-3 file:rounded-md file:border-0 file:bg-ink-100 file:px-3 file:py-2 file:text-sm file:font-medium" />}
        </Field>
        <Field label="Time zone for rows without one (optional)" hint="Their emails show times in this zone. Rows without a zone are invalid unless you choose one." errors={errors.defaultTimeZone}>
          {(p) => <TimeZoneSelect {...p} name="defaultTimeZone" zones={zones} />}
        </Field>
        <div className="flex justify-end">
          <Button type="submit" disabled={preview.pending}>
            {preview.pending ? "Reading the list…" : "Preview"}
          </Button>
        </div>
      </form>

      {showing && (
        <PreviewPanel
          jobId={jobId}
          batchId={batchId}
          preview={showing}
          suggestedMinutes={suggestedMinutes}
          defaults={defaults}
          headingRef={heading}
          onBack={() => setDismissed(state)}
        />
      )}
    </div>
  );
}

function CandidatePicker({ jobId, initial, more: initialMore, errors }: { jobId: string; initial: Candidate[]; more: boolean; errors?: string[] }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ query: string; rows: Candidate[]; more: boolean; message?: string } | null>(null);
  // An empty search shows the page's own list; a search shows its answer once it has one.
  const searching = query !== "" && found?.query !== query;
  const results = query === "" ? { rows: initial, more: initialMore, message: undefined } : found?.query === query ? found : { rows: [], more: false, message: undefined };
  const [chosen, setChosen] = useState<Map<string, Candidate>>(new Map());
  useEffect(() => {
    if (query === "") return;
    let current = true;
    // Asks once typing pauses, not on every key.
    const timer = setTimeout(() => {
      void searchUninvitedCandidatesAction(jobId, query).then((answer) => current && setFound({ query, ...answer }));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, jobId]);
  const toggle = (c: Candidate) =>
    setChosen((prev) => {
      const next = new Map(prev);
      if (next.has(c.id)) next.delete(c.id);
      else next.set(c.id, c);
      return next;
    });

  return (
    <fieldset className="space-y-3" aria-describedby={errors?.length ? "picker-error" : undefined}>
      <legend className="text-sm font-semibold text-ink-900">Your candidates not yet invited to this job</legend>
      {[...chosen.values()].map((c) => (
        <input key={c.id} type="hidden" name="candidateId" value={c.id} />
      ))}
      {chosen.size > 0 && (
        <ul aria-label="Chosen candidates" className="flex flex-wrap gap-2">
          {[...chosen.values()].map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => toggle(c)} className="rounded-full bg-accent-50 px-3 py-1 text-sm text-accent-900 ring-1 ring-accent-200 hover:bg-accent-100" aria-label={`Remove ${c.name}`}>
                {c.name} <span aria-hidden>×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="space-y-1.5">
        <label htmlFor="candidate-search" className="block text-sm font-medium text-ink-800">
          Search candidates
        </label>
        <input id="candidate-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name or email" autoComplete="off" className={controlClass} />
      </div>
      <div aria-live="polite" aria-busy={searching} className="max-h-64 overflow-y-auto rounded-md ring-1 ring-ink-200">
        {results.rows.length === 0 ? (
          <p className="px-3 py-3 text-sm text-ink-600">
            {results.message ?? (searching ? "Searching…" : query ? "No candidate not yet invited matches." : "Every candidate has been invited to this job, or you have none yet.")}
          </p>
        ) : (
          <ul className="divide-y divide-ink-100">
            {results.rows.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-start gap-3 px-3 py-2 text-sm hover:bg-ink-50">
                  <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c)} className="mt-0.5 accent-accent-600" />
                  <span className="min-w-0">
                    <span className="block font-medium text-ink-900">{c.name}</span>
                    <span className="block truncate text-ink-600">{c.email}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        {results.more && <p className="border-t border-ink-100 px-3 py-2 text-xs text-ink-500">More candidates match: search to narrow the list.</p>}
      </div>
      {errors?.length ? (
        <p id="picker-error" className="text-sm text-danger-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

function PreviewPanel({
  jobId,
  batchId,
  preview,
  suggestedMinutes,
  defaults,
  headingRef,
  onBack,
}: {
  jobId: string;
  batchId: string;
  preview: NonNullable<PreviewState["preview"]>;
  suggestedMinutes: number;
  defaults: JobDefaults;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onBack: () => void;
}) {
  const confirm = useFormAction(confirmInvitationsAction.bind(null, jobId));
  const errors = confirm.state.fieldErrors ?? {};
  const [start, setStart] = useState<"at" | "now">("now");
  const [zone, setZone] = useState("");
  const [mode, setMode] = useState<InterviewModeChoice>(defaults.mode);
  // Counted in the recruiter's zone; each candidate is then due that day at 17:00 in their own.
  const [pickedDueDate, setPickedDueDate] = useState<string | null>(null);
  const dueDate = pickedDueDate ?? dueDateAfter(new Date(), defaults.daysToComplete, zone || "UTC");
  const { counts, rows } = preview;
  const invitable = counts.new + counts.existing;
  const durations = [...new Set([...DURATION_OPTIONS, suggestedMinutes])].sort((a, b) => a - b);

  return (
    <section className="space-y-4">
      <div>
        <h2 id="preview-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-ink-900 focus:outline-none">
          Preview: {rows.length.toLocaleString("en-US")} {rows.length === 1 ? "row" : "rows"}
        </h2>
        <p className="mt-1 text-sm text-ink-700">
          {counts.new} new {counts.new === 1 ? "candidate" : "candidates"} · {counts.existing} existing · {counts.skipped} skipped · {counts.invalid} invalid. Nothing has been sent yet.
        </p>
      </div>
      <div role="region" aria-labelledby="preview-heading" tabIndex={0} className="max-h-[32rem] overflow-auto rounded-lg bg-white ring-1 ring-ink-200 focus-visible:outline-2 focus-visible:outline-accent-600">
        {/* Wider than a phone: the table scrolls inside its region rather than squeezing addresses letter by letter. */}
        <table className="w-full min-w-[34rem] text-left text-sm">
          <caption className="sr-only">Every row of the list and what confirming does with it</caption>
          <thead className="sticky top-0 bg-ink-50 text-xs text-ink-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                From
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Candidate
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Time zone
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Result
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {rows.map((row, i) => (
              <tr key={i}>
                <td className="px-3 py-2 whitespace-nowrap text-ink-600">{rowSource(row)}</td>
                <td className="px-3 py-2">
                  <span className="block text-ink-900">{row.name || "No name"}</span>
                  <span className="block text-xs break-all text-ink-600">{row.email || "No email"}</span>
                </td>
                <td className="px-3 py-2 text-ink-700">{row.timeZone ? row.timeZone.replaceAll("_", " ") : "—"}</td>
                <td className="px-3 py-2">
                  <Badge tone={CLASS_TONES[row.class]}>{CLASS_LABELS[row.class]}</Badge>
                  {row.reason && <p className="mt-1 min-w-48 text-xs text-ink-600">{row.reason}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <form action={confirm.formAction} onSubmit={confirm.onSubmit} noValidate className="space-y-5 rounded-lg bg-white p-4 ring-1 ring-ink-200 sm:p-6">
        <input type="hidden" name="batchId" value={batchId} />
        <input type="hidden" name="invitees" value={preview.invitees} />
        <BrowserTimeZoneInput onZone={setZone} />
        <ModeFields mode={mode} onMode={setMode} dueDate={dueDate} onDueDate={setPickedDueDate} dueZone={zone || "UTC"} many errors={errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          {mode === "DEADLINE" ? <div /> : <StartFields start={start} onStart={setStart} zone={zone} many errors={errors} />}
          <Field label="Duration" errors={errors.durationMinutes}>
            {(p) => (
              <select {...p} name="durationMinutes" defaultValue={String(suggestedMinutes)} className={controlClass}>
                {durations.map((m) => (
                  <option key={m} value={m}>
                    {m} minutes
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {confirm.state.message && !confirm.state.ok && (
          <Alert tone="error">{[confirm.state.message, ...(errors._form ?? []), ...(errors.invitees ?? []), ...(errors.jobId ?? [])].filter((m, i, all) => all.indexOf(m) === i).join(" ")}</Alert>
        )}
        <div className="flex flex-wrap items-center justify-end gap-3">
          <Button type="button" variant="ghost" onClick={onBack}>
            Back to the list
          </Button>
          <Button type="submit" disabled={confirm.pending || invitable === 0}>
            {confirm.pending ? "Inviting…" : invitable === 0 ? "Nobody to invite" : `Send ${invitable.toLocaleString("en-US")} ${invitable === 1 ? "invitation" : "invitations"}`}
          </Button>
        </div>
      </form>
    </section>
  );
}

function rowSource(row: PreviewRow): string {
  if (row.source === "candidate") return "Chosen";
  return row.source === "csv" ? `CSV row ${row.line}` : `Line ${row.line}`;
}
