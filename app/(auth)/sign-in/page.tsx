import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentUserId } from "@/lib/accounts/auth";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }> }) {
  const { callbackUrl, error, reset } = await searchParams;
  const next = safeRedirect(callbackUrl);
  if (await currentUserId()) redirect(next);
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Sign in to Kairos</h1>
      <p className="mt-1 text-sm text-ink-600">Schedule interviews and review answers.</p>
      {reset && (
        <Alert tone="success" className="mt-6">
          Your password was changed, and every browser signed in to your account was signed out. Sign in with your new password.
        </Alert>
      )}
      <SignInForm callbackUrl={next} failed={Boolean(error)} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-accent-700 underline-offset-4 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-6 text-center text-sm text-ink-600">
        New to Kairos?{" "}
        <Link href="/sign-up" className="font-medium text-accent-700 underline-offset-4 hover:underline">
          Create an account
        </Link>
      </p>
    </>
  );
}

/** Only a path on this site: a crafted callbackUrl must not send a recruiter elsewhere. */
function safeRedirect(url: string | undefined): string {
  if (!url) return "/interviews";
  try {
    // An absolute URL keeps only its path, so the result always stays on this origin.
    const { pathname, search } = new URL(url, "http://kairos.invalid");
    const path = pathname + search;
    return path.startsWith("/") && !path.startsWith("//") && !pathname.startsWith("/sign-in") ? path : "/interviews";
  } catch {
    return "/interviews";
  }
}
