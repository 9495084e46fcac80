import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  error: "bg-danger-50 text-danger-800 ring-danger-200",
  success: "bg-success-50 text-success-800 ring-success-200",
  info: "bg-accent-50 text-accent-900 ring-accent-200",
} as const;

/** A message box; errors are announced assertively, others politely. */
export function Alert({ tone = "info", children, className }: { tone?: keyof typeof tones; children: ReactNode; className?: string }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-md px-4 py-3 text-sm ring-1 ring-inset", tones[tone], className)}>
      {children}
    </div>
  );
}
