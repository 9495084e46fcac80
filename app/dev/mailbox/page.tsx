import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { requireMember } from "@/lib/accounts/auth";
import { devToolsEnabled } from "@/lib/config";
import { listMailbox } from "@/lib/email/mailbox";
import { MailList } from "./mail-list";
import { NotForProduction } from "./not-for-production";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

export default async function MailboxPage() {
  await connection();
  if (!devToolsEnabled()) notFound();
  // The email holds live keys: members only, and each sees their own organisation's.
  const member = await requireMember();
  const messages = await listMailbox({ organizationId: member.organizationId, email: member.email });
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <NotForProduction />
      <h1 className="text-2xl font-semibold text-ink-900">Dev mailbox</h1>
      <p className="mt-1 text-sm text-ink-600">Email {member.organizationName} sent, and account email to you, newest first.</p>
      <MailList messages={messages} empty="No email yet. Schedule an interview to get one." />
    </main>
  );
}
