"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { OnDemand, onDemand } from "../_components/on-demand";
import { CheckArea, DEVICE_WORDS } from "./device-check-frame";
import type { DeviceNeeds } from "./device-needs";

// The check itself (getUserMedia, the level meter, the device pickers on Radix Select, the help
// texts) is most of the lobby's JavaScript and runs only when the candidate asks for it: it loads
// then, or a moment before when the pointer or the keyboard focus reaches the button.
const { Part: DeviceCheckRunner, preload } = onDemand(() => import("./device-check-runner").then((m) => m.DeviceCheckRunner));

/**
 * The lobby's device check for interviews with recorded answers. Nothing is requested until the
 * candidate asks; the devices are released as soon as the check has an answer.
 */
export function DeviceCheck({ needs, onResult }: { needs: DeviceNeeds; onResult: (passed: boolean) => void }) {
  const [asked, setAsked] = useState(false);
  // Announced as the check goes; here rather than in the check so it is there, empty, from the start.
  const [status, setStatus] = useState("");
  const section = useRef<HTMLElement>(null);
  const words = DEVICE_WORDS[needs];
  return (
    <section ref={section} aria-labelledby="devices-title" className="rounded-xl bg-white p-6 ring-1 ring-ink-200 sm:p-8">
      <h2 id="devices-title" className="text-lg font-semibold text-ink-900">
        {words.title}
      </h2>
      <p className="mt-1 text-sm text-ink-600">
        This interview has {needs} answers. Check that your {words.asking} {needs === "video" ? "work" : "works"} before you start: it takes a few
        seconds, and nothing is recorded or sent.
      </p>
      <p role="status" className="sr-only">
        {status}
      </p>
      {asked ? (
        <OnDemand
          what="The check"
          fallback={
            <CheckArea needs={needs}>
              <p className="text-sm font-medium text-ink-900">Getting the check ready…</p>
            </CheckArea>
          }
        >
          <DeviceCheckRunner needs={needs} onResult={onResult} onStatus={setStatus} section={section} />
        </OnDemand>
      ) : (
        <CheckArea needs={needs}>
          <p className="text-sm text-ink-700">Your browser will ask to use your {words.asking}. Choose Allow.</p>
          <Button onPointerEnter={preload} onFocus={preload} onClick={() => setAsked(true)}>
            {words.button}
          </Button>
        </CheckArea>
      )}
    </section>
  );
}
