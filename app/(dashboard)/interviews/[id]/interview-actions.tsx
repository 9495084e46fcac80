"use client";

import { Dialog } from "radix-ui";
import { useEffect, useState } from "react";
import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, controlClass } from "@/components/ui/field";
import { useShowNotice } from "./page-notice";
import { extendDeadlineAction, rescheduleInterviewAction, resendInvitationAction } from "../actions";
import { CancelInterviewDialog } from "./cancel-interview-dialog";
import { INTERVIEW_MINUTES } from "@/lib/limits";
import { DUE_HOUR } from "@/lib/interviews/model/window";

export function InterviewActions({
  id,
  candidateName,
  durationMinutes,
  status,
  deadline,
}: {
  id: string;
  candidateName: string;
  durationMinutes: number;
  /** Scheduled: everything. Expired: a new time only. In progress: cancel only. */
  status: "SCHEDULED" | "EXPIRED" | "IN_PROGRESS";
  /** Taken by a deadline: no time to move, but a due date to extend (the date in the candidate's zone, and the current one). */
  deadline?: { currentDate: string; timeZone: string };
}) {
  const cancel = <CancelInterviewDialog id={id} candidateName={candidateName} inProgress={status === "IN_PROGRESS"} />;
  if (deadline) {
    // One tree for every status, so the dialog that extended an expired interview stays mounted
    // (and shows its notice) when the interview comes back as scheduled.
    return (
      <div className="flex flex-wrap gap-2">
        {status === "SCHEDULED" && <ResendDialog id={id} candidateName={candidateName} />}
        <ExtendDialog id={id} {...deadline} />
        {status !== "EXPIRED" && cancel}
      </div>
    );
  }
  if (status === "EXPIRED") return <RescheduleDialog id={id} durationMinutes={durationMinutes} />;
  if (status === "IN_PROGRESS") return cancel;
  return (
    <div className="flex flex-wrap gap-2">
      <ResendDialog id={id} candidateName={candidateName} />
      <RescheduleDialog id={id} durationMinutes={durationMinutes} />
      {cancel}
    </div>
  );
}

function ResendDialog({ id, candidateName }: { id: string; candidateName: string }) {
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Resend invitation</Button>}
      title="Send the invitation again?"
      description={`${candidateName} gets a new email with a new link. The link in earlier emails stops working.`}
      confirmLabel="Resend invitation"
      tone="primary"
      onConfirm={() => resendInvitationAction(id)}
    />
  );
}

function RescheduleDialog({ id, durationMinutes }: { id: string; durationMinutes: number }) {
  const [open, setOpen] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(rescheduleInterviewAction.bind(null, id));
  // A successful reschedule closes the dialog: adjusted while rendering the new state, not in an effect after it.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  // Its message goes below the page's header (another component's state: after rendering, not during it).
  const showNotice = useShowNotice();
  useEffect(() => {
    if (state.ok && state.message) showNotice(state.message);
  }, [state, showNotice]);
  const errors = state.fieldErrors ?? {};
  return (
    <>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger asChild>
          <Button variant="secondary">Reschedule</Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
          <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
            <Dialog.Title className="text-base font-semibold text-ink-900">Reschedule</Dialog.Title>
            <Dialog.Description className="mt-1 text-sm text-ink-600">
              The candidate gets the new time with a new link and calendar update; reminders move with it.
            </Dialog.Description>
            <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
              {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
              <BrowserTimeZoneInput />
              <Field label="New date and time" hint="In your time zone." errors={errors.scheduledAtLocal ?? errors.scheduledAt}>
                {(p) => <input {...p} name="scheduledAtLocal" type="datetime-local" className={controlClass} />}
              </Field>
              <Field label="Duration (minutes)" errors={errors.durationMinutes}>
                {(p) => <input {...p} name="durationMinutes" type="number" min={INTERVIEW_MINUTES.min} max={INTERVIEW_MINUTES.max} defaultValue={durationMinutes} className={controlClass} />}
              </Field>
              <div className="flex justify-end gap-3">
                <Dialog.Close asChild>
                  <Button variant="secondary">Keep current time</Button>
                </Dialog.Close>
                <Button type="submit" disabled={pending}>
                  {pending ? "Rescheduling…" : "Reschedule"}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}

/** A DEADLINE interview's new due date: one email to the candidate, with a new link. */
function ExtendDialog({ id, currentDate, timeZone }: { id: string; currentDate: string; timeZone: string }) {
  const [open, setOpen] = useState(false);
  const { state, formAction, onSubmit, pending } = useFormAction(extendDeadlineAction.bind(null, id));
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  const showNotice = useShowNotice();
  useEffect(() => {
    if (state.ok && state.message) showNotice(state.message);
  }, [state, showNotice]);
  const errors = state.fieldErrors ?? {};
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">Extend deadline</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-base font-semibold text-ink-900">Extend deadline</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-ink-600">
            The candidate gets the new date with a new link; answers they have given are kept.
          </Dialog.Description>
          <form action={formAction} onSubmit={onSubmit} noValidate className="mt-4 space-y-4">
            {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
            <Field label="Complete by" hint={`Due at ${DUE_HOUR}:00 their time (${timeZone.replaceAll("_", " ")}).`} errors={errors.dueDate}>
              {(p) => <input {...p} name="dueDate" type="date" min={currentDate} defaultValue={currentDate} className={controlClass} />}
            </Field>
            <div className="flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary">Keep current date</Button>
              </Dialog.Close>
              <Button type="submit" disabled={pending}>
                {pending ? "Extending…" : "Extend deadline"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
