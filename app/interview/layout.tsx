import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export const metadata: Metadata = { title: "Your interview", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-ink-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center px-4">
          <Logo />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:py-12">
        {children}
      </main>
    </div>
  );
}
