"use client";

import { useEffect, useState } from "react";
import { formatDuration } from "@/components/use-server-clock";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/control-class";

const PRACTICE_SECONDS = 60;

/** A warm-up that never leaves the browser: nothing here is sent or stored. */
export function PracticeQuestion() {
  const [endsAt, setEndsAt] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!endsAt) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [endsAt]);
  const remaining = endsAt ? Math.max(0, (endsAt - now) / 1000) : PRACTICE_SECONDS;
  const running = endsAt !== null && remaining > 0;

  return (
    <section aria-labelledby="practice-title" className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
      <h2 id="practice-title" className="text-lg font-semibold text-ink-900">
        Practice question
      </h2>
      <p className="mt-1 text-sm text-ink-600">Try the format first. Practice answers are not saved and the hiring team never sees them.</p>
      <p className="mt-4 font-medium text-ink-900">What did you have for breakfast, and would you recommend it?</p>
      <label htmlFor="practice-answer" className="mt-3 block text-sm font-medium text-ink-800">
        Your practice answer
      </label>
      <textarea id="practice-answer" rows={3} disabled={!running} className={`${controlClass} mt-1.5`} />
      <div className="mt-3 flex items-center gap-4">
        <Button variant="secondary" onClick={() => { setEndsAt(Date.now() + PRACTICE_SECONDS * 1000); setNow(Date.now()); }}>
          {endsAt ? "Practise again" : "Start practice"}
        </Button>
        <span className="text-sm tabular-nums text-ink-700" role="timer" aria-label={`Practice time left: ${Math.ceil(remaining)} seconds`}>
          {endsAt && remaining === 0 ? "Time is up" : formatDuration(remaining)}
        </span>
      </div>
    </section>
  );
}
