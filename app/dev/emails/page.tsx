import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { previewMessage, renderEmail, templateNames } from "@/lib/email/templates";

export const metadata: Metadata = { title: "Email previews" };

// Development only: every template rendered with its PreviewProps (the react-email preview server
// cannot run beside Next 16 here; see STACK-NOTES).
export default async function EmailPreviewsPage() {
  await connection();
  if (process.env.NODE_ENV === "production") notFound();

  const emails = await Promise.all(
    templateNames.map(async (name) => ({ name, subject: (await renderEmail(previewMessage(name))).subject })),
  );

  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <h1 className="text-2xl font-semibold text-ink-900">Email previews</h1>
      <p className="mt-2 text-ink-600">
        Each template rendered with its <code className="text-sm">PreviewProps</code>, exactly as the outbox renders it.
      </p>
      <ul className="mt-6 divide-y divide-ink-200 rounded-lg bg-white ring-1 ring-ink-200">
        {emails.map(({ name, subject }) => (
          <li key={name} className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2 px-5 py-4">
            <div className="min-w-0">
              <p className="font-medium text-ink-900">{name}</p>
              <p className="text-sm text-ink-600">{subject}</p>
            </div>
            <div className="flex gap-4 text-sm font-medium">
              <Link href={`/dev/emails/${name}`} className="text-accent-700 underline underline-offset-4">
                HTML<span className="sr-only"> of {name}</span>
              </Link>
              <Link href={`/dev/emails/${name}?format=text`} className="text-accent-700 underline underline-offset-4">
                Plain text<span className="sr-only"> of {name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}
