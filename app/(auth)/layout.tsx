import type { ReactNode } from "react";
import { Logo } from "@/components/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-xl" />
      <main className="w-full max-w-sm rounded-xl bg-white p-8 shadow-sm ring-1 ring-ink-200">{children}</main>
    </div>
  );
}
