import type { BrowserContext, Page } from "@playwright/test";
import { axeViolations, expect, openLobby, test } from "./fixtures";

// The suite's Chromium has a fake camera and microphone and allows them without a prompt
// (playwright.config.ts). The refusals are in device-check-denied and device-check-no-camera.

const VIDEO = { prompt: "Introduce yourself on camera.", prep: 10, answer: 60, answerType: "VIDEO" } as const;
const AUDIO = { prompt: "Tell us about your last project.", prep: 10, answer: 60, answerType: "AUDIO" } as const;
const TEXT = { prompt: "Why this role?", prep: 10, answer: 60 } as const;

type Watched = Window & { __streams: MediaStream[]; __live?: Promise<{ width: number; readyState: number; muted: boolean; playsInline: boolean; scale: string; level: number }> };

/** Observes (does not replace) getUserMedia, so a test can see what was asked for and whether it was released. */
async function watchStreams(context: BrowserContext, candidate: Page) {
  await context.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__streams = [];
    const media = navigator.mediaDevices;
    if (!media) return;
    const original = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      w.__streams.push(stream);
      return stream;
    };
  });
  await candidate.reload();
}

const tracks = (candidate: Page) =>
  candidate.evaluate(() => (window as unknown as Watched).__streams.flatMap((s) => s.getTracks().map((t) => ({ kind: t.kind, state: t.readyState, label: t.label }))));

/**
 * Starts watching, inside the page, for a playing preview and a meter above zero, each recorded when
 * first seen: they last about two seconds, less than a round trip from the test may take on a busy machine.
 */
async function watchLiveSignals(candidate: Page, video: boolean) {
  await candidate.evaluate((video) => {
    (window as unknown as Watched).__live = new Promise((resolve) => {
      let preview: { width: number; readyState: number; muted: boolean; playsInline: boolean; scale: string } | null = null;
      let level = 0;
      const timer = setInterval(() => {
        const v = document.querySelector<HTMLVideoElement>('video[aria-label="Your camera preview"]');
        if (!preview && v && v.readyState >= 2 && v.videoWidth > 0) {
          preview = { width: v.videoWidth, readyState: v.readyState, muted: v.muted, playsInline: v.playsInline, scale: getComputedStyle(v).scale };
        }
        level ||= Number(document.querySelector('[role="meter"]')?.getAttribute("aria-valuenow") ?? 0);
        if ((preview || !video) && level > 0) {
          clearInterval(timer);
          resolve({ width: 0, readyState: 0, muted: false, playsInline: false, scale: "", ...preview, level });
        }
      }, 20);
    });
  }, video);
  return () => candidate.evaluate(() => (window as unknown as Watched).__live!);
}

test("video answers: Start waits for a device check with a live preview and a moving meter", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [VIDEO, TEXT]);
  await watchStreams(context, candidate);

  const start = candidate.getByRole("button", { name: "Start interview" });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription("Check your camera and microphone above before you start.");
  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });
  await expect(check).toBeVisible();
  // Nothing is asked for until the candidate chooses to.
  expect(await tracks(candidate)).toEqual([]);
  await expect(candidate.getByText(/we note when you leave this page or window, when you paste text into an answer/)).toBeVisible();
  expect(await axeViolations(candidate), "lobby before the check").toEqual([]);

  const live = await watchLiveSignals(candidate, true);
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();
  const seen = await live();
  expect(seen.width).toBeGreaterThan(0);
  expect(seen.readyState).toBeGreaterThanOrEqual(2);
  expect(seen.level).toBeGreaterThan(0);
  // Muted (no echo), inline on iPhones, mirrored like a mirror.
  expect(seen).toMatchObject({ muted: true, playsInline: true, scale: "-1 1" });

  await expect(check.getByRole("heading", { name: "Your camera and microphone work" })).toBeVisible();
  await expect(start).toBeEnabled();
  await expect(start).toHaveAccessibleDescription("");
  // After the pass the meter stops, and the camera and microphone stay on (one stream, still
  // previewed) for the practice take and the first question (lobby-practice.spec.ts).
  await expect(check.locator("video")).toHaveCount(1);
  await expect(check.getByRole("meter")).toHaveCount(0);
  await expect.poll(async () => (await tracks(candidate)).map((t) => `${t.kind}:${t.state}`).sort()).toEqual(["audio:live", "video:live"]);
  // Three fake microphones, one fake camera: a picker only where there is a choice.
  await expect(check.getByRole("combobox", { name: "Microphone" })).toBeVisible();
  await expect(check.getByRole("combobox", { name: "Camera" })).toHaveCount(0);
  expect(await axeViolations(candidate), "lobby after the check").toEqual([]);
  await context.close();
});

