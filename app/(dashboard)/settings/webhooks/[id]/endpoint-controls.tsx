"use client";

import { useState, useTransition } from "react";
import { LocalDate } from "@/components/local-date";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteEndpointAction, redeliverAction, rotateSecretAction, sendTestEventAction, setEndpointEnabledAction } from "../actions";

/** A button that runs an action and says how it went in a live region beside it. */
function ActionButton({ label, busy, done, run, variant = "secondary" }: { label: string; busy: string; done: string; run: () => Promise<string | undefined>; variant?: "secondary" | "primary" | "ghost" }) {
  const [pending, start] = useTransition();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant={variant}
        size="sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const problem = await run();
            setNote(problem ? { ok: false, text: problem } : { ok: true, text: done });
          })
        }
      >
        {pending ? busy : label}
      </Button>
      <span aria-live="polite" className={note?.ok === false ? "text-sm text-danger-700" : "text-sm text-ink-600"}>
        {note?.text}
      </span>
    </span>
  );
}

/** The signing secret, hidden until revealed, with a copy button. */
export function SecretField({ secret, previousUntil }: { secret: string; previousUntil: string | null }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <p className="text-sm font-medium text-ink-800" id="secret-label">
        Signing secret
      </p>
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <code aria-labelledby="secret-label" className="rounded bg-ink-100 px-2 py-1 text-sm break-all text-ink-900">
          {shown ? secret : `whsec_${"•".repeat(24)}`}
        </code>
        <Button variant="secondary" size="sm" aria-pressed={shown} onClick={() => setShown(!shown)}>
          {shown ? "Hide" : "Reveal"}
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          Copy
        </Button>
        <span aria-live="polite" className="text-sm text-ink-600">
          {copied ? "Copied." : ""}
        </span>
      </div>
      {previousUntil && <p className="mt-1 text-xs text-ink-500">The previous secret also signs every message until <LocalDate value={previousUntil} />.</p>}
    </div>
  );
}

export function EndpointActions({ id, enabled }: { id: string; enabled: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ActionButton label="Send test event" busy="Sending…" done="Test event queued: it appears in the log below." run={() => sendTestEventAction(id)} variant="primary" />
      <ActionButton label={enabled ? "Disable" : "Enable"} busy="Saving…" done={enabled ? "Disabled." : "Enabled."} run={() => setEndpointEnabledAction(id, !enabled)} />
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm">
            Rotate secret
          </Button>
        }
        title="Rotate the signing secret?"
        description="A new secret is made. For 24 hours every message is signed with both the old and the new one, so your receiver can switch without missing any."
        confirmLabel="Rotate secret"
        tone="primary"
        onConfirm={() => rotateSecretAction(id)}
      />
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm">
            Delete
          </Button>
        }
        title="Delete this endpoint?"
        description="Kairos stops sending to it at once, and its delivery log is deleted."
        confirmLabel="Delete endpoint"
        onConfirm={() => deleteEndpointAction(id)}
      />
    </div>
  );
}

export function RedeliverButton({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) {
  return <ActionButton label="Redeliver" busy="Queuing…" done="Queued." run={() => redeliverAction(endpointId, deliveryId)} variant="ghost" />;
}
