"use client";

import { useDeferredValue } from "react";

/**
 * A polite live region, visible to screen readers only, saying `text`. Screen readers announce a
 * live region's changes, not the text it already has when it appears, so the region goes into the
 * page empty (on the server, on hydration, and when mounted later) and its text follows in the
 * render right after: useDeferredValue renders its initial value "" first. Later changes show a
 * moment after the render that makes them; the same text again changes nothing, so nothing is
 * announced twice.
 */
export function LiveAnnouncement({ text }: { text: string }) {
  const shown = useDeferredValue(text, "");
  return (
    <p aria-live="polite" className="sr-only">
      {shown}
    </p>
  );
}
