"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, controlClass } from "@/components/ui/field";

const GENERIC_FAILURE = "That email and password do not match an account.";

export function SignInForm({ callbackUrl, failed }: { callbackUrl: string; failed: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(failed ? GENERIC_FAILURE : null);
  const [pending, startTransition] = useTransition();

  return (
    <form
      // Submitted before the script loads, the browser sends the form itself: POST keeps the
      // password out of the address, the history and the server's request log.
      method="post"
      className="mt-6 space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        startTransition(async () => {
          setError(null);
          const result = await signIn("credentials", {
            email: String(form.get("email") ?? ""),
            password: String(form.get("password") ?? ""),
            redirect: false,
          });
          if (result?.ok && !result.error) {
            router.replace(callbackUrl);
            router.refresh();
          } else {
            setError(result?.status === 401 || result?.error === "CredentialsSignin" ? GENERIC_FAILURE : "Sign-in is unavailable right now. Please try again.");
          }
        });
      }}
    >
      {error && <Alert tone="error">{error}</Alert>}
      <Field label="Email">
        {(props) => <input {...props} name="email" type="email" autoComplete="email" required className={controlClass} />}
      </Field>
      <Field label="Password">
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required className={controlClass} />}
      </Field>
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
