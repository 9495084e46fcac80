"use client";

import { useEffect, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

/**
 * Takes `name` out of the address once the page has shown what it asked for ("?saved=1",
 * "?scheduled=1"), so a reload or a bookmark does not bring the message back. Next's router follows
 * history.replaceState: no navigation, no new render.
 */
export function useDropQuery(name: string | undefined) {
  useEffect(() => {
    if (!name) return;
    const url = new URL(window.location.href);
    if (!url.searchParams.has(name)) return;
    url.searchParams.delete(name);
    window.history.replaceState(null, "", url);
  }, [name]);
}

/** A success message asked for by a query parameter, shown once. */
export function OneTimeNotice({ dropQuery, children }: { dropQuery: string; children: ReactNode }) {
  useDropQuery(dropQuery);
  return (
    <Alert tone="success" className="mb-6">
      {children}
    </Alert>
  );
}
