"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * Shown to a signed-in user whose address is not confirmed yet: the way out of the refusal that
 * scheduling and invitations give them. `send` is the server action that emails the link.
 */
export function VerifyEmailBanner({ email, send }: { email: string; send: () => Promise<string | undefined> }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="verify-heading" className="border-b border-warning-200 bg-warning-50">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm text-ink-800">
        <h2 id="verify-heading" className="font-semibold text-ink-900">
          Confirm your email address
        </h2>
        <p className="flex-1">
          Kairos emails candidates and teammates on your behalf, so it must know {email} is yours before you schedule interviews or invite anyone.
        </p>
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const problem = await send();
              setOutcome(problem ? { ok: false, message: problem } : { ok: true, message: `Sent. Follow the link in the email to ${email}.` });
            })
          }
        >
          {pending ? "Sending…" : "Send confirmation email"}
        </Button>
        <p role={outcome?.ok === false ? "alert" : "status"} className="w-full empty:hidden">
          {outcome?.message}
        </p>
      </div>
    </section>
  );
}
