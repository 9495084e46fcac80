"use client";

import { Dialog } from "radix-ui";
import { useEffect, useRef, useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "@/components/ui/choice-list";
import { Field, controlClass } from "@/components/ui/field";
import { API_SCOPE_LABELS, API_SCOPES } from "@/lib/api/scopes";
import { API_KEY_EXPIRY_DAYS } from "@/lib/limits";
import { createApiKeyAction, type ApiKeyFormState } from "./actions";

/**
 * Creates an API key: a name, its scopes (none ticked: a key gets only what its integration needs)
 * and how long it works. Once created, the dialog shows the key — the only time it is ever shown —
 * with a Copy button. Closing the dialog drops it from the page's memory too (the body unmounts).
 */
export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button>Create API key</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-ink-900">Create API key</Dialog.Title>
          <CreateApiKeyBody />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function CreateApiKeyBody() {
  const { state, formAction, onSubmit, pending } = useFormAction(createApiKeyAction);
  const created = state as ApiKeyFormState;
  if (created.ok && created.key) return <CreatedKey apiKey={created.key} />;
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <Dialog.Description className="mt-1 text-sm text-ink-600">
        An integration (your ATS, a script) sends the key as <code className="font-mono text-xs whitespace-nowrap">Authorization: Bearer …</code> and acts as you, with only
        the scopes you tick. It stops working when you revoke it, when it expires, or if you leave the organisation or stop being an owner or admin.
      </Dialog.Description>
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
        {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
        <Field label="Name" hint="What uses it, so you can tell keys apart later." errors={errors.name}>
          {(p) => <input {...p} name="name" autoComplete="off" className={controlClass} />}
        </Field>
        <ChoiceList
          name="scope"
          legend="Scopes"
          errorId="api-key-scopes-error"
          errors={errors.scopes}
          choices={API_SCOPES.map((scope) => ({
            value: scope,
            label: (
              <>
                <code className="font-mono text-xs font-medium text-ink-900">{scope}</code> <span className="text-ink-600">· {API_SCOPE_LABELS[scope]}</span>
              </>
            ),
          }))}
        />
        <Field label="Expires" hint="A key that never expires works until someone revokes it." errors={errors.expiresInDays}>
          {(p) => (
            <select {...p} name="expiresInDays" defaultValue={String(API_KEY_EXPIRY_DAYS.default)} className={controlClass}>
              {API_KEY_EXPIRY_DAYS.choices.map((days) => (
                <option key={days} value={days}>
                  In {days} days
                </option>
              ))}
              <option value="never">Never</option>
            </select>
          )}
        </Field>
        <div className="flex justify-end gap-3">
          <Dialog.Close asChild>
            <Button variant="secondary">Cancel</Button>
          </Dialog.Close>
          <Button type="submit" disabled={pending}>
            {pending ? "Creating…" : "Create key"}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The new key, shown this once: Kairos keeps only its SHA-256 and cannot show it again. */
function CreatedKey({ apiKey }: { apiKey: string }) {
  const [copied, setCopied] = useState<"" | "copied" | "failed">("");
  const input = useRef<HTMLInputElement>(null);
  // The form that had focus is gone: keyboard users land on the key (selected, ready to copy).
  useEffect(() => input.current?.focus(), []);
  const copy = () =>
    navigator.clipboard.writeText(apiKey).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  return (
    <>
      <Dialog.Description className="mt-1 text-sm text-ink-600">Copy the key now and store it where your integration keeps its secrets.</Dialog.Description>
      <Alert className="mt-4">
        You won’t see this key again: Kairos keeps no copy of it. If you lose it, revoke it and create another.
      </Alert>
      <div className="mt-4 space-y-3">
        <Field label="API key">
          {(p) => <input {...p} ref={input} readOnly value={apiKey} onFocus={(event) => event.currentTarget.select()} className={`${controlClass} font-mono text-xs`} />}
        </Field>
        <div className="flex flex-wrap items-center justify-end gap-3">
          <p role="status" className="text-sm text-ink-600">
            {copied === "copied" ? "Copied." : copied === "failed" ? "Copying failed: select the key and copy it yourself." : ""}
          </p>
          <Button variant="secondary" onClick={() => void copy()}>
            Copy key
          </Button>
          <Dialog.Close asChild>
            <Button>Done</Button>
          </Dialog.Close>
        </div>
      </div>
    </>
  );
}
