"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(changePasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" aria-labelledby="password-heading">
      <h3 id="password-heading" className="text-sm font-semibold text-ink-900">
        Change your password
      </h3>
      {state.message && !state.ok && <Alert tone="error">{state.message}</Alert>}
      {/* For password managers: which account the new password is for. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" errors={state.fieldErrors?.currentPassword} className="max-w-sm">
        {(p) => <input {...p} name="currentPassword" type="password" autoComplete="current-password" className={controlClass} />}
      </Field>
      <Field label="New password" hint="At least 10 characters." errors={state.fieldErrors?.newPassword} className="max-w-sm">
        {(p) => <input {...p} name="newPassword" type="password" autoComplete="new-password" className={controlClass} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change password"}
      </Button>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </form>
  );
}
