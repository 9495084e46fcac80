"use client";

import { BrowserTimeZoneInput } from "@/components/browser-time-zone-input";
import { CredentialsForm } from "@/components/credentials-form";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";
import { acceptInviteAction } from "./actions";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  return (
    <CredentialsForm action={acceptInviteAction} email={email}>
      {(state, pending) => (
        <>
          <input type="hidden" name="token" value={token} />
          {/* The new account's time zone for the emails it gets, until changed in Settings. */}
          <BrowserTimeZoneInput name="timeZone" />
          <Field label="Your name" errors={state.fieldErrors?.name}>
            {(props) => <input {...props} name="name" autoComplete="name" className={controlClass} />}
          </Field>
          <Field label="Password" hint="At least 10 characters." errors={state.fieldErrors?.password}>
            {(props) => <input {...props} name="password" type="password" autoComplete="new-password" className={controlClass} />}
          </Field>
          <Button type="submit" className="w-full justify-center" disabled={pending}>
            {pending ? "Joining…" : "Join team"}
          </Button>
        </>
      )}
    </CredentialsForm>
  );
}
