"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { HEARD_RMS, helpVariantFor, levelFromRms, recordingSupported, type HelpVariant } from "./device-help";
import type { DeviceNeeds } from "./device-needs";
import { holdStream, releaseHeldStream, releaseHeldStreamSoon } from "./held-stream";

export type CheckPhase =
  | { name: "idle" }
  | { name: "starting" }
  | { name: "live" }
  | { name: "passed"; heard: boolean }
  | { name: "failed"; variant: HelpVariant };

export type DeviceOption = { id: string; label: string };
export type DeviceChoice = { videoId?: string; audioId?: string };

// However fast the signals arrive, the candidate gets to see and hear themselves for a moment: the
// check lasts at least this long, and the picture shows for at least PREVIEW_MS of it (a slow
// camera's first frame can come late).
const MIN_CHECK_MS = 2_000;
const PREVIEW_MS = 1_000;
// Likewise the meter moves for a moment before the check passes.
const SOUND_MS = 500;
// Without sound by then, the check ends with a warning rather than holding the camera open.
const MAX_CHECK_MS = 8_000;
const TICK_MS = 100;

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  return Math.sqrt(sum / samples.length);
}

function options(devices: MediaDeviceInfo[], kind: MediaDeviceKind, noun: string): DeviceOption[] {
  return devices.filter((d) => d.kind === kind && d.deviceId).map((d, i) => ({ id: d.deviceId, label: d.label || `${noun} ${i + 1}` }));
}

function errorName(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "name" in error ? String(error.name) : undefined;
}

/**
 * Runs one camera/microphone check at a time: asks for the devices only when `start` is called and
 * watches for a video frame and for sound. A failed check releases every track at once; a passed
 * one keeps them on (held-stream.ts) for the practice take and the first question. `onResult`
 * hears whether the devices are ready for recording.
 */
export function useDeviceCheck(needs: DeviceNeeds, onResult: (passed: boolean) => void) {
  const [phase, setPhase] = useState<CheckPhase>({ name: "idle" });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [level, setLevel] = useState(0);
  const [signals, setSignals] = useState({ picture: false, sound: false });
  const [cameras, setCameras] = useState<DeviceOption[]>([]);
  const [microphones, setMicrophones] = useState<DeviceOption[]>([]);
  const [choice, setChoice] = useState<DeviceChoice>({});
  const videoRef = useRef<HTMLVideoElement>(null);
  const run = useRef(0);
  const release = useRef<() => void>(() => {});
  // After a pass: turns the meter off and keeps the devices on (held-stream.ts).
  const keep = useRef<() => void>(() => {});
  const kept = useRef(false);
  const report = useRef(onResult);
  useEffect(() => {
    report.current = onResult;
  });

  const stop = useCallback(() => {
    release.current();
    release.current = () => {};
    kept.current = false;
    setStream(null);
    setLevel(0);
    setSignals({ picture: false, sound: false });
  }, []);

  // Leaving the lobby: devices kept after a pass wait a moment for the first question; a check
  // still running lets go of them at once.
  useEffect(
    () => () => {
      run.current++;
      if (kept.current) releaseHeldStreamSoon();
      else release.current();
    },
    [],
  );

  const start = useCallback(
    async (wanted: DeviceChoice = {}) => {
      const id = ++run.current;
      stop();
      report.current(false);
      const current = () => run.current === id;
      const fail = (variant: HelpVariant) => {
        if (!current()) return;
        stop();
        setPhase({ name: "failed", variant });
      };
      const finish = (heard: boolean) => {
        if (!current()) return;
        keep.current();
        setLevel(0);
        setPhase({ name: "passed", heard });
        report.current(true);
      };

      // Missing in insecure contexts (plain http) and old browsers.
      const media = typeof navigator === "undefined" ? undefined : navigator.mediaDevices;
      if (!media?.getUserMedia) return fail("unsupported-browser");
      if (!recordingSupported(needs, typeof MediaRecorder === "undefined" ? undefined : MediaRecorder)) return fail("recording-unsupported");

      setPhase({ name: "starting" });
      let captured: MediaStream;
      try {
        captured = await media.getUserMedia({
          audio: wanted.audioId ? { deviceId: { exact: wanted.audioId } } : true,
          video: needs === "video" ? (wanted.videoId ? { deviceId: { exact: wanted.videoId } } : true) : false,
        });
      } catch (error) {
        return fail(helpVariantFor(errorName(error)));
      }
      if (!current()) {
        for (const track of captured.getTracks()) track.stop();
        return;
      }

      const audio = new AudioContext();
      const analyser = audio.createAnalyser();
      analyser.fftSize = 2048;
      audio.createMediaStreamSource(captured).connect(analyser);
      void audio.resume().catch(() => {});
      const samples = new Float32Array(analyser.fftSize);
      const startedAt = performance.now();
      let heardSince: number | null = null;
      let pictureSince: number | null = null;
      let shown = 0;
      const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        const amplitude = rms(samples);
        const now = performance.now();
        if (heardSince === null && amplitude >= HEARD_RMS) heardSince = now;
        const heard = heardSince !== null;
        // Fall back gently so the meter reads as a level, not a flicker.
        shown = Math.max(levelFromRms(amplitude), Math.floor(shown * 0.7));
        setLevel(shown);
        const video = videoRef.current;
        if (pictureSince === null && video !== null && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) pictureSince = now;
        const seen = needs === "audio" || pictureSince !== null;
        setSignals((was) => (was.picture === seen && was.sound === heard ? was : { picture: seen, sound: heard }));
        const shownLongEnough = needs === "audio" || (pictureSince !== null && now - pictureSince >= PREVIEW_MS);
        const elapsed = now - startedAt;
        if (shownLongEnough && heardSince !== null && now - heardSince >= SOUND_MS && elapsed >= MIN_CHECK_MS) finish(true);
        else if (elapsed >= MAX_CHECK_MS) {
          if (seen) finish(false);
          else fail("no-picture");
        }
      }, TICK_MS);
      const stopMeter = () => {
        clearInterval(timer);
        void audio.close().catch(() => {});
      };
      release.current = () => {
        stopMeter();
        for (const track of captured.getTracks()) track.stop();
      };
      keep.current = () => {
        stopMeter();
        holdStream(captured);
        kept.current = true;
        release.current = releaseHeldStream;
      };

      setStream(captured);
      setPhase({ name: "live" });
      setChoice({
        videoId: captured.getVideoTracks()[0]?.getSettings().deviceId,
        audioId: captured.getAudioTracks()[0]?.getSettings().deviceId,
      });
      // Labels and the full list are only available once permission is granted.
      const devices = await media.enumerateDevices().catch(() => []);
      setCameras(options(devices, "videoinput", "Camera"));
      setMicrophones(options(devices, "audioinput", "Microphone"));
    },
    [needs, stop],
  );

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !stream) return;
    video.srcObject = stream;
    void video.play().catch(() => {});
    return () => {
      video.srcObject = null;
    };
  }, [stream]);

  return { phase, stream, level, signals, cameras, microphones, choice, videoRef, start };
}
