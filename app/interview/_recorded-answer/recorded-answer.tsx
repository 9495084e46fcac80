"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { formatDuration } from "@/components/use-server-clock";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ChunkUploader, UploadError, type UploadProgress } from "./chunk-uploader";

export type RecordingState = {
  takesAllowed: number;
  takesUsed: number;
  /** The latest segment of the current take, if any: RECORDING means it was interrupted (a reload). */
  latest: { id: string; status: "RECORDING" | "FINISHED"; take: number } | null;
};

type Phase =
  | { name: "preparing" }
  | { name: "starting" }
  | { name: "recording"; startedAt: number }
  | { name: "saving" }
  | { name: "review"; src: string }
  | { name: "interrupted" }
  | { name: "failed"; message: string };

const CHUNK_MS = 1000;
const TYPES = {
  VIDEO: ["video/webm;codecs=vp9,opus", "video/webm;codecs=vp8,opus", "video/webm", "video/mp4"],
  AUDIO: ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"],
};

const mediaErrorMessage = (error: unknown) =>
  (error as DOMException)?.name === "NotAllowedError"
    ? "Your browser is blocking the camera or microphone. Allow them for this site (the icon in the address bar), then reload this page — your time keeps running."
    : "We could not use your camera or microphone. Close other apps that may be using them, then reload this page — your time keeps running.";

/**
 * A recorded (video or audio) answer: the preview during preparation, then recording with the
 * time left, stop early, play the take back, retake while retakes remain, submit. Chunks upload
 * while recording; when time runs out the recording stops and what was uploaded is submitted.
 */
