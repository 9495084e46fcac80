import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import { axeViolations, createJob, expect, recordUntilUploaded, moveInterview, openEmail, scheduleAndGetLink, test } from "./fixtures";

// Recorded answers in real Chromium, with its synthetic camera and microphone
// (--use-fake-device-for-media-stream in playwright.config.ts).

/** A candidate browser with camera and microphone allowed, in the lobby of a fresh interview. */
async function candidateInLobby(browser: Browser, link: string) {
  const context = await browser.newContext({ timezoneId: "Europe/Paris", permissions: ["camera", "microphone"] });
  const candidate = await context.newPage();
  await candidate.goto(link);
  await expect(candidate.getByText(/Your interview is open\./)).toBeVisible();
  return { context, candidate };
}

async function startInterview(candidate: Page) {
  const check = candidate.getByRole("button", { name: /Check my camera|Check my microphone/ });
  if (await check.isVisible()) {
    await check.click();
    await expect(candidate.getByText(/work(s)?\.?$|is working/).first()).toBeVisible({ timeout: 15_000 });
  }
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
}

/** The visible timer, in seconds. */
async function timerSeconds(page: Page) {
  const text = (await page.getByRole("timer").textContent()) ?? "";
  const [m, s] = text.split(":").map(Number);
  return m! * 60 + s!;
}

