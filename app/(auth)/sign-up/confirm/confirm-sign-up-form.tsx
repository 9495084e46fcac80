"use client";

import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { CredentialsForm } from "@/components/credentials-form";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { confirmSignUpAction } from "./actions";

export function ConfirmSignUpForm({ token, email }: { token: string; email: string }) {
  return (
    <CredentialsForm action={confirmSignUpAction} email={email}>
      {(state, pending) => (
        <>
          <input type="hidden" name="token" value={token} />
          {/* The new account's time zone for the emails it gets, until changed in Settings. */}
          <BrowserTimeZoneInput name="timeZone" />
          {/* For password managers: which account the password is for. */}
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          <Field label="Password" hint="The one you chose when you signed up." errors={state.fieldErrors?.password}>
            {(props) => <input {...props} name="password" type="password" autoComplete="current-password" className={controlClass} />}
          </Field>
          <Button type="submit" className="w-full justify-center" disabled={pending}>
            {pending ? "Creating your account…" : "Create my account"}
          </Button>
        </>
      )}
    </CredentialsForm>
  );
}
