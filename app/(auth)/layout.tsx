import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      {/* In the banner landmark: nothing on the page sits outside a landmark. */}
      <header className="mb-8">
        <Logo className="text-xl" />
      </header>
      <main className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-ink-200">{children}</main>
    </div>
  );
}
