"use client";

import { useEffect, useId, useRef, useState } from "react";
import { formatDuration } from "@/components/use-server-clock";
import { Button } from "@/components/ui/button";
import { useHeldStream } from "../_device-check/held-stream";
import type { DeviceNeeds } from "../_device-check/device-needs";
import { playableTake } from "../_recorded-answer/local-take";

const PRACTICE_SECONDS = 60;
const TYPES = ["video/webm;codecs=vp8,opus", "video/webm", "video/mp4", "audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

type Phase = { name: "idle" } | { name: "recording"; startedAt: number } | { name: "review"; src: string; seconds: number } | { name: "failed"; message: string };

/**
 * A practice take for interviews with recorded answers, on the devices the check turned on. It is
 * recorded into this page's memory and played back from there: nothing is uploaded or stored, and
 * the hiring team never sees it. The take goes when the page does.
 */
export function PracticeRecording({ needs }: { needs: DeviceNeeds }) {
  const stream = useHeldStream();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [now, setNow] = useState(0);
  const recorder = useRef<MediaRecorder | null>(null);
  const url = useRef<string | null>(null);
  const hint = useId();
  const what = needs === "video" ? "camera and microphone" : "microphone";

  const recording = phase.name === "recording";
  const elapsed = recording ? Math.max(0, (now - phase.startedAt) / 1000) : 0;

  useEffect(() => {
    if (!recording) return;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [recording]);
  // Time is up: the take stops as a real one does.
  useEffect(() => {
    if (recording && elapsed >= PRACTICE_SECONDS) recorder.current?.stop();
  }, [recording, elapsed]);
  // The take lives in memory only as long as the page shows it.
  useEffect(
    () => () => {
      if (recorder.current?.state === "recording") recorder.current.stop();
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );

  function start() {
    if (!stream) return;
    // An audio interview's practice records the microphone alone, like its questions.
    const source = needs === "video" ? stream : new MediaStream(stream.getAudioTracks());
    const mimeType = TYPES.filter((t) => t.startsWith(needs)).find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
    let media: MediaRecorder;
    try {
      media = new MediaRecorder(source, { mimeType, videoBitsPerSecond: 1_000_000, audioBitsPerSecond: 64_000 });
    } catch {
      setPhase({ name: "failed", message: "This browser cannot record here. Please use a current Chrome, Edge, Firefox or Safari." });
      return;
    }
    const parts: Blob[] = [];
    let startedAt = performance.now();
    media.ondataavailable = (event) => {
      if (event.data.size > 0) parts.push(event.data);
    };
    media.onstart = () => (startedAt = performance.now());
    media.onstop = async () => {
      const durationMs = performance.now() - startedAt;
      const blob = await playableTake(new Blob(parts, { type: media.mimeType || mimeType }), durationMs);
      if (url.current) URL.revokeObjectURL(url.current);
      url.current = URL.createObjectURL(blob);
      setPhase({ name: "review", src: url.current, seconds: durationMs / 1000 });
    };
    recorder.current = media;
    media.start(1000);
    const at = performance.now();
    setNow(at);
    setPhase({ name: "recording", startedAt: at });
  }

  return (
    <section aria-labelledby="practice-title" className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
      <h2 id="practice-title" className="text-lg font-semibold text-ink-900">
        Practice recording
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        Try it before it counts. A practice take stays in this browser: it is never uploaded, and the hiring team never sees it.
      </p>
      <p className="mt-4 font-medium text-ink-900">What did you have for breakfast, and would you recommend it?</p>

      {phase.name === "review" && (
        <div className="mt-4 space-y-2">
          {needs === "video" ? (
            <video src={phase.src} controls playsInline aria-label="Your practice answer" className="aspect-video w-full rounded-lg bg-ink-900" />
          ) : (
            <audio src={phase.src} controls aria-label="Your practice answer" className="w-full" />
          )}
          <p className="text-sm text-ink-600">Length {formatDuration(Math.floor(phase.seconds))}. Played from this browser only.</p>
        </div>
      )}
      {phase.name === "failed" && (
        <p role="alert" className="mt-4 text-sm text-danger-700">
          {phase.message}
        </p>
      )}

      <div className="mt-4 flex flex-wrap items-center gap-4">
        {recording ? (
          <>
            <span className="inline-flex items-center gap-1.5 rounded-full bg-danger-600 px-2.5 py-1 text-xs font-semibold text-white">
              <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-white" /> REC
            </span>
            <span role="timer" aria-label={`Practice recorded: ${Math.floor(elapsed)} of ${PRACTICE_SECONDS} seconds`} className="text-sm tabular-nums text-ink-700">
              {formatDuration(Math.floor(elapsed))} / {formatDuration(PRACTICE_SECONDS)}
            </span>
            <Button variant="secondary" onClick={() => recorder.current?.stop()}>
              Stop
            </Button>
          </>
        ) : (
          <>
            <Button variant="secondary" onClick={start} disabled={!stream} aria-describedby={stream ? undefined : hint}>
              {phase.name === "review" ? "Record again" : "Record a practice answer"}
            </Button>
            {!stream && (
              <p id={hint} className="text-sm text-ink-600">
                Check your {what} above first: the practice uses {needs === "video" ? "them" : "it"}.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
