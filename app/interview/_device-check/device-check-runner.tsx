"use client";

import { useEffect, useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CheckArea, DEVICE_WORDS as WORDS } from "./device-check-frame";
import { AlertIcon, CheckIcon, DeviceIcon } from "./device-check-icons";
import { anotherDeviceAdvice, deviceHelp, quietHelp, type DeviceHelp } from "./device-help";
import type { DeviceNeeds } from "./device-needs";
import { DevicePickers } from "./device-pickers";
import { useDeviceCheck } from "./use-device-check";

/**
 * The device check once the candidate has asked for it (device-check.tsx loads this on demand and
 * keeps the section, its heading and its status line): it starts at once, shows the preview and
 * the meter, then the outcome, the help and the device pickers.
 */
export function DeviceCheckRunner({
  needs,
  onResult,
  onStatus,
  section,
}: {
  needs: DeviceNeeds;
  onResult: (passed: boolean) => void;
  onStatus: (status: string) => void;
  section: RefObject<HTMLElement | null>;
}) {
  // Destructured: with `videoRef` passed on from the hook's object, the React Compiler takes every
  // other read of that object during render for a read of the ref (react-hooks/refs).
  const { phase, stream, level, signals, cameras, microphones, choice, videoRef, start } = useDeviceCheck(needs, onResult);
  const words = WORDS[needs];
  const result = useRef<HTMLHeadingElement>(null);

  // Mounted because the candidate chose the check: start it before the first paint, so the
  // button they pressed does not come back for a frame.
  useLayoutEffect(() => {
    void start();
  }, [start]);

  const status = phase.name === "starting" ? `Waiting for permission to use your ${words.asking}.` : phase.name === "live" ? "Checking. Say a few words." : "";
  useEffect(() => {
    onStatus(status);
  }, [status, onStatus]);

  // The button that started the check is gone by now: take keyboard and screen-reader users to the
  // outcome, unless they have already moved on to something else on the page.
  useEffect(() => {
    if (phase.name !== "passed" && phase.name !== "failed") return;
    const active = document.activeElement;
    if (!active || active === document.body || section.current?.contains(active)) result.current?.focus();
  }, [phase, section]);

  // "idle" lasts only until the effect above has started the check.
  const live = phase.name === "idle" || phase.name === "starting" || phase.name === "live";
  // After a pass the camera stays on (held-stream.ts): the same preview element keeps playing.
  const kept = phase.name === "passed" && needs === "video" && stream !== null;
  return (
    <>
      {(live || kept) && (
        <CheckArea
          needs={needs}
          preview={
            stream ? (
              // Mirrored like a mirror, muted so the candidate never hears themselves echo.
              <video ref={videoRef} muted playsInline autoPlay aria-label="Your camera preview" className="h-full w-full -scale-x-100 object-cover" />
            ) : undefined
          }
        >
          {live ? (
            <LiveStatus needs={needs} level={level} picture={signals.picture} sound={signals.sound} starting={phase.name !== "live"} />
          ) : (
            <p className="text-sm text-ink-700">This is how you will appear. Your camera stays on until your first question; nothing leaves this browser before you start.</p>
          )}
        </CheckArea>
      )}
      {phase.name === "passed" && phase.heard && (
        <div className="mt-5 flex flex-col gap-3 rounded-lg bg-success-50 p-4 ring-1 ring-success-200 ring-inset sm:flex-row sm:items-center sm:justify-between">
          <div className="flex gap-3">
            <CheckIcon className="mt-0.5 text-success-700" />
            <div>
              <h3 ref={result} tabIndex={-1} className="font-semibold text-success-800 focus:outline-none">
                {words.works}
              </h3>
              <p className="mt-1 text-sm text-success-800">
                {needs === "video" ? "They stay" : "It stays"} on for the practice and your first question, so there is nothing more to set up.
              </p>
            </div>
          </div>
          <Button variant="secondary" size="sm" className="self-start sm:self-center" onClick={() => void start(choice)}>
            Check again
          </Button>
        </div>
      )}

      {phase.name === "passed" && !phase.heard && (
        <HelpPanel tone="warning" help={quietHelp(needs)} needs={needs} headingRef={result} retryLabel="Check again" onRetry={() => void start(choice)} />
      )}
      {phase.name === "failed" && (
        <HelpPanel tone="danger" help={deviceHelp(phase.variant, needs)} needs={needs} headingRef={result} retryLabel="Try again" onRetry={() => void start(choice)} />
      )}
      {phase.name !== "idle" && <DevicePickers needs={needs} cameras={cameras} microphones={microphones} choice={choice} choose={(next) => void start({ ...choice, ...next })} />}
    </>
  );
}

