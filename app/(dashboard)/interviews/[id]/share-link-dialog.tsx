"use client";

import { Dialog } from "radix-ui";
import { useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "@/components/ui/choice-list";
import { Field, controlClass } from "@/components/ui/field";
import { createShareLinkAction, type ShareLinkFormState } from "../actions";

export type ShareableAnswer = { id: string; number: number; prompt: string };

/**
 * Creates a share link for a hiring manager without an account: which questions (all by default),
 * how long it works, blind or not. Once created, the dialog shows the link — the only time it is
 * ever shown — with a Copy button. Each opening starts a fresh form (its body remounts).
 */
export function ShareLinkDialog({ interviewId, answers, dayChoices, defaultDays }: { interviewId: string; answers: ShareableAnswer[]; dayChoices: readonly number[]; defaultDays: number }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">Share</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-ink-900">Share with someone outside Kairos</Dialog.Title>
          <ShareLinkBody interviewId={interviewId} answers={answers} dayChoices={dayChoices} defaultDays={defaultDays} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function ShareLinkBody({ interviewId, answers, dayChoices, defaultDays }: { interviewId: string; answers: ShareableAnswer[]; dayChoices: readonly number[]; defaultDays: number }) {
  const { state, formAction, onSubmit, pending } = useFormAction(createShareLinkAction.bind(null, interviewId));
  const created = state as ShareLinkFormState;
  if (created.ok && created.url) return <CreatedLink url={created.url} />;
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <Dialog.Description className="mt-1 text-sm text-ink-600">
        Anyone with the link sees the answers you choose and can leave a scorecard with their name, until it expires or you revoke it.
        Contact details are never shown. You are emailed when it is first opened.
      </Dialog.Description>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
        <ChoiceList
          name="answerId"
          legend="Questions to share"
          errorId={`share-${interviewId}-answers-error`}
          errors={errors.answerIds}
          choices={answers.map((a) => ({
            value: a.id,
            checked: true,
            label: (
              <>
                <span className="font-medium">Question {a.number}</span> <span className="text-ink-600">· {a.prompt}</span>
              </>
            ),
          }))}
        />
        <Field label="Link works for" errors={errors.days}>
          {(p) => (
            <select {...p} name="days" defaultValue={String(defaultDays)} className={controlClass}>
              {dayChoices.map((days) => (
                <option key={days} value={days}>
                  {days === 1 ? "1 day" : `${days} days`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="flex items-start gap-2 text-sm text-ink-800">
          <input type="checkbox" name="blind" className="mt-0.5 accent-accent-600" />
          <span>
            <span className="font-medium">Blind review</span>
            <span className="block text-ink-600">The candidate is shown by their initials only; their name appears nowhere on the page.</span>
          </span>
        </label>
        <div className="flex justify-end gap-3">
          <Dialog.Close asChild>
            <Button variant="secondary">Cancel</Button>
          </Dialog.Close>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create link"}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The new link, shown this once: Kairos keeps only a fingerprint of it and cannot show it again. */
function CreatedLink({ url }: { url: string }) {
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  return (
    <>
      <Dialog.Description className="mt-1 text-sm text-ink-600">
        Copy the link now and send it to the person you are sharing with. It is shown only this once: Kairos keeps no copy of it. If you
        lose it, revoke it and create another.
      </Dialog.Description>
      <div className="mt-4 space-y-3">
        <Field label="Share link">{(p) => <input {...p} readOnly value={url} onFocus={(event) => event.currentTarget.select()} className={`${controlClass} font-mono text-xs`} />}</Field>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p role="status" className="text-sm text-ink-600">
            {copied === "copied" ? "Copied." : copied === "failed" ? "Copying failed: select the link and copy it yourself." : ""}
          </p>
          <Button variant="secondary" onClick={() => void copy()}>
            Copy link
          </Button>
          <Dialog.Close asChild>
            <Button>Done</Button>
          </Dialog.Close>
        </div>
      </div>
    </>
  );
}
