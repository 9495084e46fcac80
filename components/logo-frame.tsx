import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

/** A page with only the logo in its banner: the candidate's portal and the site-wide 404. */
export function LogoFrame({ mainId, mainClassName, children }: { mainId?: string; mainClassName: string; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="border-b border-ink-200 bg-white">
        <div className="mx-auto flex h-14 max-w-3xl items-center px-4">
          <Logo />
        </div>
      </header>
      <main id={mainId} className={mainClassName}>
        {children}
      </main>
    </div>
  );
}
