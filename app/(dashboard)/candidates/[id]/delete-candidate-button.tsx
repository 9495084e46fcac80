"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteCandidateAction } from "../actions";

export function DeleteCandidateButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Delete candidate</Button>}
      title={`Delete ${name}?`}
      description="This removes the candidate and their notes for everyone in your organisation. It cannot be undone."
      confirmLabel="Delete candidate"
      onConfirm={() => deleteCandidateAction(id)}
    />
  );
}
