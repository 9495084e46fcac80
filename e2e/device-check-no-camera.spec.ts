import config from "../playwright.config";
import { expect, openLobby, test } from "./fixtures";

// No camera at all, whatever the machine has: Chromium's fake device factory with zero devices
// replaces the real ones, so getUserMedia fails with a real NotFoundError.
const launchOptions = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launchOptions,
    args: (launchOptions.args ?? []).map((arg) => (arg === "--use-fake-device-for-media-stream" ? `${arg}=device-count=0` : arg)),
  },
});

test("no camera: says so, suggests plugging one in or another device, Start stays disabled", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Say hello on camera.", prep: 10, answer: 60, answerType: "VIDEO" }]);
  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();
  const help = check.getByRole("group", { name: "We can't find a camera or microphone" });
  await expect(help.getByRole("heading", { name: "We can't find a camera or microphone" })).toBeFocused();
  await expect(help).toContainText("Plug in a webcam");
  await expect(help.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(help).toContainText("Open the same link from your invitation email");
  await expect(candidate.getByRole("button", { name: "Start interview" })).toBeDisabled();
  await context.close();
});
