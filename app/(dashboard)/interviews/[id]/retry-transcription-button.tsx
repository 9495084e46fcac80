"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { retryTranscriptionAction } from "./actions";

/** Queues a failed transcript again; the page comes back with "Transcribing…" (or says why not). */
export function RetryTranscriptionButton({ answerId }: { answerId: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | undefined>();
  return (
    <div className="mt-2 flex flex-wrap items-center gap-3">
      <Button variant="secondary" size="sm" disabled={pending} onClick={() => start(async () => setMessage(await retryTranscriptionAction(answerId)))}>
        {pending ? "Queuing…" : "Transcribe again"}
      </Button>
      <p role="status" className="text-sm text-danger-700">
        {message}
      </p>
    </div>
  );
}
