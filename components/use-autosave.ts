"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/form-state";

export type AutosaveStatus = "idle" | "saving" | "saved" | "failed";

/**
 * Saves a form's values as they change: `change(values)` saves after `delayMs` of quiet,
 * `change(values, { now: true })` at once (a choice, leaving a field). One save runs at a time and
 * the newest values always win: changes made during a save are sent right after it. While
 * anything is unsaved, leaving the page asks first.
 */
export function useAutosave<V>(save: (values: V) => Promise<FormState>, delayMs = 800) {
  const [status, setStatus] = useState<AutosaveStatus>("idle");
  const [result, setResult] = useState<FormState | null>(null);
  const latest = useRef<{ values: V } | null>(null);
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (running.current) return; // the running save sends the newest values when it ends
    running.current = true;
    try {
      while (latest.current) {
        const { values } = latest.current;
        latest.current = null;
        let outcome: FormState;
        try {
          outcome = await saveRef.current(values);
        } catch {
          outcome = { ok: false, message: "Not saved: the connection failed. Your changes are kept here; change anything to try again." };
        }
        // A newer change is on its way: only the last outcome is shown.
        if (!latest.current) {
          setResult(outcome);
          setStatus(outcome.ok ? "saved" : "failed");
        }
      }
    } finally {
      running.current = false;
    }
  }, []);

  const change = useCallback(
    (values: V, { now = false }: { now?: boolean } = {}) => {
      latest.current = { values };
      setStatus("saving");
      if (timer.current) clearTimeout(timer.current);
      timer.current = now ? null : setTimeout(() => void flush(), delayMs);
      if (now) void flush();
    },
    [delayMs, flush],
  );

  // Unsaved changes (waiting for the pause, or on their way) make leaving the page ask first.
  useEffect(() => {
    if (status !== "saving" && status !== "failed") return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { status, result, change, flush };
}
