"use client";

import { useEffect, useState } from "react";

const DEVICE_KEY = "kairos-device-id";
const HEARTBEAT_MS = 20_000;
/** A glance away shorter than this (a notification, an accidental click) is not worth a note. */
const AWAY_MIN_SECONDS = 2;

function send(body: object) {
  const json = JSON.stringify(body);
  // sendBeacon survives the page closing; fetch with keepalive where it is missing.
  if (navigator.sendBeacon?.("/interview/signals", new Blob([json], { type: "application/json" }))) return;
  void fetch("/interview/signals", { method: "POST", headers: { "Content-Type": "application/json" }, body: json, keepalive: true }).catch(() => undefined);
}

function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id) localStorage.setItem(DEVICE_KEY, (id = crypto.randomUUID()));
    return id;
  } catch {
    return "no-storage-device";
  }
}

/**
 * The integrity signals disclosed in the consent step, reported while a question is on screen:
 * time away from the page or window, and a heartbeat naming this browser so the server can tell
 * when a second device joins. Nothing here blocks or warns the candidate about themselves; the
 * only thing shown is a notice when the interview is open on another device too.
 */
export function useIntegritySignals(answerId: string): { otherDevice: boolean } {
  const [otherDevice, setOtherDevice] = useState(false);

  useEffect(() => {
    const id = deviceId();
    const beat = async () => {
      try {
        const response = await fetch("/interview/signals", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ type: "heartbeat", deviceId: id }) });
        if (response.ok) setOtherDevice(((await response.json()) as { otherDevice: boolean }).otherDevice);
      } catch {
        // Offline for a moment: the next beat will do.
      }
    };
    void beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    let awaySince: number | null = null;
    const away = () => document.visibilityState === "hidden" || !document.hasFocus();
    const update = () => {
      if (away()) {
        awaySince ??= Date.now();
        return;
      }
      if (awaySince === null) return;
      const seconds = (Date.now() - awaySince) / 1000;
      awaySince = null;
      if (seconds >= AWAY_MIN_SECONDS) send({ type: "LEFT_PAGE", answerId, seconds });
    };
    // The page closing while away: report the time so far.
    const leaving = () => {
      if (awaySince !== null) send({ type: "LEFT_PAGE", answerId, seconds: (Date.now() - awaySince) / 1000 });
      awaySince = null;
    };
    document.addEventListener("visibilitychange", update);
    window.addEventListener("blur", update);
    window.addEventListener("focus", update);
    window.addEventListener("pagehide", leaving);
    return () => {
      leaving();
      document.removeEventListener("visibilitychange", update);
      window.removeEventListener("blur", update);
      window.removeEventListener("focus", update);
      window.removeEventListener("pagehide", leaving);
    };
  }, [answerId]);

  return { otherDevice };
}

/** Reports text pasted into a written answer (how much, never what). */
export function reportPaste(answerId: string, characters: number) {
  if (characters > 0) send({ type: "PASTE", answerId, characters });
}
