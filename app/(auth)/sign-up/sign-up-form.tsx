"use client";

import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { signUpAction } from "./actions";

export function SignUpForm() {
  const { state, formAction, onSubmit, pending } = useFormAction(signUpAction);
  if (state.ok) {
    return (
      <div role="status" className="mt-6 rounded-md bg-accent-50 px-4 py-4 ring-1 ring-accent-200 ring-inset">
        <h2 className="text-base font-semibold text-ink-900">Check your email</h2>
        <p className="mt-1 text-sm text-ink-700">{state.message}</p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <Field label="Your name" errors={state.fieldErrors?.name}>
        {(props) => <input {...props} name="name" autoComplete="name" className={controlClass} />}
      </Field>
      <Field label="Company" errors={state.fieldErrors?.organizationName}>
        {(props) => <input {...props} name="organizationName" autoComplete="organization" className={controlClass} />}
      </Field>
      <Field label="Work email" errors={state.fieldErrors?.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="email" className={controlClass} />}
      </Field>
      <Field label="Password" hint="At least 10 characters." errors={state.fieldErrors?.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" className={controlClass} />}
      </Field>
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
