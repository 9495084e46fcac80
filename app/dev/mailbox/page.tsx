import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { LocalDate } from "@/components/local-date";
import { requireMember } from "@/lib/auth";
import { devToolsEnabled } from "@/lib/config";
import { listMailbox } from "@/lib/email/mailbox";
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
      {messages.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-ink-300 bg-white p-8 text-center text-ink-600">No email yet. Schedule an interview to get one.</p>
      ) : (
        <ul className="mt-6 divide-y divide-ink-200 rounded-lg bg-white ring-1 ring-ink-200">
          {messages.map((m) => (
            <li key={m.id} className="relative px-5 py-3 hover:bg-ink-50">
              <Link href={`/dev/mailbox/${m.id}`} className="font-medium text-ink-900 after:absolute after:inset-0">
                {m.subject}
              </Link>
              <p className="text-sm text-ink-600">
                To {m.toEmail} · <LocalDate value={m.deliveredAt.toISOString()} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
