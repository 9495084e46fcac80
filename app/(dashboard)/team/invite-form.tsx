"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { inviteTeammateAction } from "./actions";

export function InviteForm({ roles }: { roles: Array<{ value: string; label: string }> }) {
  const { state, formAction, onSubmit, pending } = useFormAction(inviteTeammateAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg bg-white p-6 ring-1 ring-ink-200">
      <h2 className="text-base font-semibold text-ink-900">Invite a teammate</h2>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <div className="flex flex-wrap items-start gap-3">
        <Field label="Email" className="min-w-64 flex-1" errors={state.fieldErrors?.email}>
          {(p) => <input {...p} name="email" type="email" autoComplete="off" className={controlClass} />}
        </Field>
        <Field label="Role" className="w-40" errors={state.fieldErrors?.role}>
          {(p) => <Select {...p} name="role" options={roles} defaultValue="RECRUITER" />}
        </Field>
        <Button type="submit" className="mt-7" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </div>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
