"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/form-state";
import { DeviceCheck } from "../_device-check/device-check";
import type { DeviceNeeds } from "../_device-check/device-needs";
import { startInterviewAction } from "../actions";

/**
 * The lobby's interactive end: the device check and the practice recording (interviews with
 * recorded answers), then the consent form, whose Start waits for the check. `children` is what
 * the candidate consents to, rendered on the server. In a recruiter's preview nothing starts.
 */
export function LobbyStart({ needs, practice, preview = false, children }: { needs: DeviceNeeds | null; practice?: ReactNode; preview?: boolean; children: ReactNode }) {
  const [state, action, pending] = useActionState(startInterviewAction, initialFormState);
  const [agreed, setAgreed] = useState(false);
  const consentError = useId();
  const startHint = useId();
  // Only this page view's check counts: devices change between visits (another computer, a headset).
  const [devicesReady, setDevicesReady] = useState(false);
  const blockedByDevices = needs !== null && !devicesReady;

  return (
    <>
      {needs && <DeviceCheck needs={needs} onResult={setDevicesReady} />}
      {practice}

      <form action={preview ? undefined : action} aria-labelledby="consent-title" className="space-y-4 rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
        <h2 id="consent-title" className="text-lg font-semibold text-ink-900">
          Your consent
        </h2>
        {children}
        {state.message && <Alert tone="error">{state.message}</Alert>}
        <label className="flex items-start gap-3 text-sm text-ink-900">
          <input
            type="checkbox"
            name="consent"
            value="yes"
            checked={agreed}
            onChange={(e) => setAgreed(e.target.checked)}
            aria-describedby={consentError}
            aria-invalid={state.fieldErrors?.consent ? true : undefined}
            className="mt-0.5 h-4 w-4 accent-accent-600"
          />
          I understand what is recorded and agree to take this interview.
        </label>
        <p id={consentError} aria-live="polite" className="text-sm text-danger-700 empty:hidden">
          {state.fieldErrors?.consent?.join(" ")}
        </p>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <Button
            type="submit"
            disabled={pending || blockedByDevices || preview}
            aria-describedby={blockedByDevices || preview ? startHint : undefined}
            className="w-full justify-center sm:w-auto"
          >
            {pending ? "Starting…" : "Start interview"}
          </Button>
          {preview ? (
            <p id={startHint} className="text-sm text-ink-600">
              Candidates start here. A preview cannot start an interview.
            </p>
          ) : (
            blockedByDevices && (
              <p id={startHint} className="text-sm text-ink-600">
                Check your {needs === "video" ? "camera and microphone" : "microphone"} above before you start.
              </p>
            )
          )}
        </div>
      </form>
    </>
  );
}
