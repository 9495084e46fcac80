"use client";

import { useSyncExternalStore } from "react";

// The camera and microphone the lobby's device check turned on, kept on after it passes: the
// preview stays, the practice take records from it, and the first recorded question takes it over,
// so the camera is not turned off and on again (and the devices the candidate chose stay chosen).
// A stream nobody takes soon after the lobby is left is stopped; so is one a written first question
// does not need.

let held: MediaStream | null = null;
let expiry: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function set(next: MediaStream | null) {
  if (expiry) clearTimeout(expiry);
  expiry = null;
  held = next;
  for (const listener of listeners) listener();
}

const stopAll = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

/** Keeps the checked devices on (stopping whatever was kept before). */
export function holdStream(stream: MediaStream) {
  if (held && held !== stream) stopAll(held);
  set(stream);
}

/** Turns the kept devices off (a new check, a failed one, a written first question). */
export function releaseHeldStream() {
  if (held) stopAll(held);
  set(null);
}

/** Leaving the lobby: what is kept waits a moment for the first question, then is turned off. */
export function releaseHeldStreamSoon(ms = 20_000) {
  if (!held) return;
  if (expiry) clearTimeout(expiry);
  expiry = setTimeout(releaseHeldStream, ms);
}

/**
 * A recorded question takes over the kept stream, if it is still live and has what the question
 * needs (an audio question gets the microphone alone); null means ask the browser again.
 */
export function takeHeldStream(kind: "VIDEO" | "AUDIO"): MediaStream | null {
  const stream = held;
  if (!stream || stream.getTracks().some((t) => t.readyState !== "live") || stream.getAudioTracks().length === 0) {
    releaseHeldStream();
    return null;
  }
  if (kind === "VIDEO" && stream.getVideoTracks().length === 0) {
    releaseHeldStream();
    return null;
  }
  set(null);
  if (kind === "VIDEO") return stream;
  stream.getVideoTracks().forEach((track) => track.stop());
  return new MediaStream(stream.getAudioTracks());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The kept stream, for the practice take (null until a check has passed). */
export function useHeldStream(): MediaStream | null {
  return useSyncExternalStore(
    subscribe,
    () => held,
    () => null,
  );
}
