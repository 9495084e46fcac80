import type { Metadata } from "next";
import Link from "next/link";
import { findOpenSignUp } from "@/lib/accounts/sign-up";
import { ConfirmSignUpForm } from "./confirm-sign-up-form";

export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer" };

// Opening the link creates nothing (mail scanners open links first): the form's POST, with the
// password chosen at sign-up, does.
export default async function ConfirmSignUpPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const signUp = await findOpenSignUp(token);
  if (!signUp || !token) {
    return (
      <>
        <h1 className="text-xl font-semibold text-ink-900">This link no longer creates an account</h1>
        <p className="mt-2 text-sm text-ink-600">
          It may have expired (links work for 24 hours), been used already, or the address may have an account now.
        </p>
        <p className="mt-6 flex gap-4 text-sm">
          <Link href="/sign-in" className="font-medium text-accent-700 underline underline-offset-4">
            Sign in
          </Link>
          <Link href="/sign-up" className="font-medium text-accent-700 underline underline-offset-4">
            Sign up again
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Finish creating your account</h1>
      <p className="mt-1 text-sm text-ink-600">
        Your address <strong className="font-medium text-ink-800">{signUp.email}</strong> is confirmed. Enter your password to create your
        organisation and sign in.
      </p>
      <ConfirmSignUpForm token={token} email={signUp.email} />
    </>
  );
}
