import type { Request } from "@playwright/test";
import { axeViolations, expect, openLobby, test } from "./fixtures";

// The lobby of an interview with recorded answers: the device check's camera stays on for a
// practice take that never leaves the browser, and on into the first question.

const VIDEO = { prompt: "Introduce yourself on camera.", prep: 30, answer: 60, answerType: "VIDEO" } as const;

type Watched = Window & { __stopped: string[] };

test("a practice take records and plays back in the browser only, and the camera stays live into question 1", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  const { candidate, context, interviewId } = await openLobby(page, browser, [VIDEO]);
  await context.grantPermissions(["camera", "microphone"]);
  // Every track the page stops is noted, so a camera turned off and on again cannot pass for one kept on.
  await context.addInitScript(() => {
    const w = window as unknown as Watched;
    w.__stopped = [];
    const stop = MediaStreamTrack.prototype.stop;
    MediaStreamTrack.prototype.stop = function (this: MediaStreamTrack) {
      w.__stopped.push(`${this.kind}:${this.id}`);
      return stop.call(this);
    };
  });
  await candidate.reload();
  const sent: Request[] = [];
  candidate.on("request", (request) => {
    if (request.method() !== "GET") sent.push(request);
  });

  const practice = candidate.getByRole("region", { name: "Practice recording" });
  const record = practice.getByRole("button", { name: "Record a practice answer" });
  await expect(record).toBeDisabled();
  await expect(record).toHaveAccessibleDescription("Check your camera and microphone above first: the practice uses them.");
  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();
  await expect(check.getByRole("heading", { name: "Your camera and microphone work" })).toBeVisible({ timeout: 15_000 });
  // The preview stays on after the check.
  const preview = check.getByLabel("Your camera preview");
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  const lobbyTracks = await preview.evaluate((v: HTMLVideoElement) => (v.srcObject as MediaStream).getTracks().map((t) => `${t.kind}:${t.id}`));
  expect(lobbyTracks).toHaveLength(2);

  // A practice take: recorded, stopped, played back from the browser's memory.
  await record.click();
  await expect(practice.getByText("REC", { exact: true })).toBeVisible();
  await expect(practice.getByRole("timer")).toHaveText(/^0:0[1-9]/, { timeout: 10_000 });
  await practice.getByRole("button", { name: "Stop" }).click();
  const playback = practice.getByLabel("Your practice answer");
  await expect.poll(() => playback.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(await playback.getAttribute("src")).toMatch(/^blob:/);
  await playback.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => playback.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeGreaterThan(0);
  expect(await playback.evaluate((v: HTMLVideoElement) => v.duration)).toBeLessThan(60);
  await expect(practice.getByText(/never uploaded/)).toBeVisible();
  expect(await axeViolations(candidate), "lobby with a practice take").toEqual([]);
  // Nothing of it went anywhere: no request but GETs, and no recording stored.
  expect(sent.map((r) => `${r.method()} ${new URL(r.url()).pathname}`)).toEqual([]);

  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByText("Question 1 of 1", { exact: true })).toBeVisible();
  const camera = candidate.getByLabel("Your camera");
  await expect.poll(() => camera.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  // The question shows the same live tracks the check started: never stopped in between.
  expect(await camera.evaluate((v: HTMLVideoElement) => (v.srcObject as MediaStream).getTracks().map((t) => `${t.kind}:${t.id}`))).toEqual(lobbyTracks);
  expect(await camera.evaluate((v: HTMLVideoElement) => (v.srcObject as MediaStream).getTracks().every((t) => t.readyState === "live"))).toBe(true);
  expect(await candidate.evaluate(() => (window as unknown as Watched).__stopped)).toEqual([]);
  // Only the start reached the server: the practice take stored nothing.
  expect(sent.map((r) => `${r.method()} ${new URL(r.url()).pathname}`).filter((r) => r.includes("recordings"))).toEqual([]);
  const search = await page.request.post("/api/test/database/search", { data: { needle: interviewId } });
  const tables = ((await search.json()) as { matches: Array<{ table: string }> }).matches.map((m) => m.table);
  expect(tables).toContain("Interview");
  expect(tables).not.toContain("Recording");
  await context.close();
});
