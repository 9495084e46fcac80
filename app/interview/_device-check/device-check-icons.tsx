import { cn } from "@/components/ui/cn";
import { iconProps } from "./device-check-frame";

// The icons of the check's outcome, loaded with the check. The camera icon and the shared icon
// props stay in device-check-frame.tsx, which comes with the page: moving them here would pull
// these into the page's first load too.

export function CheckIcon({ className }: { className?: string }) {
  return (
    <svg {...iconProps} className={cn("shrink-0", className)}>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12.5l2.5 2.5L16 9.5" />
    </svg>
  );
}

export function AlertIcon({ className }: { className?: string }) {
  return (
    <svg {...iconProps} className={cn("shrink-0", className)}>
      <path d="M12 3l9.5 16.5h-19z" />
      <path d="M12 10v4M12 17h.01" />
    </svg>
  );
}

export function DeviceIcon({ className }: { className?: string }) {
  return (
    <svg {...iconProps} className={cn("shrink-0", className)}>
      <rect x="7" y="2" width="10" height="20" rx="2" />
      <path d="M11 18h2" />
    </svg>
  );
}
