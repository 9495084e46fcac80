import Link from "next/link";
import { LocalDate } from "@/components/local-date";

/** Delivered messages, newest first, each opening its page; `empty` when there are none. */
export function MailList({ messages, empty }: { messages: Array<{ id: string; subject: string; toEmail: string; deliveredAt: Date }>; empty: string }) {
  if (messages.length === 0) {
    return <p className="mt-8 rounded-lg border border-dashed border-ink-300 bg-white p-8 text-center text-ink-600">{empty}</p>;
  }
  return (
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
  );
}
