"use client";

import Link from "next/link";
import { useFormAction } from "@/components/use-form-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "./actions";

export function VerifyEmailForm({ token }: { token: string }) {
  const { state, formAction, onSubmit, pending } = useFormAction(verifyEmailAction);
  if (state.ok) {
    return (
      <div className="mt-6 space-y-4">
        <Alert tone="success">{state.message}</Alert>
        <Link href="/interviews" className="inline-block text-sm font-medium text-accent-700 underline underline-offset-4">
          Go to your interviews
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
      {state.message && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" className="w-full justify-center" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my address"}
      </Button>
    </form>
  );
}
