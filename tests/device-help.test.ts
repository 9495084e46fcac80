import { describe, expect, it } from "vitest";
import { deviceNeeds } from "@/app/interview/_device-check/device-needs";
import { anotherDeviceAdvice, deviceHelp, helpVariantFor, levelFromRms, quietHelp, recordingSupported, type HelpVariant } from "@/app/interview/_device-check/device-help";

describe("deviceNeeds", () => {
  it("asks for camera and microphone when any answer is video, the microphone for audio, nothing for text", () => {
    expect(deviceNeeds(["TEXT", "VIDEO", "AUDIO"])).toBe("video");
    expect(deviceNeeds(["AUDIO", "TEXT"])).toBe("audio");
    expect(deviceNeeds(["TEXT"])).toBeNull();
    expect(deviceNeeds([])).toBeNull();
  });
});

describe("helpVariantFor", () => {
  it.each([
    ["NotAllowedError", "blocked"],
    ["SecurityError", "blocked"],
    ["PermissionDeniedError", "blocked"],
    ["NotFoundError", "no-device"],
    ["OverconstrainedError", "no-device"],
    ["DevicesNotFoundError", "no-device"],
    ["NotReadableError", "in-use"],
    ["AbortError", "in-use"],
    ["TrackStartError", "in-use"],
    ["TypeError", "unknown"],
    [undefined, "unknown"],
  ] as const)("%s → %s", (name, variant) => {
    expect(helpVariantFor(name)).toBe(variant);
  });
});

describe("recordingSupported", () => {
  const recorder = (supported: string[]) => ({ isTypeSupported: (type: string) => supported.includes(type) });

  it("needs a MediaRecorder", () => {
    expect(recordingSupported("video", undefined)).toBe(false);
    expect(recordingSupported("audio", undefined)).toBe(false);
  });

  it("accepts WebM or MP4 (Chrome and Firefox record WebM, Safari MP4)", () => {
    expect(recordingSupported("video", recorder(["video/webm"]))).toBe(true);
    expect(recordingSupported("video", recorder(["video/mp4"]))).toBe(true);
    expect(recordingSupported("audio", recorder(["audio/mp4"]))).toBe(true);
  });

  it("refuses a browser that records neither for the kind of answer", () => {
    expect(recordingSupported("video", recorder(["audio/webm", "audio/mp4"]))).toBe(false);
    expect(recordingSupported("audio", recorder(["video/webm"]))).toBe(false);
  });
});

describe("levelFromRms", () => {
  it("reads silence as 0, full scale as 100, and speech in between", () => {
    expect(levelFromRms(0)).toBe(0);
    expect(levelFromRms(Number.NaN)).toBe(0);
    expect(levelFromRms(0.0005)).toBe(0);
    expect(levelFromRms(1)).toBe(100);
    const speech = levelFromRms(0.1);
    expect(speech).toBeGreaterThan(50);
    expect(speech).toBeLessThan(100);
  });
});

describe("deviceHelp", () => {
  const variants: HelpVariant[] = ["blocked", "no-device", "in-use", "no-picture", "unsupported-browser", "recording-unsupported", "unknown"];

  it("gives every variant a title, an explanation and steps", () => {
    for (const variant of variants) {
      const help = deviceHelp(variant, "video");
      expect(help.title, variant).not.toBe("");
      expect(help.intro, variant).not.toBe("");
      expect(help.steps.length, variant).toBeGreaterThan(0);
    }
  });

  it("explains how to allow access in each major browser when permission is blocked", () => {
    const help = deviceHelp("blocked", "video");
    expect(help.steps.map((s) => s.label)).toEqual(expect.arrayContaining(["Chrome or Edge", "Firefox", "Safari on a Mac", "iPhone or iPad"]));
    expect(help.retry).toBe(true);
  });

  it("does not offer Try again where only another browser helps", () => {
    expect(deviceHelp("unsupported-browser", "video").retry).toBe(false);
    expect(deviceHelp("recording-unsupported", "audio").retry).toBe(false);
    expect(deviceHelp("unsupported-browser", "video").steps.some((s) => s.text.includes("https://"))).toBe(true);
  });

  it("speaks of the microphone only when the interview needs no camera", () => {
    for (const variant of variants.filter((v) => v !== "no-picture")) {
      const help = deviceHelp(variant, "audio");
      const words = [help.title, help.intro, ...help.steps.map((s) => s.text)].join(" ");
      expect(words, variant).not.toMatch(/\bcamera\b/i);
    }
    expect(quietHelp("audio").intro).not.toMatch(/camera/i);
  });

  it("offers another device with the same link", () => {
    expect(anotherDeviceAdvice("video")).toContain("same link from your invitation email");
    expect(anotherDeviceAdvice("video")).toContain("camera");
    expect(anotherDeviceAdvice("audio")).not.toContain("camera");
  });
});
