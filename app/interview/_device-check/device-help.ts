// The device check's decisions and words, kept free of React and the DOM so they can be unit-tested
// (tests/device-help.test.ts) and read in one place.

import type { DeviceNeeds } from "./device-needs";

export type HelpVariant = "blocked" | "no-device" | "in-use" | "no-picture" | "unsupported-browser" | "recording-unsupported" | "unknown";

export type DeviceHelp = {
  title: string;
  intro: string;
  /** Ordered steps; a label names the browser or situation a step is for. */
  steps: Array<{ label?: string; text: string }>;
  /** Whether trying again in this browser can help (it cannot when the browser lacks the feature). */
  retry: boolean;
};

/** Maps the name of the DOMException getUserMedia rejected with to the help to show. */
export function helpVariantFor(errorName: string | undefined): HelpVariant {
  switch (errorName) {
    // PermissionDeniedError, DevicesNotFoundError, TrackStartError…: names older Chrome used.
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return "blocked";
    case "NotFoundError":
    case "OverconstrainedError":
    case "DevicesNotFoundError":
    case "ConstraintNotSatisfiedError":
      return "no-device";
    case "NotReadableError":
    case "AbortError":
    case "TrackStartError":
      return "in-use";
    default:
      return "unknown";
  }
}

type MediaRecorderLike = { isTypeSupported?: (type: string) => boolean } | undefined;

const RECORDING_TYPES: Record<DeviceNeeds, string[]> = {
  video: ["video/webm", "video/mp4"],
  audio: ["audio/webm", "audio/mp4"],
};

/** Whether this browser can record the answers at all: a check that passes must mean recording works. */
export function recordingSupported(needs: DeviceNeeds, recorder: MediaRecorderLike): boolean {
  if (!recorder) return false;
  // isTypeSupported is part of every shipped MediaRecorder; without it, trust the browser's default type.
  if (typeof recorder.isTypeSupported !== "function") return true;
  return RECORDING_TYPES[needs].some((type) => recorder.isTypeSupported!(type));
}

/** Below this RMS (about −40 dBFS) a microphone counts as silent: room hiss after noise suppression. */
export const HEARD_RMS = 0.01;

/** A 0–100 meter reading from an RMS amplitude, on a −60…−10 dBFS scale so speech fills most of it. */
export function levelFromRms(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.round(Math.min(100, Math.max(0, ((db + 60) / 50) * 100)));
}

const devicesOf = (needs: DeviceNeeds) => (needs === "video" ? "camera and microphone" : "microphone");
const allowWhat = (needs: DeviceNeeds) => (needs === "video" ? "Camera and Microphone" : "Microphone");

