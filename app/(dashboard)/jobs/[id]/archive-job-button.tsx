"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { setJobArchivedAction } from "../actions";

export function ArchiveJobButton({ id, archived, title }: { id: string; archived: boolean; title: string }) {
  if (archived) {
    return (
      <Button variant="secondary" onClick={() => setJobArchivedAction(id, false)}>
        Reopen job
      </Button>
    );
  }
  return (
    <ConfirmDialog
      trigger={<Button variant="secondary">Archive job</Button>}
      title={`Archive “${title}”?`}
      description="Archived jobs keep their questions and past interviews, but you cannot schedule new interviews for them. You can reopen the job at any time."
      confirmLabel="Archive job"
      onConfirm={() => setJobArchivedAction(id, true)}
    />
  );
}
