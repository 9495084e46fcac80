"use client";

import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { ChunkUploader, UploadError, type UploadProgress } from "./chunk-uploader";
import { takeHeldStream } from "../_device-check/held-stream";
import { playableTake } from "./local-take";

export type RecordingState = {
  takesAllowed: number;
  takesUsed: number;
  /** The latest segment of the current take, if any: RECORDING means it was interrupted (a reload). */
  latest: { id: string; status: "RECORDING" | "FINISHED"; take: number; durationMs: number | null } | null;
};

export type RecorderPhase =
  | { name: "preparing" }
  | { name: "starting" }
  | { name: "recording"; startedAt: number }
  | { name: "saving" }
  | { name: "review"; src: string; durationMs: number | null }
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

/** A take being opened: its MediaRecorder and the recording the server opened for it, or why not. */
type OpenedTake =
  | { ok: true; media: MediaRecorder; contentType: string; recordingId: string; take: number; deadline: string }
  | { ok: false; message: string };

/** A MediaRecorder on the stream, then the recording on the server (which says the take's number and the new deadline). */
async function openTake(stream: MediaStream, kind: "VIDEO" | "AUDIO", answerId: string): Promise<OpenedTake> {
  const mimeType = TYPES[kind].find((t) => MediaRecorder.isTypeSupported(t)) ?? "";
  let media: MediaRecorder;
  try {
    media = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 1_000_000, audioBitsPerSecond: 64_000 });
  } catch {
    return { ok: false, message: "This browser cannot record here. Please use a current Chrome, Edge, Firefox or Safari." };
  }
  const contentType = media.mimeType || mimeType;
  const response = await fetch("/interview/recordings", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answerId, contentType }) }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as { recordingId: string; take: number; deadline: string; error?: { message: string } } | null;
  if (!response?.ok || !body) {
    return { ok: false, message: body?.error?.message ?? "Recording could not start. Check your connection and try again." };
  }
  return { ok: true, media, contentType, recordingId: body.recordingId, take: body.take, deadline: body.deadline };
}

/**
 * A recorded answer's camera/microphone, MediaRecorder and upload: holds the devices for the whole
 * question, starts a take (the server opens the recording and says the new deadline), uploads its
 * chunks as they come, and on stop waits for the upload and offers the take for playback. The
 * clock drives it too: recording starts when the preparation ends, and when time is up a take in
 * progress is stopped and saved before `onSubmit`.
 */
export function useRecorder({
  answerId,
  kind,
  recording,
  preparing,
  remaining,
  onStarted,
  onSubmit,
}: {
  answerId: string;
  kind: "VIDEO" | "AUDIO";
  recording: RecordingState;
  preparing: boolean;
  remaining: number;
  onStarted: (deadline: string) => void;
  onSubmit: () => void;
}) {
  const [phase, setPhase] = useState<RecorderPhase>(() => {
    const { latest } = recording;
    if (latest?.status === "RECORDING") return { name: "interrupted" };
    if (latest?.status === "FINISHED") return { name: "review", src: `/interview/recordings/${latest.id}`, durationMs: latest.durationMs };
    return { name: "preparing" };
  });
  const [takesUsed, setTakesUsed] = useState(recording.takesUsed);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const preview = useRef<HTMLVideoElement>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const uploader = useRef<ChunkUploader | null>(null);
  const stopped = useRef<Promise<void> | null>(null);
  // When the recorder really started and stopped: the take's length, which WebM does not carry.
  const span = useRef({ startedAt: 0, stoppedAt: 0 });
  const localUrl = useRef<string | null>(null);

  // The camera/microphone for the whole question: the lobby's, still on from the device check on
  // the first question, or asked for again (the browser remembers the permission).
  useEffect(() => {
    let live: MediaStream | null = null;
    let cancelled = false;
    const held = takeHeldStream(kind);
    (held ? Promise.resolve(held) : navigator.mediaDevices?.getUserMedia({ audio: true, video: kind === "VIDEO" ? { width: { ideal: 640 }, height: { ideal: 480 } } : false }))
      ?.then((s) => {
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

  // A take starts in the "starting" phase: set by a button here, or by the clock below.
  const start = useCallback(() => {
    if (stream) setPhase({ name: "starting" });
  }, [stream]);

  // The server has opened the take's recording: record, uploading the chunks as they come.
  const recordTake = useEffectEvent((opened: OpenedTake) => {
    if (!opened.ok) return setPhase({ name: "failed", message: opened.message });
    const { media } = opened;
    onStarted(opened.deadline);
    setTakesUsed(opened.take);
    setProgress(null);
    const upload = new ChunkUploader(opened.recordingId, opened.contentType, setProgress);
    uploader.current = upload;
    recorder.current = media;
    let done: () => void;
    stopped.current = new Promise((resolve) => (done = resolve));
    media.ondataavailable = (event) => upload.push(event.data);
    span.current = { startedAt: performance.now(), stoppedAt: 0 };
    media.onstart = () => (span.current.startedAt = performance.now());
    const ended = () => {
      span.current.stoppedAt = performance.now();
      done();
    };
    media.onstop = ended;
    media.onerror = ended; // a device unplugged mid-take: keep what was uploaded
    media.start(CHUNK_MS);
    setPhase({ name: "recording", startedAt: Date.now() });
  });

  // Each "starting" phase opens one take (the phase object changes only when the phase does).
  useEffect(() => {
    if (phase.name !== "starting" || !stream) return;
    void openTake(stream, kind, answerId).then((opened) => recordTake(opened));
  }, [phase, stream, kind, answerId]);

  const stop = useCallback(async () => {
    const media = recorder.current;
    const upload = uploader.current;
    if (!media || !upload || media.state === "inactive") return;
    setPhase({ name: "saving" });
    media.stop();
    await stopped.current;
    const durationMs = Math.max(0, span.current.stoppedAt - span.current.startedAt);
    try {
      await upload.finish(durationMs);
      if (localUrl.current) URL.revokeObjectURL(localUrl.current);
      localUrl.current = URL.createObjectURL(await playableTake(upload.blob(), durationMs));
      setPhase({ name: "review", src: localUrl.current, durationMs });
    } catch (error) {
      setPhase({ name: "failed", message: error instanceof UploadError ? error.message : "Your recording could not be saved." });
    }
  }, []);

  // The clock decides: preparation over → record (once the devices are ready: a phase adjusted
  // while rendering, so "starting" shows in the same render); time up → stop, save, submit.
  if (!preparing && phase.name === "preparing" && stream) setPhase({ name: "starting" });
  const timeUp = !preparing && remaining <= 0;
  useEffect(() => {
    if (!timeUp) return;
    if (phase.name === "recording") void stop().then(onSubmit);
    else if (phase.name !== "saving" && phase.name !== "starting") onSubmit();
  }, [timeUp, phase.name, stop, onSubmit]);

  /** Percent of what was recorded that has reached the server. */
  const uploaded = progress && progress.recordedBytes > 0 ? Math.round((progress.uploadedBytes / progress.recordedBytes) * 100) : 0;

  return { phase, stream, preview, takesUsed, progress, uploaded, timeUp, start, stop };
}
