import type { Metadata } from "next";
import Link from "next/link";
import { findOpenPasswordReset } from "@/lib/accounts/password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

// Opening the link uses nothing up (mail scanners open links first): only the form's POST does.
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const reset = await findOpenPasswordReset(token);
  if (!reset || !token) {
    return (
      <>
        <h1 className="text-xl font-semibold text-ink-900">This link is not valid</h1>
        <p className="mt-2 text-sm text-ink-600">It may have expired (links work for one hour), been used already, or been replaced by a newer one.</p>
        <Link href="/forgot-password" className="mt-6 inline-block text-sm font-medium text-accent-700 underline underline-offset-4">
          Ask for a new link
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Choose a new password</h1>
      <p className="mt-1 text-sm text-ink-600">
        For <strong className="font-medium text-ink-800">{reset.email}</strong>. Every browser signed in to your account will be signed out.
      </p>
      <ResetPasswordForm token={token} email={reset.email} />
    </>
  );
}
