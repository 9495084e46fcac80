"use client";

import type { ComponentProps } from "react";
import { OnDemand, onDemand } from "../_components/on-demand";

// The thank-you page's deletion request, in its own chunk: the lobby and the questions, which share
// the page's entry, never show it. Still rendered on the server, so it is there on first paint when
// the thank-you page is loaded directly; after the last answer (a client refresh) the section shows
// its heading while the chunk arrives.
const { Part: DeletionRequest } = onDemand(() => import("./deletion-request").then((m) => m.DeletionRequest));

/** The deletion request for a server component to render: it cannot load a part on demand itself. */
export function DeletionRequestOnDemand(props: ComponentProps<typeof DeletionRequest>) {
  return (
    <OnDemand
      what="The deletion request"
      fallback={
        <section aria-labelledby="deletion-loading-title" aria-busy="true" className="mt-6 rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
          <h2 id="deletion-loading-title" className="text-lg font-semibold text-ink-900">
            Your answers
          </h2>
          <p className="mt-2 text-sm text-ink-600">Loading…</p>
        </section>
      }
    >
      <DeletionRequest {...props} />
    </OnDemand>
  );
}