/** Waits until the media element has data for the current position (HTMLMediaElement.HAVE_CURRENT_DATA). */
async function expectPlayable(page: Page, label: string | RegExp) {
  const media = page.getByLabel(label);
  await media.scrollIntoViewIfNeeded();
  await expect.poll(() => media.evaluate((el: HTMLMediaElement) => el.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  expect(await media.evaluate((el: HTMLMediaElement) => el.error)).toBeNull();
}

test("a mixed interview: text, a video retaken once, audio resumed after a reload; the recruiter plays and rates it", async ({ page, browser, recruiter }) => {
  test.setTimeout(240_000);
  const title = `Recorded ${randomUUID().slice(0, 6)}`;
  await createJob(page, title, [
    { prompt: "Why this team?", prep: 0, answer: 120 },
    { prompt: "Introduce yourself on camera.", answerType: "VIDEO", prep: 30, answer: 60, retakes: 1 },
    { prompt: "Describe your best project out loud.", answerType: "AUDIO", prep: 30, answer: 90 },
  ]);
  const email = `rec-${randomUUID().slice(0, 8)}@example.test`;
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Rene Recorder", email }, "now");
  const { context, candidate } = await candidateInLobby(browser, link);
  await expect(candidate.getByText(/we note when you leave this page/i)).toBeVisible();
  await startInterview(candidate);

  // 1. Text, with a paste (reported as a count, never the text).
  await expect(candidate.getByText("Question 1 of 3", { exact: true })).toBeVisible();
  const answer = candidate.getByLabel("Your answer");
  await answer.fill("Because you ship carefully.");
  await answer.evaluate((el: HTMLTextAreaElement) => {
    const data = new DataTransfer();
    data.setData("text/plain", "pasted notes");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await candidate.getByRole("button", { name: "Submit and continue" }).click();

  // 2. Video: preview during preparation, record, stop, review, retake once, submit.
  await expect(candidate.getByText("Question 2 of 3", { exact: true })).toBeVisible();
  await expect.poll(() => candidate.getByLabel("Your camera").evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  expect(await axeViolations(candidate), "video question").toEqual([]);
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  await expect(candidate.getByText("REC", { exact: true })).toBeVisible();
  await expect(candidate.getByRole("progressbar")).toBeVisible();
  await recordUntilUploaded(candidate, 2);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 1 of 2.")).toBeVisible();
  await expectPlayable(candidate, "Your recorded answer");
  await candidate.getByRole("button", { name: "Retake (1 left)" }).click();
  await expect(candidate.getByText("REC", { exact: true })).toBeVisible();
  await recordUntilUploaded(candidate, 2);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 2 of 2.")).toBeVisible();
  await expect(candidate.getByText("No retakes left.")).toBeVisible();
  await expect(candidate.getByRole("button", { name: /Retake/ })).toHaveCount(0);
  await candidate.getByRole("button", { name: "Submit and continue" }).click();

  // 3. Audio: a reload mid-recording keeps what was uploaded and the true remaining time.
  await expect(candidate.getByText("Question 3 of 3", { exact: true })).toBeVisible();
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  await expect(candidate.getByText("Recording your answer…")).toBeVisible();
  await recordUntilUploaded(candidate, 2);
  const before = await timerSeconds(candidate);
  await moveInterview(page, interviewId, { seconds: 20 });
  await candidate.reload();
  await expect(candidate.getByText(/Your recording was interrupted\. What reached us is saved\./)).toBeVisible();
  const after = await timerSeconds(candidate);
  expect(after).toBeLessThanOrEqual(before - 19);
  expect(after).toBeGreaterThan(before - 30);
  await candidate.getByRole("button", { name: "Continue recording" }).click();
  await expect(candidate.getByText("Recording your answer…")).toBeVisible();
  await recordUntilUploaded(candidate, 2);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 1 of 1.")).toBeVisible();
  await candidate.getByRole("button", { name: "Submit and finish" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Rene Recorder" })).toBeVisible();
  await context.close();

  // The recruiter watches and listens, sees the takes and the paste note, and rates.
  await openEmail(page, recruiter.email, /^Rene Recorder completed their interview/);
  await page.goto(`/interviews/${interviewId}`);
  await expectPlayable(page, "Question 2, video answer");
  await expect(page.getByText("Take 2 of 2 allowed (earlier takes were replaced by the candidate and deleted).")).toBeVisible();
  await expectPlayable(page, "Question 3, audio answer, part 1 of 2");
  await expectPlayable(page, "Question 3, audio answer, part 2 of 2");
  await page.getByText(/integrity note/).click();
  await expect(page.getByText("Pasted 12 characters into the answer")).toBeVisible();
  const video = page.getByRole("article", { name: "Question 2" });
  await video.getByRole("radio", { name: "5" }).check();
  await expect(video.getByRole("status")).toHaveText("Saved");
  expect(await axeViolations(page), "review with players").toEqual([]);

  // Nobody else can stream it: signed out, the media route is a 404.
  const src = await page.getByLabel("Question 2, video answer").getAttribute("src");
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(new URL(src!, page.url()).toString())).status()).toBe(404);
  await anonymous.close();
});

test("uploads: a dropped chunk is retried; oversize, wrong-type and other-session uploads are refused with nothing stored", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(180_000);
  await createJob(page, `Faults ${randomUUID().slice(0, 6)}`, [{ prompt: "Say hello on camera.", answerType: "VIDEO", prep: 30, answer: 60, retakes: 0 }]);
  const mine = await scheduleAndGetLink(page, { name: "Flaky Network", email: `flaky-${randomUUID().slice(0, 8)}@example.test` }, "now");
  const theirs = await scheduleAndGetLink(page, { name: "Other Person", email: `other-${randomUUID().slice(0, 8)}@example.test` }, "now");

  // The other candidate records a little, so there is a recording id to try.
  const other = await candidateInLobby(browser, theirs.link);
  await startInterview(other.candidate);
  const started = other.candidate.waitForResponse((r) => r.url().endsWith("/interview/recordings") && r.status() === 201);
  await other.candidate.getByRole("button", { name: "Start recording now" }).click();
  const theirRecording = ((await (await started).json()) as { recordingId: string }).recordingId;

  const { context, candidate } = await candidateInLobby(browser, mine.link);
  await startInterview(candidate);
  // The network drops the first upload of chunk 0 (and only that one).
  let dropped = 0;
  const attempts: string[] = [];
  await candidate.route("**/interview/recordings/*/chunks/*", async (route) => {
    attempts.push(new URL(route.request().url()).pathname.split("/").pop()!);
    if (route.request().url().endsWith("/chunks/0") && dropped++ === 0) return route.abort("connectionreset");
    return route.continue();
  });
  const mineStarted = candidate.waitForResponse((r) => r.url().endsWith("/interview/recordings") && r.status() === 201);
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  const { recordingId } = (await (await mineStarted).json()) as { recordingId: string };
  await recordUntilUploaded(candidate, 2);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 1 of 1.")).toBeVisible({ timeout: 20_000 });
  expect(attempts.filter((seq) => seq === "0")).toHaveLength(2);
  await expectPlayable(candidate, "Your recorded answer");

  // Straight at the API, with this candidate's cookie.
  const api = candidate.request;
  const oversize = await api.put(`/interview/recordings/${recordingId}/chunks/50`, { data: Buffer.alloc(6 * 1024 * 1024, 1), headers: { "content-type": "video/webm" } });
  expect(oversize.status()).toBe(413);
  expect(((await oversize.json()) as { error: { message: string } }).error.message).toMatch(/at most 5 MB/);
  const wrongType = await api.put(`/interview/recordings/${recordingId}/chunks/51`, { data: "<script>alert(1)</script>", headers: { "content-type": "text/html" } });
  expect(wrongType.status()).toBe(415);
  expect(((await wrongType.json()) as { error: { message: string } }).error.message).toMatch(/video\/webm/);
  const notMine = await api.put(`/interview/recordings/${theirRecording}/chunks/0`, { data: Buffer.alloc(100, 1), headers: { "content-type": "video/webm" } });
  expect(notMine.status()).toBe(404);
  expect((await api.get(`/interview/recordings/${theirRecording}`)).status()).toBe(404);
  // Nothing of the refused uploads was stored: the finished take still has exactly its chunks.
  const finish = await api.post(`/interview/recordings/${recordingId}/finish`, { data: { chunks: 52 } });
  expect(finish.status()).toBe(200);
  expect(((await finish.json()) as { missing: number[] }).missing).toEqual(expect.arrayContaining([50, 51]));

  await context.close();
  await other.context.close();
});

test("a second device on the same interview is noticed, shown to both, and noted for the reviewer", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  await createJob(page, `Devices ${randomUUID().slice(0, 6)}`, [{ prompt: "What did you build last?", prep: 0, answer: 300 }]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Two Screens", email: `two-${randomUUID().slice(0, 8)}@example.test` }, "now");
  const first = await candidateInLobby(browser, link);
  await startInterview(first.candidate);
  await expect(first.candidate.getByText("Question 1 of 1", { exact: true })).toBeVisible();

  const second = await browser.newContext();
  const phone = await second.newPage();
  await phone.goto(link);
  await expect(phone.getByText("This interview is also open on another device. Please carry on with one device only.")).toBeVisible();
  await second.close();
  await first.context.close();

  await page.goto(`/interviews/${interviewId}`);
  await page.getByText(/integrity note/).click();
  await expect(page.getByText("The interview was open on a second device")).toBeVisible();
  await expect(page.getByText(/use them to ask, not to decide/)).toBeVisible();
});

test("recorded media carries its Content-Length on the wire: whole, by range and for HEAD, to candidate and recruiter", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(150_000);
  await createJob(page, `Length ${randomUUID().slice(0, 6)}`, [{ prompt: "Say your name.", answerType: "AUDIO", prep: 30, answer: 60 }]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Len Gth", email: `length-${randomUUID().slice(0, 8)}@example.test` }, "now");
  const { context, candidate } = await candidateInLobby(browser, link);
  await startInterview(candidate);
  const started = candidate.waitForResponse((r) => r.url().endsWith("/interview/recordings") && r.status() === 201);
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  const { recordingId } = (await (await started).json()) as { recordingId: string };
  await recordUntilUploaded(candidate, 2);
  await candidate.getByRole("button", { name: "Stop recording" }).click();
  await expect(candidate.getByText("Take 1 of 1.")).toBeVisible({ timeout: 20_000 });

  /** Fetches the media whole, its first 100 bytes and its HEAD, and checks every length against the bytes. */
  async function expectLengths(request: typeof page.request, path: string) {
    const whole = await request.get(path);
    expect(whole.status(), path).toBe(200);
    const body = await whole.body();
    expect(body.length).toBeGreaterThan(100);
    expect(whole.headers()["content-length"], `${path}: Content-Length`).toBe(String(body.length));
    expect(whole.headers()["transfer-encoding"]).toBeUndefined();
    expect(whole.headers()["x-kairos-content-length"]).toBeUndefined();

    const part = await request.get(path, { headers: { range: "bytes=0-99" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-length"]).toBe("100");
    expect(part.headers()["content-range"]).toBe(`bytes 0-99/${body.length}`);
    expect((await part.body()).equals(body.subarray(0, 100))).toBe(true);

    const head = await request.head(path);
    expect(head.status()).toBe(200);
    expect(head.headers()["content-length"]).toBe(String(body.length));
    expect((await head.body()).length).toBe(0);
  }

  await expectLengths(candidate.request, `/interview/recordings/${recordingId}`);
  await candidate.getByRole("button", { name: "Submit and finish" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Len Gth" })).toBeVisible();
  await context.close();
  await expectLengths(page.request, `/api/recordings/${recordingId}`);
  expect(interviewId).toBeTruthy();
});

/**
 * A real 60-second WebM as MediaRecorder writes one: VP8 and Opus, no Duration and no Cues (a live
 * stream's muxing). Debian's ffmpeg makes it (CI installs it).
 */
function sixtySecondWebm(path: string): Buffer {
  execFileSync("ffmpeg", [
    ...["-y", "-loglevel", "error"],
    ...["-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "60"],
    ...["-c:v", "libvpx", "-b:v", "150k", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "libopus", "-b:a", "32k"],
    ...["-live", "1", "-f", "webm", path],
  ]);
  return readFileSync(path);
}

/** Waits for a media element's metadata and returns its duration (Infinity when the file does not say). */
async function metadataDuration(media: Locator): Promise<number> {
  await expect.poll(() => media.evaluate((el: HTMLMediaElement) => el.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  return media.evaluate((el: HTMLMediaElement) => el.duration);
}

test("a 60-second recording carries its length before it plays, to the candidate and the recruiter, and seeks to its middle", async ({ page, browser, recruiter: _ }, testInfo) => {
  test.setTimeout(180_000);
  const webm = sixtySecondWebm(testInfo.outputPath("sixty.webm"));
  await createJob(page, `Sixty ${randomUUID().slice(0, 6)}`, [{ prompt: "Walk us through a design.", answerType: "VIDEO", prep: 120, answer: 120, retakes: 0 }]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Sixty Seconds", email: `sixty-${randomUUID().slice(0, 8)}@example.test` }, "now");
  const { context, candidate } = await candidateInLobby(browser, link);
  await startInterview(candidate);
  await expect(candidate.getByText("Question 1 of 1", { exact: true })).toBeVisible();

  // The page's own take is held back (its answer id noted); the 60 s file goes up through the same routes instead.
  let answerId = "";
  await candidate.route("**/interview/recordings", async (route) => {
    answerId = (route.request().postDataJSON() as { answerId: string }).answerId;
    await route.abort("connectionreset");
  });
  await candidate.getByRole("button", { name: "Start recording now" }).click();
  await expect(candidate.getByText(/Recording could not start/)).toBeVisible();
  await candidate.unroute("**/interview/recordings");
  const contentType = "video/webm;codecs=vp8,opus";
  const opened = await candidate.request.post("/interview/recordings", { data: { answerId, contentType } });
  expect(opened.status()).toBe(201);
  const { recordingId } = (await opened.json()) as { recordingId: string };
  const CHUNK = 256 * 1024;
  const chunks = Math.ceil(webm.length / CHUNK);
  for (let seq = 0; seq < chunks; seq++) {
    const put = await candidate.request.put(`/interview/recordings/${recordingId}/chunks/${seq}`, { data: webm.subarray(seq * CHUNK, (seq + 1) * CHUNK), headers: { "content-type": contentType } });
    expect(put.status()).toBe(204);
  }
  // A minute and more has passed since the take started (rows moved back), and the page measured 60 s.
  await moveInterview(page, interviewId, { seconds: 70 });
  const finished = await candidate.request.post(`/interview/recordings/${recordingId}/finish`, { data: { chunks, durationMs: 60_000 } });
  expect(await finished.json()).toMatchObject({ finished: true, missing: [] });

  // The candidate's review (after a reload: played from the server) knows the length.
  await candidate.reload();
  expect(await metadataDuration(candidate.getByLabel("Your recorded answer"))).toBeCloseTo(60, 0);
  await expect(candidate.getByText("Length 1:00")).toBeVisible();
  await candidate.getByRole("button", { name: "Submit and finish" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Sixty Seconds" })).toBeVisible();
  await context.close();

  // The recruiter sees the length before playing, the player knows it from the metadata alone,
  // and a seek to the middle plays on from there.
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Length 1:00")).toBeVisible();
  const player = page.getByLabel("Question 1, video answer");
  await player.scrollIntoViewIfNeeded();
  expect(await metadataDuration(player)).toBeCloseTo(60, 0);
  const seeked = await player.evaluate(async (el: HTMLVideoElement) => {
    el.muted = true;
    const done = new Promise((resolve) => el.addEventListener("seeked", resolve, { once: true }));
    el.currentTime = 30;
    await done;
    return el.currentTime;
  });
  expect(seeked).toBeCloseTo(30, 0);
  await player.evaluate((el: HTMLVideoElement) => el.play());
  await expect.poll(() => player.evaluate((el: HTMLVideoElement) => el.currentTime), { timeout: 15_000 }).toBeGreaterThan(30.5);
  expect(await player.evaluate((el: HTMLVideoElement) => el.error)).toBeNull();
});
