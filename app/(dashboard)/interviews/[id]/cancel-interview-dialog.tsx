"use client";

import { AlertDialog } from "radix-ui";
import { useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { CANCEL_REASON_MAX } from "@/lib/limits";
import { cancelInterviewAction } from "../actions";

/**
 * "Cancel interview", asked first: the recruiter may write a reason, which the candidate's
 * cancellation email carries. The two buttons say what each does ("Keep interview" / "Cancel
 * interview"), never a bare "Cancel" beside "Cancel interview".
 */
export function CancelInterviewDialog({ id, candidateName, inProgress }: { id: string; candidateName: string; inProgress: boolean }) {
  const [open, setOpen] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(cancelInterviewAction.bind(null, id));
  // A successful cancel closes the dialog (the page re-renders as cancelled).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  const errors = state.fieldErrors ?? {};
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      <AlertDialog.Trigger asChild>
        <Button variant="secondary">Cancel interview</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-base font-semibold text-ink-900">Cancel this interview?</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-ink-600">
            {inProgress
              ? `${candidateName} is taking the interview right now. Cancelling stops it at once; their answers so far are kept. They get a cancellation email.`
              : `${candidateName} gets a cancellation email, their link stops working and the event leaves their calendar. This cannot be undone.`}
          </AlertDialog.Description>
          <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
            {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
            <Field label="Reason (optional)" hint={`Included in ${candidateName}'s email. Up to ${CANCEL_REASON_MAX.toLocaleString("en-US")} characters.`} errors={errors.reason}>
              {(p) => <textarea {...p} name="reason" rows={3} maxLength={CANCEL_REASON_MAX} className={controlClass} />}
            </Field>
            <div className="flex flex-wrap justify-end gap-3">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary">Keep interview</Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant="danger" disabled={pending}>
                {pending ? "Cancelling…" : "Cancel interview"}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
