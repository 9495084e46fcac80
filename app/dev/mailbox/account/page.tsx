import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { controlClass } from "@/components/ui/control-class";
import { devToolsEnabled } from "@/lib/config";
import { listAccountMail } from "@/lib/email/mailbox";
import { MailList } from "../mail-list";
import { NotForProduction } from "../not-for-production";

export const metadata: Metadata = { title: "Dev mailbox: account email", robots: { index: false } };

/** Account email (sign-up confirmations, password resets) for someone who cannot sign in yet: by address. */
export default async function AccountMailPage({ searchParams }: { searchParams: Promise<{ to?: string }> }) {
  await connection();
  if (!devToolsEnabled()) notFound();
  const to = (await searchParams).to?.slice(0, 320) ?? "";
  const messages = to ? await listAccountMail(to) : [];
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <NotForProduction />
      <h1 className="text-2xl font-semibold text-ink-900">Dev mailbox: account email</h1>
      <p className="mt-1 text-sm text-ink-600">
        Sign-up confirmations and password resets go to an address, not an organisation. Signed in, your own are in the{" "}
        <Link href="/dev/mailbox" className="underline underline-offset-4">
          mailbox
        </Link>
        .
      </p>
      <form className="mt-6 flex gap-3" action="/dev/mailbox/account">
        <label htmlFor="account-mail-to" className="sr-only">
          Email address
        </label>
        <input id="account-mail-to" name="to" type="email" defaultValue={to} placeholder="name@example.com" className={controlClass} />
        <button type="submit" className="rounded-md bg-accent-600 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-700">
          Show
        </button>
      </form>
      {to && <MailList messages={messages} empty={`No account email to ${to} yet.`} />}
    </main>
  );
}