/** The help panel for a failed check. */
export function deviceHelp(variant: HelpVariant, needs: DeviceNeeds): DeviceHelp {
  const devices = devicesOf(needs);
  const allow = allowWhat(needs);
  const either = needs === "video" ? "camera or microphone" : "microphone";
  const icon = needs === "video" ? "camera" : "microphone";
  switch (variant) {
    case "blocked":
      return {
        title: `Your browser is blocking your ${devices}`,
        intro: `Kairos needs your permission to use your ${devices}. Nothing is recorded during this check.`,
        steps: [
          {
            label: "Chrome or Edge",
            text: `Select the icon at the left of the address bar (a crossed-out ${icon}, or the site settings icon), set ${allow} to Allow, then choose Try again.`,
          },
          { label: "Firefox", text: `Select the crossed-out ${either} icon in the address bar, remove the “Blocked” permission, then choose Try again.` },
          { label: "Safari on a Mac", text: `Choose Safari › Settings for This Website, set ${allow} to Allow, then reload this page.` },
          { label: "iPhone or iPad", text: `Tap the “aA” icon in the address bar › Website Settings, set ${allow} to Allow, then reload this page.` },
          {
            label: "Still blocked",
            text: `Your computer may be blocking the browser itself. On a Mac: System Settings › Privacy & Security › ${allow}. On Windows: Settings › Privacy & security › ${allow}. Turn access on for your browser, then restart it.`,
          },
        ],
        retry: true,
      };
    case "no-device":
      return {
        title: `We can't find a ${either}`,
        intro: `Your browser reports no ${either} connected, or the one chosen was unplugged.`,
        steps: [
          { text: `Plug in a ${needs === "video" ? "webcam and a microphone or headset" : "microphone or headset"}, then choose Try again.` },
          { text: "On a laptop, check that the built-in one isn't turned off in your computer's settings or with a keyboard switch." },
          { text: "No device here? Continue on another one (see below)." },
        ],
        retry: true,
      };
    case "in-use":
      return {
        title: `Your ${either} is in use by another app`,
        intro: `Another app or browser tab is using your ${either}, or your computer couldn't start it.`,
        steps: [
          { text: "Close apps that may be using it, such as Zoom, Microsoft Teams, Google Meet or FaceTime, and other tabs with a video call." },
          { text: "Choose Try again." },
          { text: "Still not working? Restart your browser, or unplug and reconnect an external device." },
        ],
        retry: true,
      };
    case "no-picture":
      return {
        title: "We can't see a picture from your camera",
        intro: "Your camera is connected but isn't sending video.",
        steps: [
          { text: "Open any privacy shutter or cover over the lens." },
          { text: "Close other apps that use the camera, such as Zoom or Microsoft Teams." },
          { text: "If you have more than one camera, choose another one in the list, then choose Try again." },
        ],
        retry: true,
      };
    case "unsupported-browser":
      return {
        title: `This browser can't use your ${devices} here`,
        intro: `Using your ${devices} needs a current browser and a secure (https) connection.`,
        steps: [
          { text: "Open this page in a current version of Chrome, Edge, Firefox or Safari." },
          { text: "Make sure the address starts with https:// — open the link exactly as it is in your invitation email." },
          { text: `Browsers built into other apps (mail or chat apps) often can't use the ${icon}: open the link in your regular browser.` },
        ],
        retry: false,
      };
    case "recording-unsupported":
      return {
        title: `This browser can't record ${needs === "video" ? "video" : "audio"} answers`,
        intro: `Your interview has ${needs === "video" ? "video" : "audio"} answers, and this browser can't record them.`,
        steps: [
          { text: "Open this page in a current version of Chrome, Edge, Firefox or Safari." },
          { text: "If your browser has an update waiting, install it and open the link again." },
        ],
        retry: false,
      };
    case "unknown":
      return {
        title: `We couldn't start your ${devices}`,
        intro: "Something went wrong while your browser started them.",
        steps: [
          { text: "Choose Try again." },
          { text: "Reload this page — your link still works." },
          { text: "Restart your browser, or use another one: Chrome, Edge, Firefox or Safari." },
        ],
        retry: true,
      };
  }
}

/** The soft warning when the check ran but the microphone stayed silent: help, without blocking. */
export function quietHelp(needs: DeviceNeeds): DeviceHelp {
  return {
    title: "We can't hear you",
    intro: `${needs === "video" ? "Your camera works, but your microphone" : "Your microphone is connected, but it"} picked up no sound. You can still start the interview, but your answers may have no sound.`,
    steps: [
      { text: "Check that your microphone isn't muted: a mute key on your keyboard, or a switch on your headset." },
      { text: "If you have more than one microphone, choose another one in the list." },
      { text: "Choose Check again and say a few words while it runs." },
    ],
    retry: true,
  };
}

/** Always offered when something is wrong: the invitation's link works on any device until the interview starts. */
export function anotherDeviceAdvice(needs: DeviceNeeds): string {
  const withWhat = needs === "video" ? "a camera" : "a microphone";
  return `Open the same link from your invitation email on a phone or computer with ${withWhat} — your progress is kept. The link works on any device until you start the interview.`;
}
