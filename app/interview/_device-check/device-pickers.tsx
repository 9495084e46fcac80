"use client";

import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { DeviceNeeds } from "./device-needs";
import type { DeviceChoice, DeviceOption } from "./use-device-check";

/**
 * The camera and microphone choices, shown only where there is a choice to make (more than one
 * device of a kind); choosing one runs the check again with it.
 */
export function DevicePickers({
  needs,
  cameras,
  microphones,
  choice,
  choose,
}: {
  needs: DeviceNeeds;
  cameras: DeviceOption[];
  microphones: DeviceOption[];
  choice: DeviceChoice;
  choose: (next: DeviceChoice) => void;
}) {
  const showCameras = needs === "video" && cameras.length > 1;
  const showMicrophones = microphones.length > 1;
  if (!showCameras && !showMicrophones) return null;
  return (
    <div className="mt-5 grid gap-4 sm:grid-cols-2">
      {showCameras && (
        <Field label="Camera">
          {(p) => <Select {...p} options={cameras.map((d) => ({ value: d.id, label: d.label }))} value={choice.videoId} onValueChange={(videoId) => choose({ videoId })} />}
        </Field>
      )}
      {showMicrophones && (
        <Field label="Microphone">
          {(p) => <Select {...p} options={microphones.map((d) => ({ value: d.id, label: d.label }))} value={choice.audioId} onValueChange={(audioId) => choose({ audioId })} />}
        </Field>
      )}
    </div>
  );
}
