"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { setTranscriptionAction } from "./actions";

/**
 * The organisation's transcription switch. It is a submit button (role "switch") in a form whose
 * hidden field holds the state to change to, so it works without JavaScript too.
 */
export function TranscriptionForm({ enabled }: { enabled: boolean }) {
  const { state, formAction, onSubmit, pending } = useFormAction(setTranscriptionAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      <div className="flex items-start gap-3">
        <button
          type="submit"
          role="switch"
          aria-checked={enabled}
          aria-labelledby="transcription-switch-label"
          aria-describedby="transcription-switch-hint"
          disabled={pending}
          className={cn(
            "relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:cursor-wait disabled:opacity-70",
            enabled ? "bg-accent-600" : "bg-ink-300",
          )}
        >
          <span aria-hidden="true" className={cn("inline-block h-5 w-5 rounded-full bg-white shadow transition-transform", enabled ? "translate-x-5" : "translate-x-0.5")} />
        </button>
        <div className="text-sm">
          <span id="transcription-switch-label" className="font-medium text-ink-900">
            Transcribe recorded answers
          </span>
          <p id="transcription-switch-hint" className="mt-0.5 text-ink-600">
            {pending ? "Saving…" : enabled ? "On: each video or audio answer gets a transcript the hiring team can read and search." : "Off: new recorded answers are not transcribed."}
          </p>
        </div>
      </div>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
