"use client";

import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

// The portal's one way to keep a part's code out of the page's first load. It is React.lazy (what
// next/dynamic wraps too) with two things next/dynamic does not give: `preload`, to start fetching
// when the candidate is about to ask for the part, and an in-place message when the code cannot be
// fetched. A part in the first render (the recorder on a reloaded question, the thank-you page's
// deletion request) is still rendered on the server; its code loads as the page hydrates.

/**
 * Around a part of the portal that loads on demand: if its code cannot be fetched (the connection
 * dropped), say so in place and offer a reload, instead of the route's error page replacing the
 * whole page. A rejected lazy import stays rejected, so only a reload can retry it.
 */
class LoadBoundary extends Component<{ what: string; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="mt-4 space-y-3 rounded-md bg-danger-50 px-4 py-3 text-sm text-danger-800 ring-1 ring-danger-200 ring-inset">
        <p>
          {this.props.what} could not load. Check your connection, then reload this page — your link still works.
        </p>
        <Button variant="secondary" size="sm" onClick={() => window.location.reload()}>
          Reload page
        </Button>
      </div>
    );
  }
}

/**
 * A part of the portal whose code loads on demand: `Part` to render (inside `OnDemand`), and
 * `preload` to start fetching a moment early (on pointer enter or focus of what opens it).
 */
export function onDemand<P extends object>(load: () => Promise<ComponentType<P>>) {
  return { Part: lazy(() => load().then((part) => ({ default: part }))), preload: () => void load().catch(() => {}) };
}

/** Shows `fallback` while an on-demand part's code loads, and says so in place if it cannot. */
export function OnDemand({ what, fallback, children }: { what: string; fallback: ReactNode; children: ReactNode }) {
  return (
    <LoadBoundary what={what}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}
