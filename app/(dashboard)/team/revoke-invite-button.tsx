"use client";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeInviteAction } from "./actions";

export function RevokeInviteButton({ id, email }: { id: string; email: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm">
          Revoke
        </Button>
      }
      title={`Revoke the invitation for ${email}?`}
      description="The link stops working. You can invite them again later."
      confirmLabel="Revoke invitation"
      onConfirm={() => revokeInviteAction(id)}
    />
  );
}
