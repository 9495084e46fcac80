import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default function SignUpPage() {
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Create your Kairos account</h1>
      <p className="mt-1 text-sm text-ink-600">You will be the owner of a new organisation and can invite your team.</p>
      <SignUpForm />
      <p className="mt-6 text-center text-sm text-ink-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-accent-700 underline-offset-4 hover:underline">
          Sign in
        </Link>
      </p>
    </>
  );
}
