"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { LocalDate } from "@/components/local-date";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { requestDeletionAction } from "../request-actions";

/**
 * On the thank-you page: "Ask to delete my answers", confirmed in place (no dialog, so the portal
 * loads no dialog code), then what became of the request.
 */
export function DeletionRequest({ companyName, requestedAt, deleted }: { companyName: string; requestedAt: string | null; deleted: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message?: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const titleId = useId();
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  let body;
  if (deleted) {
    body = <p>Your answers and recordings have been deleted.</p>;
  } else if (outcome?.ok) {
    body = <Alert tone="success">{outcome.message}</Alert>;
  } else if (requestedAt) {
    body = (
      <p>
        You asked on <LocalDate value={requestedAt} /> for your answers and recordings to be deleted. The hiring team at {companyName} has been
        told.
      </p>
    );
  } else {
    body = (
      <>
        <p>
          {companyName} keeps your answers and recordings for a limited time under its retention policy. You can ask for them to be deleted
          sooner.
        </p>
        {confirming ? (
          <div className="space-y-3 rounded-md bg-ink-50 p-4 ring-1 ring-inset ring-ink-200">
            <p ref={question} tabIndex={-1} className="font-medium text-ink-900 focus:outline-none">
              Ask {companyName} to delete your answers and recordings? They may then be unable to consider your interview.
            </p>
            <div className="flex flex-wrap gap-3">
              <Button
                disabled={pending}
                onClick={() => startTransition(async () => setOutcome(await requestDeletionAction()))}
              >
                {pending ? "Sending…" : "Yes, ask them to delete"}
              </Button>
              <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Keep my answers
              </Button>
            </div>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Ask to delete my answers
          </Button>
        )}
        {outcome && !outcome.ok && <Alert tone="error">{outcome.message}</Alert>}
      </>
    );
  }
  return (
    <section aria-labelledby={titleId} className="mt-6 rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
      <h2 id={titleId} className="text-lg font-semibold text-ink-900">
        Your answers
      </h2>
      <div className="mt-2 space-y-3 text-sm text-ink-700">{body}</div>
    </section>
  );
}
