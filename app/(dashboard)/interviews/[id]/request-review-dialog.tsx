"use client";

import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "@/components/ui/choice-list";
import { Field, controlClass } from "@/components/ui/field";
import { requestReviewsAction } from "../actions";
import { useShowNotice } from "./page-notice";

export type Teammate = { id: string; name: string; role: string; asked: boolean };

/** Asks teammates to review this completed interview, by an optional date. */
export function RequestReviewDialog({ interviewId, candidateName, teammates, minDate }: { interviewId: string; candidateName: string; teammates: Teammate[]; minDate: string }) {
  const showNotice = useShowNotice();
  return (
    <FormDialog
      trigger={<Button variant="secondary">Request review</Button>}
      title="Request review"
      description={`Each teammate you choose gets an email with a link to ${candidateName}'s answers, and a reminder the day before the date if they have not scored it. Reviewers see only the interviews they are asked to review, without contact details.`}
      action={requestReviewsAction}
      cancelLabel="Cancel"
      submitLabel="Send requests"
      pendingLabel="Sending…"
      onDone={showNotice}
      wide
    >
      {(errors) => (
        <>
          <input type="hidden" name="interviewId" value={interviewId} />
          <BrowserTimeZoneInput />
          <ChoiceList
            name="reviewerId"
            legend="Teammates"
            errorId={`request-review-${interviewId}-error`}
            errors={errors.reviewerIds ?? errors.interviewIds}
            choices={teammates.map((t) => ({
              value: t.id,
              label: (
                <>
                  <span className="font-medium">{t.name}</span> <span className="text-ink-500">· {t.role}{t.asked ? " · already asked" : ""}</span>
                </>
              ),
            }))}
          />
          <Field label="Review by (optional)" hint="17:00 your time that day. Leave empty for no date." errors={errors.dueDate ?? errors.dueAt}>
            {(p) => <input {...p} name="dueDate" type="date" min={minDate} className={controlClass} />}
          </Field>
        </>
      )}
    </FormDialog>
  );
}
