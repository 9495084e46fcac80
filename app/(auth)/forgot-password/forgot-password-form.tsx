"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const { state, formAction, onSubmit, pending } = useFormAction(requestPasswordResetAction);
  if (state.ok) return <Alert tone="success" className="mt-6">{state.message}</Alert>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <Field label="Email" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="email" className={controlClass} />}
      </Field>
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
    </form>
  );
}
