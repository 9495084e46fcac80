import type { Metadata } from "next";
import Link from "next/link";
import { findOpenInvite } from "@/lib/accounts/members";
import { AcceptInviteForm } from "./accept-invite-form";

export const metadata: Metadata = { title: "Join your team", referrer: "no-referrer" };

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const invite = await findOpenInvite(token);
  if (!invite || !token) {
    return (
      <>
        <h1 className="text-xl font-semibold text-ink-900">This invitation is not valid</h1>
        <p className="mt-2 text-sm text-ink-600">
          It may have expired, been used already, or been replaced by a newer one. Ask the person who invited you to send a new link.
        </p>
        <Link href="/sign-in" className="mt-6 inline-block text-sm font-medium text-accent-700 underline underline-offset-4">
          Go to sign in
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold text-ink-900">Join {invite.organizationName}</h1>
      <p className="mt-1 text-sm text-ink-600">
        Create your account for <strong className="font-medium text-ink-800">{invite.email}</strong>.
      </p>
      <AcceptInviteForm token={token} email={invite.email} />
    </>
  );
}
