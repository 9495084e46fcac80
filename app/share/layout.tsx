import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LogoFrame } from "@/components/logo-frame";

// No name in the title or metadata: a blind link's page must not carry it anywhere.
export const metadata: Metadata = { title: "Shared interview", robots: { index: false, follow: false }, referrer: "no-referrer" };

export default function ShareLayout({ children }: { children: ReactNode }) {
  return (
    <LogoFrame mainId="main" mainClassName="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:py-12">
      {children}
    </LogoFrame>
  );
}
