import { randomUUID } from "node:crypto";
import type { Locator } from "@playwright/test";
import { axeViolations, createJob, expect, recordUntilUploaded, openEmail, scheduleAndGetLink, test } from "./fixtures";

// The review page's side of transcripts (issue 17): a recorded answer (Chromium's synthetic camera,
// playwright.config.ts) whose transcript a test hook writes as the pipeline would (app/api/test/transcripts).

const SEGMENTS = [
  { startMs: 0, endMs: 1500, text: "Hello, I am Tess & I build <things>." },
  { startMs: 1500, endMs: 3000, text: "I like careful deploys." },
  { startMs: 3000, endMs: 4500, text: "Thank you for watching." },
];

const currentTime = (video: Locator) => video.evaluate((v: HTMLVideoElement) => v.currentTime);

test("a recorded answer's transcript: captions, lines that seek and follow playback, the keyboard, a deep link, a failed one retried", async ({ page, browser, recruiter }) => {
  test.setTimeout(240_000);
  await createJob(page, `Transcribed ${randomUUID().slice(0, 6)}`, [{ prompt: "Introduce yourself on camera.", answerType: "VIDEO", prep: 30, answer: 60 }]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Tess Transcribed", email: `tess-${randomUUID().slice(0, 8)}@example.test` }, "now");

  // The candidate records about six seconds and finishes.
  const context = await browser.newContext({ timezoneId: "Europe/Paris", permissions: ["camera", "microphone"] });
  const candidate = await context.newPage();
  await candidate.goto(link);
  const check = candidate.getByRole("button", { name: /Check my camera/ });
  if (await check.isVisible()) {
    await check.click();
    await expect(candidate.getByText(/work(s)?\.?$|is working/).first()).toBeVisible({ timeout: 15_000 });
  }
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  await recordUntilUploaded(candidate, 6);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 1 of 1.")).toBeVisible();
  await candidate.getByRole("button", { name: "Submit and finish" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Tess Transcribed" })).toBeVisible();
  await context.close();
  await openEmail(page, recruiter.email, /^Tess Transcribed completed their interview/);

  await page.goto(`/interviews/${interviewId}`);
  const answerId = (await page.locator("article[id^=answer-]").getAttribute("id"))!.slice("answer-".length);
  const written = await page.request.post("/api/test/transcripts", { data: { answerId, status: "DONE", text: SEGMENTS.map((s) => s.text).join(" "), segments: SEGMENTS, engine: "offline" } });
  expect(written.status()).toBe(201);
  const { parts } = (await written.json()) as { parts: Array<{ recordingId: string; durationMs: number }> };
  expect(parts).toHaveLength(1);
  expect(parts[0]!.durationMs).toBeGreaterThan(4500);

  // Captions: a <track> whose src is the part's WebVTT, loaded and showing.
  await page.reload();
  const video = page.getByLabel("Question 1, video answer");
  const track = video.locator("track");
  await expect(track).toHaveAttribute("kind", "captions");
  await expect(track).toHaveAttribute("srclang", "en");
  await expect(track).toHaveAttribute("label", "English (automatic)");
  const src = (await track.getAttribute("src"))!;
  expect(src).toBe(`/api/recordings/${parts[0]!.recordingId}/captions`);
  const vtt = await page.request.get(src);
  expect(vtt.status()).toBe(200);
  expect(vtt.headers()["content-type"]).toBe("text/vtt; charset=utf-8");
  const body = await vtt.text();
  expect(body).toMatch(/^WEBVTT\n\n00:00:00\.000 --> 00:00:01\.500\nHello, I am Tess &amp; I build &lt;things&gt;\.\n/);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => [v.textTracks[0]?.mode, v.textTracks[0]?.cues?.length ?? 0])).toEqual(["showing", 3]);

  // The transcript: each line a button with its time; clicking plays from there, and the mark follows playback.
  const lines = page.getByRole("list", { name: "Question 1, transcript" }).getByRole("button");
  await expect(lines).toHaveText(["0:00Hello, I am Tess & I build <things>.", "0:01I like careful deploys.", "0:03Thank you for watching."]);
  await expect(page.getByText("Automatic transcript (offline engine): may contain mistakes. It is never used to score candidates.")).toBeVisible();
  await lines.nth(1).click();
  await expect(lines.nth(1)).toHaveAttribute("aria-current", "true");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused)).toBe(true);
  expect(await currentTime(video)).toBeGreaterThanOrEqual(1.4);
  expect(await currentTime(video)).toBeLessThan(3);
  // Playing on, past 3 s: the third line is marked, the second no longer.
  await expect(lines.nth(2)).toHaveAttribute("aria-current", "true", { timeout: 10_000 });
  await expect(lines.nth(1)).not.toHaveAttribute("aria-current");
  await video.evaluate((v: HTMLVideoElement) => v.pause());

  // The keyboard: Enter and Space on a line do what a click does.
  await lines.nth(0).focus();
  const pageScroll = await page.evaluate(() => window.scrollY);
  await page.keyboard.press("Enter");
  await expect(lines.nth(0)).toHaveAttribute("aria-current", "true");
  await expect.poll(() => currentTime(video)).toBeLessThan(1.4);
  await page.keyboard.press("Tab");
  await expect(lines.nth(1)).toBeFocused();
  await page.keyboard.press(" ");
  await expect(lines.nth(1)).toHaveAttribute("aria-current", "true");
  await expect.poll(() => currentTime(video)).toBeGreaterThanOrEqual(1.4);
  await video.evaluate((v: HTMLVideoElement) => v.pause());
  // The list scrolls itself, never the page: the page stays where the reviewer put it.
  expect(await page.evaluate(() => window.scrollY)).toBe(pageScroll);

  await video.evaluate((v: HTMLVideoElement) => v.scrollIntoView({ block: "center" }));
  await page.getByRole("article", { name: /Question 1/ }).screenshot({ path: test.info().outputPath("transcript-review-done.png") });
  expect(await axeViolations(page)).toEqual([]);

  // A deep link (a search result): the answer scrolled into view, its player at t, not playing.
  await page.goto(`/interviews/${interviewId}?answer=${answerId}&t=3.2`);
  await expect.poll(() => currentTime(video)).toBeCloseTo(3.2, 0);
  expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  await expect.poll(() => page.locator(`#answer-${answerId}`).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(100);
  // A t that is not a time is ignored.
  await page.goto(`/interviews/${interviewId}?answer=${answerId}&t=-5`);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  expect(await currentTime(video)).toBe(0);

  // A failed transcript: why, and "Transcribe again" for a recruiter, which queues it.
  await page.request.post("/api/test/transcripts", { data: { answerId, status: "FAILED", reason: "The audio could not be decoded" } });
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Could not be transcribed: The audio could not be decoded.")).toBeVisible();
  await expect(video.locator("track")).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("article", { name: /Question 1/ }).screenshot({ path: test.info().outputPath("transcript-review-failed.png") });
  await page.getByRole("button", { name: "Transcribe again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Transcribing…" })).toBeVisible();
  // Queued again — and the server's own transcriber (pocketsphinx, where installed) may already have taken it on.
  const state = (await (await page.request.get(`/api/test/transcripts?answerId=${answerId}`)).json()) as { status: string; reason: string | null };
  expect(["QUEUED", "PROCESSING", "DONE"]).toContain(state.status);
  expect(state.reason).toBeNull();
  await page.getByRole("article", { name: /Question 1/ }).screenshot({ path: test.info().outputPath("transcript-review-queued.png") });
});
