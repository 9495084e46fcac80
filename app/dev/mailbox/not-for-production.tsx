import { devMailboxOptedIn } from "@/lib/config";

/** The warning every mailbox page opens with: what it shows, and that a deployment must never have it. */
export function NotForProduction() {
  return (
    <div className="mb-6 rounded-lg bg-danger-50 px-5 py-4 text-sm text-danger-800 ring-1 ring-danger-200 ring-inset">
      <p className="text-base font-semibold">Development mailbox — not for production</p>
      <p className="mt-1">
        Without <code>RESEND_API_KEY</code> Kairos delivers email here instead of sending it. It shows your organisation&apos;s email as the
        recipients would read it, <strong>working interview links and session keys included</strong>. A deployment sends through Resend and
        has no mailbox.
      </p>
      {devMailboxOptedIn() && (
        <p className="mt-1 font-semibold">This production build runs with KAIROS_DEV_MAILBOX=unsafe-test-only: a test server, never a real deployment.</p>
      )}
    </div>
  );
}
