"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A destination in the main navigation; `sheet` is the larger one of the phone menu. */
export function NavLink({ href, children, sheet, onClick }: { href: string; children: ReactNode; sheet?: boolean; onClick?: () => void }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      onClick={onClick}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 font-medium",
        sheet ? "block py-3 text-base" : "py-2 text-sm",
        active ? "bg-accent-50 text-accent-800" : "text-ink-700 hover:bg-ink-100 hover:text-ink-900",
      )}
    >
      {children}
    </Link>
  );
}
