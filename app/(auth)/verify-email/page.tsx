import type { Metadata } from "next";
import Link from "next/link";
import { findOpenVerification } from "@/lib/accounts/email-verification";
import { VerifyEmailForm } from "./verify-email-form";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

// Opening the link confirms nothing (mail scanners open links first): the button's POST does.
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const verification = await findOpenVerification(token);
  if (!verification || !token) {
    return (
      <>
        <h1 className="text-xl font-semibold text-ink-900">This link is not valid</h1>
        <p className="mt-2 text-sm text-ink-600">
          It may have expired (links work for 24 hours) or been used already. Sign in and send yourself a new one from the top of any page.
        </p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-accent-700 underline underline-offset-4">
          Go to sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Confirm your email address</h1>
      <p className="mt-1 text-sm text-ink-600">
        Confirm that <strong className="font-medium text-ink-800">{verification.email}</strong> is yours, so Kairos may email candidates and
        teammates on your behalf.
      </p>
      <VerifyEmailForm token={token} />
    </>
  );
}
