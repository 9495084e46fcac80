import type { ReactNode } from "react";

/** One of the portal's end states: a heading, what happened, and what to do next. */
export function StateCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-labelledby="state-title" className="rounded-xl bg-white p-6 text-center shadow-sm ring-1 ring-ink-200 sm:p-10">
      <h1 id="state-title" className="text-2xl font-semibold text-ink-900">
        {title}
      </h1>
      <div className="mx-auto mt-3 max-w-md space-y-3 text-ink-700">{children}</div>
    </section>
  );
}