function LiveStatus({ needs, level, picture, sound, starting }: { needs: DeviceNeeds; level: number; picture: boolean; sound: boolean; starting: boolean }) {
  return (
    <div className="space-y-4">
      <p className="text-sm font-medium text-ink-900">
        {starting ? `Waiting for your browser… choose Allow when it asks to use your ${WORDS[needs].asking}.` : "Checking… say a few words."}
      </p>
      <div>
        <div className="flex items-baseline justify-between text-sm">
          <span className="font-medium text-ink-800">Microphone level</span>
          <span className="text-ink-600">{sound ? "Sound detected" : "Listening…"}</span>
        </div>
        {/* A meter, not a live region: screen readers read it when asked, not ten times a second. */}
        <div
          role="meter"
          aria-label="Microphone level"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={level}
          aria-valuetext={sound ? `${level}%, sound detected` : `${level}%`}
          className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-ink-100"
        >
          <div className="h-full rounded-full bg-success-600 transition-[width] duration-100" style={{ width: `${level}%` }} />
        </div>
      </div>
      <ul className="space-y-1 text-sm text-ink-700">
        {needs === "video" && <Signal ok={picture}>{picture ? "Camera picture received" : "Waiting for a picture"}</Signal>}
        <Signal ok={sound}>{sound ? "Microphone hears you" : "Waiting for sound"}</Signal>
      </ul>
    </div>
  );
}

function Signal({ ok, children }: { ok: boolean; children: ReactNode }) {
  return (
    <li className="flex items-center gap-2">
      {ok ? <CheckIcon className="text-success-700" /> : <span aria-hidden className="mx-1 h-2 w-2 animate-pulse rounded-full bg-ink-400" />}
      {children}
    </li>
  );
}

const PANEL_TONES = {
  danger: { panel: "bg-danger-50 ring-danger-200", title: "text-danger-800" },
  warning: { panel: "bg-warning-50 ring-warning-200", title: "text-warning-800" },
} as const;

function HelpPanel({
  tone,
  help,
  needs,
  headingRef,
  retryLabel,
  onRetry,
}: {
  tone: keyof typeof PANEL_TONES;
  help: DeviceHelp;
  needs: DeviceNeeds;
  headingRef: RefObject<HTMLHeadingElement | null>;
  retryLabel: string;
  onRetry: () => void;
}) {
  const id = useId();
  return (
    <div aria-labelledby={id} role="group" className="mt-5 overflow-hidden rounded-lg bg-white ring-1 ring-ink-200">
      <div className={cn("flex gap-3 px-5 py-4 ring-1 ring-inset", PANEL_TONES[tone].panel)}>
        <AlertIcon className={cn("mt-0.5", PANEL_TONES[tone].title)} />
        <div>
          <h3 id={id} ref={headingRef} tabIndex={-1} className={cn("font-semibold focus:outline-none", PANEL_TONES[tone].title)}>
            {help.title}
          </h3>
          <p className="mt-1 text-sm text-ink-800">{help.intro}</p>
        </div>
      </div>
      <div className="space-y-4 px-5 py-4">
        <ol className="list-decimal space-y-2 pl-5 text-sm text-ink-800 marker:text-ink-500">
          {help.steps.map((step) => (
            <li key={step.text}>
              {step.label && <strong className="font-semibold text-ink-900">{step.label}: </strong>}
              {step.text}
            </li>
          ))}
        </ol>
        {help.retry && (
          <Button variant={tone === "danger" ? "primary" : "secondary"} onClick={onRetry}>
            {retryLabel}
          </Button>
        )}
      </div>
      <div className="flex gap-3 border-t border-ink-200 bg-ink-50 px-5 py-4">
        <DeviceIcon className="mt-0.5 text-ink-500" />
        <div>
          <h4 className="text-sm font-semibold text-ink-900">Continue on another device</h4>
          <p className="mt-1 text-sm text-ink-700">{anotherDeviceAdvice(needs)}</p>
        </div>
      </div>
    </div>
  );
}
