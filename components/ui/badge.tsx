import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  neutral: "bg-ink-100 text-ink-700",
  accent: "bg-accent-50 text-accent-800",
  success: "bg-success-50 text-success-800",
  warning: "bg-warning-50 text-warning-800",
  danger: "bg-danger-50 text-danger-800",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return <span className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", tones[tone])}>{children}</span>;
}
