"use client";

import { useState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import { changeRoleAction, removeMemberAction } from "./actions";

/** A teammate's role as a choice with its own Save (a select's arrow keys must not save each role they pass). */
export function RoleForm({ userId, name, role, roles }: { userId: string; name: string; role: string; roles: Array<{ value: string; label: string }> }) {
  const { state, formAction, onSubmit, pending } = useFormAction(changeRoleAction.bind(null, userId));
  const [chosen, setChosen] = useState(role);
  const label = `Role of ${name}`;
  return (
    <form action={formAction} onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <Select name="role" aria-label={label} options={roles} value={chosen} onValueChange={setChosen} className="w-36" />
        {chosen !== role && (
          <Button type="submit" size="sm" disabled={pending}>
            {pending ? "Saving…" : "Save role"}
          </Button>
        )}
      </div>
      <p aria-live="polite" className={state.ok ? "text-xs text-ink-600" : "text-xs text-danger-700"}>
        {state.message && !(state.ok && chosen !== role) ? (state.fieldErrors?.role?.join(" ") ?? state.message) : ""}
      </p>
    </form>
  );
}

export function RemoveMemberButton({ userId, name, organizationName, self }: { userId: string; name: string; organizationName: string; self: boolean }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${name}`}>
          Remove
        </Button>
      }
      title={self ? `Leave ${organizationName}?` : `Remove ${name} from ${organizationName}?`}
      description={
        self
          ? "Your account is deleted and you are signed out everywhere. The interviews you scheduled stay with the team."
          : "Their account is deleted and they are signed out everywhere at once. The interviews they scheduled and their history stay with the team."
      }
      confirmLabel={self ? "Leave the team" : "Remove member"}
      onConfirm={() => removeMemberAction(userId)}
    />
  );
}
