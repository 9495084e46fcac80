import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Pill links that switch a list between views (the current one is marked for screen readers too). */
export function FilterTabs({ label, tabs }: { label: string; tabs: Array<{ label: string; href: string; current: boolean }> }) {
  return (
    <nav aria-label={label} className="mb-4 flex gap-2">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cn("rounded-full px-3 py-1 text-sm font-medium", tab.current ? "bg-ink-900 text-white" : "text-ink-700 hover:bg-ink-100")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
