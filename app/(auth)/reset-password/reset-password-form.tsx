"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(resetPasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      {/* For password managers: which account the new password is for. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="New password" hint="At least 10 characters." errors={state.fieldErrors?.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" className={controlClass} />}
      </Field>
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
