"use client";

import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { FormDialog } from "@/components/form-dialog";
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
  const showNotice = useShowNotice();
  return (
    <FormDialog
      trigger={<Button variant="secondary">Reschedule</Button>}
      title="Reschedule"
      description="The candidate gets the new time with a new link and calendar update; reminders move with it."
      action={rescheduleInterviewAction.bind(null, id)}
      cancelLabel="Keep current time"
      submitLabel="Reschedule"
      pendingLabel="Rescheduling…"
      onDone={showNotice}
    >
      {(errors) => (
        <>
          <BrowserTimeZoneInput />
          <Field label="New date and time" hint="In your time zone." errors={errors.scheduledAtLocal ?? errors.scheduledAt}>
            {(p) => <input {...p} name="scheduledAtLocal" type="datetime-local" className={controlClass} />}
          </Field>
          <Field label="Duration (minutes)" errors={errors.durationMinutes}>
            {(p) => <input {...p} name="durationMinutes" type="number" min={INTERVIEW_MINUTES.min} max={INTERVIEW_MINUTES.max} defaultValue={durationMinutes} className={controlClass} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}

/** A DEADLINE interview's new due date: one email to the candidate, with a new link. */
function ExtendDialog({ id, currentDate, timeZone }: { id: string; currentDate: string; timeZone: string }) {
  const showNotice = useShowNotice();
  return (
    <FormDialog
      trigger={<Button variant="secondary">Extend deadline</Button>}
      title="Extend deadline"
      description="The candidate gets the new date with a new link; answers they have given are kept."
      action={extendDeadlineAction.bind(null, id)}
      cancelLabel="Keep current date"
      submitLabel="Extend deadline"
      pendingLabel="Extending…"
      onDone={showNotice}
    >
      {(errors) => (
        <Field label="Complete by" hint={`Due at ${DUE_HOUR}:00 their time (${timeZone.replaceAll("_", " ")}).`} errors={errors.dueDate}>
          {(p) => <input {...p} name="dueDate" type="date" min={currentDate} defaultValue={currentDate} className={controlClass} />}
        </Field>
      )}
    </FormDialog>
  );
}
