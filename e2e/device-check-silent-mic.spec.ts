import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import config from "../playwright.config";
import { axeViolations, expect, openLobby, test } from "./fixtures";

/** Two seconds of 16-bit mono silence as a WAV file. */
function silentWav(): Buffer {
  const rate = 48_000;
  const data = Buffer.alloc(rate * 2 * 2);
  const header = Buffer.alloc(44);
  header.write("RIFF", 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write("WAVEfmt ", 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

// A working camera and a microphone that hears nothing: Chromium's fake microphone plays this file.
const silence = path.join(tmpdir(), "kairos-e2e-silence.wav");
writeFileSync(silence, silentWav());
const launchOptions = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), `--use-file-for-fake-audio-capture=${silence}`] } });

test("a silent microphone gets a soft warning with help, and does not block the interview", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Say hello on camera.", prep: 10, answer: 60, answerType: "VIDEO" }]);
  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();
  await expect(check.getByText("Camera picture received")).toBeVisible();
  await expect(check.getByRole("meter", { name: "Microphone level" })).toHaveAttribute("aria-valuenow", "0");
  // The live check (preview and meter) stays up for eight seconds here: long enough for axe.
  expect(await axeViolations(candidate), "live check").toEqual([]);

  const warning = check.getByRole("group", { name: "We can't hear you" });
  await expect(warning).toBeVisible({ timeout: 20_000 });
  await expect(warning).toContainText("Your camera works, but your microphone picked up no sound.");
  await expect(warning).toContainText("isn't muted");
  await expect(warning.getByRole("button", { name: "Check again" })).toBeVisible();
  await expect(warning).toContainText("Open the same link from your invitation email");
  await expect(candidate.getByRole("button", { name: "Start interview" })).toBeEnabled();
  await context.close();
});