export function RecordedAnswer(props: {
  answerId: string;
  kind: "VIDEO" | "AUDIO";
  preparing: boolean;
  /** Seconds left in the current phase (preparation or answer), from the server's clock. */
  remaining: number;
  recording: RecordingState;
  submitting: boolean;
  last: boolean;
  onStarted: (deadline: string) => void;
  onSubmit: () => void;
}) {
  const { answerId, kind, preparing, remaining, onStarted, onSubmit } = props;
  const [phase, setPhase] = useState<Phase>(() => {
    const { latest } = props.recording;
    if (latest?.status === "RECORDING") return { name: "interrupted" };
    if (latest?.status === "FINISHED") return { name: "review", src: `/interview/recordings/${latest.id}` };
    return { name: "preparing" };
  });
  const [takesUsed, setTakesUsed] = useState(props.recording.takesUsed);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const preview = useRef<HTMLVideoElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const uploader = useRef<ChunkUploader | null>(null);
  const stopped = useRef<Promise<void> | null>(null);
  const localUrl = useRef<string | null>(null);
  const retakesLeft = props.recording.takesAllowed - takesUsed;

  // The camera/microphone for the whole question (the lobby's device check already asked).
  useEffect(() => {
    let live: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      ?.getUserMedia({ audio: true, video: kind === "VIDEO" ? { width: { ideal: 640 }, height: { ideal: 480 } } : false })
      .then((s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        live = s;
        setStream(s);
      })
      .catch((error: unknown) => setPhase({ name: "failed", message: mediaErrorMessage(error) }));
    return () => {
      cancelled = true;
      live?.getTracks().forEach((t) => t.stop());
      if (localUrl.current) URL.revokeObjectURL(localUrl.current);
    };
  }, [kind]);

  useEffect(() => {
    if (preview.current && stream && preview.current.srcObject !== stream) preview.current.srcObject = stream;
  });

  const start = useCallback(async () => {
    if (!stream) return;
    setPhase({ name: "starting" });
    const mimeType = TYPES[kind].find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
    let media: MediaRecorder;
    try {
      media = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 1_000_000, audioBitsPerSecond: 64_000 });
    } catch {
      return setPhase({ name: "failed", message: "This browser cannot record here. Please use a current Chrome, Edge, Firefox or Safari." });
    }
    const contentType = media.mimeType || mimeType;
    const response = await fetch("/interview/recordings", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answerId, contentType }) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { recordingId: string; take: number; deadline: string; error?: { message: string } } | null;
    if (!response?.ok || !body) {
      return setPhase({ name: "failed", message: body?.error?.message ?? "Recording could not start. Check your connection and try again." });
    }
    onStarted(body.deadline);
    setTakesUsed(body.take);
    setProgress(null);
    const upload = new ChunkUploader(body.recordingId, contentType, setProgress);
    uploader.current = upload;
    recorder.current = media;
    let done: () => void;
    stopped.current = new Promise((resolve) => (done = resolve));
    media.ondataavailable = (event) => upload.push(event.data);
    media.onstop = () => done();
    media.onerror = () => done(); // a device unplugged mid-take: keep what was uploaded
    media.start(CHUNK_MS);
    setPhase({ name: "recording", startedAt: Date.now() });
  }, [stream, kind, answerId, onStarted]);

  const stop = useCallback(async () => {
    const media = recorder.current;
    const upload = uploader.current;
    if (!media || !upload || media.state === "inactive") return;
    setPhase({ name: "saving" });
    media.stop();
    await stopped.current;
    try {
      await upload.finish();
      if (localUrl.current) URL.revokeObjectURL(localUrl.current);
      localUrl.current = URL.createObjectURL(upload.blob());
      setPhase({ name: "review", src: localUrl.current });
    } catch (error) {
      setPhase({ name: "failed", message: error instanceof UploadError ? error.message : "Your recording could not be saved." });
    }
  }, []);

  // The clock decides: preparation over → record; time up → stop, save, submit.
  const timeUp = !preparing && remaining <= 0;
  useEffect(() => {
    if (!preparing && phase.name === "preparing" && stream) void start();
  }, [preparing, phase.name, stream, start]);
  useEffect(() => {
    if (!timeUp) return;
    if (phase.name === "recording") void stop().then(onSubmit);
    else if (phase.name !== "saving" && phase.name !== "starting") onSubmit();
  }, [timeUp, phase.name, stop, onSubmit]);

  const uploaded = progress && progress.recordedBytes > 0 ? Math.round((progress.uploadedBytes / progress.recordedBytes) * 100) : 0;
  const what = kind === "VIDEO" ? "video" : "audio";

  return (
    <div className="space-y-4">
      {kind === "VIDEO" && phase.name !== "review" && (
        <div className="relative overflow-hidden rounded-lg bg-ink-900">
          <video ref={preview} autoPlay muted playsInline aria-label="Your camera" className="aspect-video w-full -scale-x-100 object-cover" />
          {phase.name === "recording" && <RecordingBadge />}
        </div>
      )}
      {kind === "AUDIO" && phase.name === "recording" && (
        <p className="flex items-center gap-2 text-ink-800">
          <RecordingBadge inline /> Recording your answer…
        </p>
      )}

      {phase.name === "preparing" && (
        <div className="space-y-3">
          <p className="text-ink-700">Take a moment to think. Recording starts by itself when the preparation time ends.</p>
          <Button variant="secondary" onClick={() => void start()} disabled={!stream}>
            Start recording now
          </Button>
        </div>
      )}
      {phase.name === "starting" && <p className="text-ink-700">Starting the recording…</p>}
      {phase.name === "recording" && (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <p className="text-sm text-ink-600">Stop when you are done; it stops by itself when time runs out.</p>
          <Button onClick={() => void stop()}>Stop recording</Button>
        </div>
      )}
      {phase.name === "saving" && <p className="text-ink-700">Saving your recording…</p>}
      {phase.name === "interrupted" && (
        <Alert tone="info">
          Your recording was interrupted. What reached us is saved. You have {formatDuration(remaining)} left on this question.
          <div className="mt-3 flex flex-wrap gap-3">
            <Button onClick={() => void start()} disabled={!stream || timeUp}>
              Continue recording
            </Button>
            <Button variant="secondary" onClick={onSubmit} disabled={props.submitting}>
              Submit what was saved
            </Button>
          </div>
        </Alert>
      )}
      {phase.name === "review" && (
        <div className="space-y-3">
          <h2 className="text-sm font-medium text-ink-800">Your {what} answer</h2>
          {kind === "VIDEO" ? (
            <video src={phase.src} controls playsInline aria-label="Your recorded answer" className="aspect-video w-full rounded-lg bg-ink-900" />
          ) : (
            <audio src={phase.src} controls aria-label="Your recorded answer" className="w-full" />
          )}
          <p className="text-sm text-ink-600">
            Take {takesUsed} of {props.recording.takesAllowed}.{" "}
            {retakesLeft > 0 ? `You can record again ${retakesLeft === 1 ? "once more" : `${retakesLeft} more times`}; a retake replaces this one.` : "No retakes left."}
          </p>
          <div className="flex flex-wrap justify-end gap-3">
            {retakesLeft > 0 && (
              <Button variant="secondary" onClick={() => void start()} disabled={!stream || props.submitting}>
                Retake ({retakesLeft} left)
              </Button>
            )}
            <Button onClick={onSubmit} disabled={props.submitting}>
              {props.submitting ? "Submitting…" : props.last ? "Submit and finish" : "Submit and continue"}
            </Button>
          </div>
        </div>
      )}
      {phase.name === "failed" && (
        <Alert tone="error">
          {phase.message}
          <div className="mt-3 flex flex-wrap gap-3">
            {stream && !timeUp && (
              <Button onClick={() => void start()} disabled={props.submitting}>
                Try again
              </Button>
            )}
            <Button variant="secondary" onClick={onSubmit} disabled={props.submitting}>
              {takesUsed > 0 ? "Submit what was saved" : "Skip this question"}
            </Button>
          </div>
        </Alert>
      )}

      {progress && (phase.name === "recording" || phase.name === "saving") && (
        <div className="space-y-1">
          <div className="flex justify-between text-xs text-ink-600">
            <span id="upload-label">{progress.retrying ? "Connection trouble — retrying the upload…" : "Uploaded"}</span>
            <span>{uploaded}%</span>
          </div>
          <div role="progressbar" aria-labelledby="upload-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={uploaded} className="h-1.5 overflow-hidden rounded bg-ink-100">
            <div className={`h-full ${progress.retrying ? "bg-warning-700" : "bg-accent-600"}`} style={{ width: `${uploaded}%` }} />
          </div>
        </div>
      )}
    </div>
  );
}

function RecordingBadge({ inline = false }: { inline?: boolean }) {
  return (
    <span className={`${inline ? "" : "absolute top-3 left-3"} inline-flex items-center gap-1.5 rounded-full bg-danger-600 px-2.5 py-1 text-xs font-semibold text-white`}>
      <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-white" /> REC
    </span>
  );
}
