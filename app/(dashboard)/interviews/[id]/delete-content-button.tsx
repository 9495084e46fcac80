"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteInterviewContentAction } from "../actions";

export function DeleteContentButton({ interviewId, candidateName, requested }: { interviewId: string; candidateName: string; requested: boolean }) {
  return (
    <ConfirmDialog
      trigger={<Button variant={requested ? "danger" : "secondary"}>Delete answers and recordings now</Button>}
      title={`Delete ${candidateName}'s answers and recordings?`}
      description="Every answer and recording of this interview is deleted for good, with every reviewer’s ratings and notes on them. The interview, its decision, the reviewers’ recommendations and its history stay. This cannot be undone."
      confirmLabel="Delete answers and recordings"
      onConfirm={() => deleteInterviewContentAction(interviewId)}
    />
  );
}
