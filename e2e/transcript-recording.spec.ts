import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { axeViolations, createJob, expect, recordUntilUploaded, openEmail, scheduleAndGetLink, test } from "./fixtures";

// A recorded answer transcribed end to end on the e2e server, with the default (offline) engine:
// Chromium records real speech — flite's voice, played as its fake microphone
// (--use-file-for-fake-audio-capture) — the server transcribes it with pocketsphinx, and the
// recruiter reads it beside the player, with captions, and finds it by search.

const SPEECH = "the quick brown fox jumps over the lazy dog";

const speaking = test.extend<object, { speechFile: string }>({
  speechFile: [
    async ({}, use, workerInfo) => {
      const dir = path.join(workerInfo.project.outputDir, `speech-${workerInfo.workerIndex}`);
      mkdirSync(dir, { recursive: true });
      const raw = path.join(dir, "flite.wav");
      execFileSync("flite", ["-voice", "slt", "-t", SPEECH, "-o", raw]);
      // Chromium plays the file in a loop: a second of silence between repeats makes separate lines.
      const file = path.join(dir, "speech.wav");
      execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", raw, "-af", "apad=pad_dur=1", "-ar", "48000", "-ac", "1", file]);
      await use(file);
    },
    { scope: "worker" },
  ],
  launchOptions: [
    async ({ launchOptions, speechFile }, use) => {
      await use({ ...launchOptions, args: [...(launchOptions.args ?? []), `--use-file-for-fake-audio-capture=${speechFile}`] });
    },
    { scope: "worker" },
  ],
});

/** Schedules a one-question audio interview for a new candidate, who records `chunks` seconds and submits. */
async function recordedInterview(page: Page, browser: Browser, name: string, chunks: number) {
  const title = `Spoken ${randomUUID().slice(0, 6)}`;
  await createJob(page, title, [{ prompt: "Tell us about yourself, out loud.", answerType: "AUDIO", prep: 30, answer: 90 }]);
  const email = `spoken-${randomUUID().slice(0, 8)}@example.test`;
  const { interviewId, link } = await scheduleAndGetLink(page, { name, email }, "now");
  const context = await browser.newContext({ timezoneId: "Europe/Paris", permissions: ["microphone"] });
  const candidate = await context.newPage();
  await candidate.goto(link);
  await candidate.getByRole("button", { name: /Check my microphone/ }).click();
  await expect(candidate.getByText(/work(s)?\.?$|is working/).first()).toBeVisible({ timeout: 15_000 });
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  await expect(candidate.getByText("Recording your answer…")).toBeVisible();
  await recordUntilUploaded(candidate, chunks);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 1 of 1.")).toBeVisible();
  await candidate.getByRole("button", { name: "Submit and finish" }).click();
  await expect(candidate.getByRole("heading", { name: `Thank you, ${name}` })).toBeVisible();
  await context.close();
  return { interviewId, title, email };
}

/**
 * The review page once the answer's transcript is written: the server transcribes it within seconds
 * of the submission, and a page opened before that shows it when it is done, without a reload.
 */
async function openWhenTranscribed(page: Page, interviewId: string) {
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByRole("list", { name: "Question 1, transcript" })).toBeVisible({ timeout: 90_000 });
}

speaking("a spoken answer is transcribed on the server: transcript beside the player, captions, click to seek, and search finds it", async ({ page, browser, recruiter }) => {
  speaking.setTimeout(240_000);
  const name = `Fox Speaker ${randomUUID().slice(0, 4)}`;
  const { interviewId } = await recordedInterview(page, browser, name, 7);
  await openEmail(page, recruiter.email, new RegExp(`^${name} completed their interview`));
  await openWhenTranscribed(page, interviewId);

  const transcript = page.getByRole("region", { name: "Transcript" });
  await expect(transcript).toContainText(/quick brown fox/);
  await expect(transcript).toContainText(/lazy dog/);
  await expect(transcript).toContainText("never used to score");

  // Captions: a track served through the organisation-checked route, in WebVTT, with the words.
  const player = page.getByLabel(/Question 1, audio answer/);
  const track = player.locator("track[kind=captions]");
  await expect(track).toHaveCount(1);
  const vtt = await page.request.get(new URL((await track.getAttribute("src"))!, page.url()).toString());
  expect(vtt.status()).toBe(200);
  expect(vtt.headers()["content-type"]).toMatch(/^text\/vtt/);
  const captions = await vtt.text();
  expect(captions.startsWith("WEBVTT")).toBe(true);
  expect(captions).toMatch(/\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}/);
  expect(captions).toMatch(/brown fox/);
  // Nobody else gets the captions: signed out, the route is a 404 like the media's.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(vtt.url())).status()).toBe(404);
  await anonymous.close();

  // Clicking a later line seeks the player there, and that line is the current one.
  const lines = transcript.getByRole("button");
  expect(await lines.count()).toBeGreaterThan(1);
  const last = lines.last();
  const [minutes, seconds] = ((await last.locator("span").first().textContent()) ?? "").split(":").map(Number);
  const lineStart = minutes! * 60 + seconds!;
  expect(lineStart).toBeGreaterThan(0);
  await last.click();
  await expect.poll(() => player.evaluate((el: HTMLMediaElement) => el.currentTime), { timeout: 10_000 }).toBeGreaterThanOrEqual(lineStart - 0.5);
  await expect(last).toHaveAttribute("aria-current", "true");
  expect(await axeViolations(page), "review with a transcript").toEqual([]);
  await page.screenshot({ path: speaking.info().outputPath("transcript-review.png"), fullPage: true });

  // Search finds the answer, and the hit opens it at the matching moment.
  await page.goto(`/search?q=${encodeURIComponent("lazy dog")}`);
  const hit = page.getByRole("listitem").filter({ hasText: name });
  await expect(hit).toBeVisible();
  await expect(hit.locator("mark").first()).toBeVisible();
  await page.screenshot({ path: speaking.info().outputPath("search.png"), fullPage: true });
  await hit.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/interviews/${interviewId}\\?answer=\\w+&t=[\\d.]+`));
});

test("a take of Chromium's fake microphone (a beep, no words) is transcribed as 'no speech', not an error", async ({ page, browser, recruiter }) => {
  test.setTimeout(180_000);
  const name = `Beep Speaker ${randomUUID().slice(0, 4)}`;
  const { interviewId } = await recordedInterview(page, browser, name, 3);
  await openEmail(page, recruiter.email, new RegExp(`^${name} completed their interview`));
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("No speech was recognised in this recording.")).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(/could not be transcribed/i)).toHaveCount(0);
});
