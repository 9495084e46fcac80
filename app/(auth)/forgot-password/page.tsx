import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Reset your password</h1>
      <p className="mt-1 text-sm text-ink-600">Enter your account&apos;s email address and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm text-ink-600">
        <Link href="/sign-in" className="font-medium text-accent-700 underline-offset-4 hover:underline">
          Back to sign in
        </Link>
      </p>
    </>
  );
}
