"use client";

import { useId, useState } from "react";
import { OnDemand, onDemand } from "../_components/on-demand";

// The form (its action, the character count, the field and its errors) loads the first time the
// disclosure opens, or a moment before when the pointer or the focus reaches it; it stays mounted
// after that, so closing and opening it again keeps what was typed.
const { Part: AccommodationForm, preload } = onDemand(() => import("./accommodation-form").then((m) => m.AccommodationForm));

/**
 * For the lobby: "Need an accommodation?" opens a short form whose message goes to the recruiter
 * by email. `requestedAt` (ISO), when given, says an earlier request was sent.
 */
export function AccommodationRequest({ companyName, requestedAt = null }: { companyName: string; requestedAt?: string | null }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const panelId = useId();

  return (
    <section aria-labelledby={`${panelId}-title`} className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
      <h2 id={`${panelId}-title`} className="text-lg font-semibold text-ink-900">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onPointerEnter={preload}
          onFocus={preload}
          onClick={() => {
            setOpen(!open);
            setOpened(true);
          }}
          className="flex w-full items-center justify-between gap-4 rounded-md text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
        >
          Need an accommodation?
          <span aria-hidden="true" className={`text-ink-500 transition-transform ${open ? "rotate-180" : ""}`}>
            ▾
          </span>
        </button>
      </h2>
      <div id={panelId} hidden={!open} className="mt-3 space-y-4">
        <p className="text-sm text-ink-700">
          If something would help you take this interview — more time to read and answer, more attempts at recorded answers, or anything
          else — tell {companyName}. The recruiter gets your message by email and can adjust the interview or offer you another time.
          Changes can only be made before you start.
        </p>
        {opened && (
          <OnDemand what="The request form" fallback={<p className="text-sm text-ink-600">Loading the form…</p>}>
            <AccommodationForm companyName={companyName} requestedAt={requestedAt} />
          </OnDemand>
        )}
      </div>
    </section>
  );
}
