"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveAnswerAction } from "../actions";

export type SaveState = { state: "idle" | "saving" | "saved" | "error"; at?: string; message?: string };

const AUTOSAVE_DELAY_MS = 800;

/**
 * A written answer as typed, saved a moment after the typing stops. A refusal that means the
 * question is over (time up, moved on, interview no longer in progress) refreshes the page to
 * what the server shows now. `latest` holds the text at any moment, for a submission started by
 * the clock: `setText` writes it along with the state, in the event that changes the text.
 */
export function useAnswerDraft(answerId: string, initial: { text: string; savedAt: string | null }) {
  const router = useRouter();
  const [text, setTextState] = useState(initial.text);
  const [saved, setSaved] = useState<SaveState>(initial.savedAt ? { state: "saved", at: initial.savedAt } : { state: "idle" });
  const latest = useRef(initial.text);
  const setText = useCallback((next: string) => {
    latest.current = next;
    setTextState(next);
  }, []);

  // The text the page arrived with is already saved.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const timer = setTimeout(async () => {
      setSaved({ state: "saving" });
      const result = await saveAnswerAction(answerId, text);
      if (result.ok) setSaved({ state: "saved", at: result.savedAt });
      else if (["time_up", "not_current", "not_in_progress", "link_ended", "invalid"].includes(result.reason)) router.refresh();
      else setSaved({ state: "error", message: result.message });
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, answerId, router]);

  return { text, setText, saved, setSaved, latest };
}
