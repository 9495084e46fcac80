import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import type { DeviceNeeds } from "./device-needs";

// Shared by the lobby's device check (device-check.tsx, which comes with the page) and the check
// itself (device-check-runner.tsx, loaded when the candidate asks for it), so what shows while the
// check loads looks like the check starting.

export const DEVICE_WORDS = {
  video: { title: "Check your camera and microphone", button: "Check my camera and microphone", works: "Your camera and microphone work", asking: "camera and microphone" },
  audio: { title: "Check your microphone", button: "Check my microphone", works: "Your microphone works", asking: "microphone" },
} as const;

/** The check's columns: the camera's preview (video interviews only; "Camera off" without one) and what is happening. */
export function CheckArea({ needs, preview, children }: { needs: DeviceNeeds; preview?: ReactNode; children: ReactNode }) {
  return (
    <div className={cn("mt-5 grid gap-5", needs === "video" && "sm:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]")}>
      {needs === "video" && (
        <div className="relative aspect-video overflow-hidden rounded-lg bg-ink-900">
          {preview ?? (
            <div className="flex h-full flex-col items-center justify-center gap-2 text-ink-300">
              <CameraIcon />
              <span className="text-sm">Camera off</span>
            </div>
          )}
        </div>
      )}
      <div className="space-y-4">{children}</div>
    </div>
  );
}

export const iconProps = { width: 20, height: 20, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round", "aria-hidden": true } as const;

function CameraIcon() {
  return (
    <svg {...iconProps} width={32} height={32}>
      <path d="M15 10l4.55-2.28A1 1 0 0 1 21 8.62v6.76a1 1 0 0 1-1.45.9L15 14M5 18h8a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2z" />
    </svg>
  );
}
