"use client";

import { Dialog } from "radix-ui";
import { useRef, useState } from "react";
import { Logo } from "@/components/logo";
import { NavLink } from "@/components/nav-link";

const ALL_DESTINATIONS = [
  { href: "/interviews", label: "Interviews", recruiters: false },
  { href: "/jobs", label: "Jobs", recruiters: true },
  { href: "/candidates", label: "Candidates", recruiters: true },
  { href: "/search", label: "Search", recruiters: false },
  { href: "/team", label: "Team", recruiters: false },
  { href: "/settings", label: "Settings", recruiters: false },
] as const;

/**
 * The dashboard's destinations: a row in the header from md up; below it a "Menu" button opening a
 * sheet with every destination (Radix Dialog: aria-expanded on the button, focus moves in, Escape
 * and choosing a destination close it, focus goes back to the button).
 */
export function MainNav({ managesInterviews }: { /** Jobs and candidates are for recruiters and above; a reviewer sees neither. */ managesInterviews: boolean }) {
  const DESTINATIONS = ALL_DESTINATIONS.filter((d) => managesInterviews || !d.recruiters);
  const [open, setOpen] = useState(false);
  const sheet = useRef<HTMLElement>(null);
  return (
    <>
      <nav aria-label="Main" className="hidden flex-1 gap-1 md:flex">
        {DESTINATIONS.map((d) => (
          <NavLink key={d.href} href={d.href}>
            {d.label}
          </NavLink>
        ))}
      </nav>
      <div className="flex-1 md:hidden" />
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Trigger className="flex h-9 items-center gap-2 rounded-md px-2.5 text-sm font-medium text-ink-800 ring-1 ring-ink-300 ring-inset hover:bg-ink-100 focus-visible:outline-2 focus-visible:outline-accent-600 md:hidden">
          <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
            <path d="M3 5h14M3 10h14M3 15h14" />
          </svg>
          Menu
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40 md:hidden" />
          <Dialog.Content
            aria-describedby={undefined}
            // Focus starts on where you are (the current page's link), the first destination elsewhere.
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              (sheet.current?.querySelector<HTMLElement>('[aria-current="page"]') ?? sheet.current?.querySelector<HTMLElement>("a"))?.focus();
            }}
            className="fixed inset-x-0 top-0 z-50 max-h-dvh overflow-y-auto rounded-b-xl bg-white px-4 pt-3 pb-5 shadow-xl md:hidden"
          >
            <div className="flex h-10 items-center justify-between">
              <Logo />
              <Dialog.Title className="sr-only">Menu</Dialog.Title>
            </div>
            <nav ref={sheet} aria-label="Main" className="mt-3">
              <ul className="grid gap-1">
                {DESTINATIONS.map((d) => (
                  <li key={d.href}>
                    <NavLink href={d.href} onClick={() => setOpen(false)} sheet>
                      {d.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
            <Dialog.Close className="mt-4 w-full rounded-md py-2.5 text-sm font-medium text-ink-700 ring-1 ring-ink-300 ring-inset hover:bg-ink-100 focus-visible:outline-2 focus-visible:outline-accent-600">
              Close menu
            </Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}