test("audio answers: the check asks for the microphone only", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [AUDIO]);
  await watchStreams(context, candidate);

  const start = candidate.getByRole("button", { name: "Start interview" });
  await expect(start).toHaveAccessibleDescription("Check your microphone above before you start.");
  const check = candidate.getByRole("region", { name: "Check your microphone" });
  await expect(check.getByText("Camera off")).toHaveCount(0);

  const live = await watchLiveSignals(candidate, false);
  await check.getByRole("button", { name: "Check my microphone" }).click();
  expect((await live()).level).toBeGreaterThan(0);
  await expect(check.locator("video")).toHaveCount(0);
  await expect(check.getByRole("heading", { name: "Your microphone works" })).toBeVisible();
  await expect(start).toBeEnabled();
  expect((await tracks(candidate)).map((t) => `${t.kind}:${t.state}`)).toEqual(["audio:live"]);
  await context.close();
});

test("text answers only: no device check, Start is ready", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [TEXT]);
  await expect(candidate.getByRole("region", { name: /^Check your/ })).toHaveCount(0);
  await expect(candidate.getByRole("button", { name: /^Check my/ })).toHaveCount(0);
  const start = candidate.getByRole("button", { name: "Start interview" });
  await expect(start).toBeEnabled();
  await expect(start).toHaveAccessibleDescription("");
  await context.close();
});

test("the check works with the keyboard alone, including choosing another microphone", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [VIDEO]);
  await watchStreams(context, candidate);
  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });

  // The check follows the accommodation request in the tab order (the practice take comes after it).
  await candidate.getByRole("button", { name: "Need an accommodation?" }).focus();
  await candidate.keyboard.press("Tab");
  await expect(check.getByRole("button", { name: "Check my camera and microphone" })).toBeFocused();
  await candidate.keyboard.press("Enter");
  // The outcome takes the focus from the button that is gone.
  const works = check.getByRole("heading", { name: "Your camera and microphone work" });
  await expect(works).toBeFocused();

  await candidate.keyboard.press("Tab");
  await expect(check.getByRole("button", { name: "Check again" })).toBeFocused();
  await candidate.keyboard.press("Tab");
  const microphone = check.getByRole("combobox", { name: "Microphone" });
  await expect(microphone).toBeFocused();
  await candidate.keyboard.press("Enter");
  await expect(candidate.getByRole("option", { name: "Fake Audio Input 1" })).toBeVisible();
  // The list takes the focus (on the chosen device) a moment after it opens; an arrow key
  // pressed before that is lost and Enter keeps the old device.
  await expect(candidate.getByRole("option", { name: "Fake Default Audio Input" })).toBeFocused();
  await candidate.keyboard.press("ArrowDown");
  // Radix moves the focus for an arrow key in a timeout; an Enter that arrives before it (a busy
  // machine, keys 10 ms apart) still chooses the old device. A person sees the highlight move first.
  await expect(candidate.getByRole("option", { name: "Fake Audio Input 1" })).toBeFocused();
  await candidate.keyboard.press("Enter");
  await expect(microphone).toHaveText(/Fake Audio Input 1/);
  // Choosing a device runs the check again with it.
  await expect(works).toBeFocused();
  expect((await tracks(candidate)).filter((t) => t.kind === "audio").map((t) => t.label)).toEqual(["Fake Default Audio Input", "Fake Audio Input 1"]);

  await candidate.keyboard.press("Tab");
  await candidate.keyboard.press("Tab");
  await candidate.keyboard.press("Tab");
  // The practice take, on the devices just checked, comes next; then the consent.
  await expect(candidate.getByRole("button", { name: "Record a practice answer" })).toBeFocused();
  await candidate.keyboard.press("Tab");
  await expect(candidate.getByRole("checkbox", { name: /I understand what is recorded/ })).toBeFocused();
  await candidate.keyboard.press("Space");
  await candidate.keyboard.press("Tab");
  const start = candidate.getByRole("button", { name: "Start interview" });
  await expect(start).toBeFocused();
  await expect(start).toBeEnabled();
  await context.close();
});
