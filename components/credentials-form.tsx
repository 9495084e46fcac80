"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import type { FormState } from "@/lib/form-state";

/**
 * A form that creates an account through a server action and then signs in with what was typed,
 * so a new user lands in the app without typing the password twice.
 */
export function CredentialsForm({
  action,
  email,
  children,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  /** Fixed email (an invitation's); otherwise the form's `email` field. */
  email?: string;
  children: (state: FormState, pending: boolean) => ReactNode;
}) {
  const router = useRouter();
  const { state, formAction, onSubmit, pending } = useFormAction(async (prev: FormState, formData: FormData) => {
    const result = await action(prev, formData);
    if (!result.ok) return result;
    const signedIn = await signIn("credentials", {
      email: email ?? String(formData.get("email")),
      password: String(formData.get("password")),
      redirect: false,
    });
    if (!signedIn?.ok) return { ok: false, message: "Your account is ready, but signing in failed. Please sign in." };
    router.replace("/interviews");
    router.refresh();
    return result;
  });

  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {state.message && <Alert tone="error">{state.message}</Alert>}
      {children(state, pending)}
    </form>
  );
}
