"use client";

import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { FormDialog } from "@/components/form-dialog";
import { Button } from "@/components/ui/button";
import { ChoiceList } from "@/components/ui/choice-list";
import { Field, controlClass } from "@/components/ui/field";
import { requestReviewsAction } from "../actions";
import { useShowNotice } from "./page-notice";

export type Teammate = { id: string; name: string; role: string; asked: boolean };

/**
 * Asks teammates to review one completed interview or several (the interviews list's "to review"
 * page), by an optional date. `about` names what they review: "Ada's answers", "these 12 interviews".
 */
export function RequestReviewDialog({
  interviewIds,
  about,
  teammates,
  minDate,
  triggerLabel = "Request review",
}: {
  interviewIds: string[];
  about: string;
  teammates: Teammate[];
  minDate: string;
  triggerLabel?: string;
}) {
  const showNotice = useShowNotice();
  const several = interviewIds.length > 1;
  const id = several ? "many" : interviewIds[0];
  return (
    <FormDialog
      trigger={<Button variant="secondary">{triggerLabel}</Button>}
      title="Request review"
      description={`Each teammate you choose gets ${several ? "one email listing" : "an email with a link to"} ${about}, and a reminder the day before the date if they have not scored ${several ? "them" : "it"}. Reviewers see only the interviews they are asked to review, without contact details.`}
      action={requestReviewsAction}
      cancelLabel="Cancel"
      submitLabel="Send requests"
      pendingLabel="Sending…"
      onDone={showNotice}
      wide
    >
      {(errors) => (
        <>
          {interviewIds.map((interviewId) => (
            <input key={interviewId} type="hidden" name="interviewId" value={interviewId} />
          ))}
          <BrowserTimeZoneInput />
          <ChoiceList
            name="reviewerId"
            legend="Teammates"
            errorId={`request-review-${id}-error`}
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
