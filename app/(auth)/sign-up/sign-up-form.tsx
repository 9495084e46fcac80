"use client";

import { CredentialsForm } from "@/components/credentials-form";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { signUpAction } from "./actions";

export function SignUpForm() {
  return (
    <CredentialsForm action={signUpAction}>
      {(state, pending) => (
        <>
          <Field label="Your name" errors={state.fieldErrors?.name}>
            {(props) => <input {...props} name="name" autoComplete="name" className={controlClass} />}
          </Field>
          <Field label="Company" errors={state.fieldErrors?.organizationName}>
            {(props) => (
              <input {...props} name="organizationName" autoComplete="organization" className={controlClass} />
            )}
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
        </>
      )}
    </CredentialsForm>
  );
}
