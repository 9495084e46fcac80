import config from "../playwright.config";
import { axeViolations, expect, openLobby, test } from "./fixtures";

// A real refusal: this file's Chromium is the suite's minus --use-fake-ui-for-media-stream, and the
// context grants no permission, so Chromium itself answers getUserMedia with NotAllowedError
// ("Permission denied"), as it does when a candidate blocks the site. Nothing in the page is stubbed.
const launchOptions = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launchOptions, args: (launchOptions.args ?? []).filter((arg) => arg !== "--use-fake-ui-for-media-stream") } });

test("permission denied: specific help, another device, Start stays disabled; allowing it and trying again passes", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context, origin } = await openLobby(page, browser, [{ prompt: "Say hello on camera.", prep: 10, answer: 60, answerType: "VIDEO" }]);
  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();

  const help = check.getByRole("group", { name: "Your browser is blocking your camera and microphone" });
  await expect(help.getByRole("heading", { name: "Your browser is blocking your camera and microphone" })).toBeFocused();
  for (const browserName of ["Chrome or Edge:", "Firefox:", "Safari on a Mac:", "iPhone or iPad:", "Still blocked:"]) {
    await expect(help.getByRole("listitem").filter({ hasText: browserName })).toBeVisible();
  }
  await expect(help.getByRole("listitem").filter({ hasText: "Chrome or Edge:" })).toContainText("set Camera and Microphone to Allow");
  await expect(help.getByRole("heading", { name: "Continue on another device" })).toBeVisible();
  await expect(help).toContainText("Open the same link from your invitation email on a phone or computer with a camera — your progress is kept.");
  const start = candidate.getByRole("button", { name: "Start interview" });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription("Check your camera and microphone above before you start.");
  expect(await axeViolations(candidate), "help panel").toEqual([]);

  // The candidate allows the site in the browser, then tries again.
  await context.grantPermissions(["camera", "microphone"], { origin });
  await help.getByRole("button", { name: "Try again" }).click();
  await expect(check.getByRole("heading", { name: "Your camera and microphone work" })).toBeVisible();
  await expect(start).toBeEnabled();
  await context.close();
});

test("permission denied for an audio interview speaks of the microphone only", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Describe your week.", prep: 10, answer: 60, answerType: "AUDIO" }]);
  const check = candidate.getByRole("region", { name: "Check your microphone" });
  await check.getByRole("button", { name: "Check my microphone" }).click();
  const help = check.getByRole("group", { name: "Your browser is blocking your microphone" });
  await expect(help.getByRole("listitem").filter({ hasText: "Chrome or Edge:" })).toContainText("set Microphone to Allow");
  await expect(help).toContainText("on a phone or computer with a microphone");
  await expect(help).not.toContainText("camera");
  await expect(candidate.getByRole("button", { name: "Start interview" })).toBeDisabled();
  await context.close();
});
