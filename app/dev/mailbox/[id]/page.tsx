import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { currentMember } from "@/lib/accounts/auth";
import { devToolsEnabled } from "@/lib/config";
import { findMailboxMessage } from "@/lib/email/mailbox";
import { NotForProduction } from "../not-for-production";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!devToolsEnabled()) notFound();
  const member = await currentMember();
  const message = await findMailboxMessage(member && { organizationId: member.organizationId, email: member.email }, (await params).id);
  if (!message) {
    // An organisation's email asks the signed-out to sign in, as the list does.
    if (!member) redirect("/sign-in");
    notFound();
  }
  return (
    <main className="mx-auto max-w-4xl space-y-6 px-4 py-10">
      <NotForProduction />
      <Link href="/dev/mailbox" className="text-sm text-ink-600 hover:text-ink-900">
        ← Dev mailbox
      </Link>
      <div>
        <h1 className="text-2xl font-semibold text-ink-900">{message.subject}</h1>
        <p className="mt-1 text-sm text-ink-600">To {message.toEmail}</p>
        {message.replyTo && <p className="mt-1 text-sm text-ink-600">Reply-To {message.replyTo}</p>}
      </div>
      {message.attachments.length > 0 && (
        <ul className="flex flex-wrap gap-3 text-sm">
          {message.attachments.map((a, i) => (
            <li key={i}>
              <a href={`/dev/mailbox/${message.id}/ics?index=${i}`} download={a.filename} className="font-medium text-accent-700 underline underline-offset-4">
                Download {a.filename}
              </a>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="html-heading">
        <h2 id="html-heading" className="mb-2 text-sm font-semibold text-ink-700">
          HTML
        </h2>
        {/* Sandboxed without scripts; links open in a new tab so the mailbox stays put. */}
        <iframe
          title={`Email: ${message.subject}`}
          srcDoc={message.html.replace("<head>", '<head><base target="_blank">')}
          sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
          className="h-[44rem] w-full rounded-lg bg-white ring-1 ring-ink-200"
        />
      </section>
      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="mb-2 text-sm font-semibold text-ink-700">
          Plain text
        </h2>
        <pre className="overflow-x-auto rounded-lg bg-white p-4 text-sm whitespace-pre-wrap text-ink-900 ring-1 ring-ink-200">{message.text}</pre>
      </section>
    </main>
  );
}
