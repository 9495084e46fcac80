import { randomUUID } from "node:crypto";
import type { Page, Response } from "@playwright/test";
import { axeViolations, createJob, expect, localDateTime, moveInterview, openEmail, openLobby, scheduleAndGetLink, test } from "./fixtures";
import { earlyInAMinute } from "./rate-windows";

const QUESTIONS = [
  { prompt: "Describe a project you are proud of.", prep: 20, answer: 90 },
  { prompt: "What would you improve about it?", prep: 5, answer: 60 },
];

function expectPortalHeaders(response: Response | null) {
  const headers = response?.headers() ?? {};
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-robots-tag"]).toContain("noindex");
}

/** Seconds shown on the question timer ("1:05" → 65). */
async function timerSeconds(page: Page): Promise<number> {
  const [m, s] = ((await page.getByRole("timer").textContent()) ?? "0:00").split(":").map(Number);
  return m! * 60 + s!;
}

test("the full candidate journey: clean URL, too early, lobby, timed answers with autosave and resume, finish, review", async ({ page, browser, recruiter }) => {
  test.setTimeout(180_000);
  await createJob(page, `Portal ${randomUUID().slice(0, 6)}`, QUESTIONS);
  const candidateEmail = `portal-${randomUUID().slice(0, 8)}@example.test`;
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Maya Portal", email: candidateEmail });

  const context = await browser.newContext({ timezoneId: "Asia/Tokyo" });
  const candidate = await context.newPage();
  const origin = new URL(link).origin;
  const foreign: string[] = [];
  candidate.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) foreign.push(request.url());
  });
  const responses: Response[] = [];
  candidate.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/interview") && response.request().resourceType() === "document") responses.push(response);
  });

  // The key leaves the URL at once: 303 to a clean /interview, the key in an httpOnly cookie.
  const first = await candidate.goto(link);
  expect(candidate.url()).toBe(`${origin}/interview`);
  expect(first?.request().redirectedFrom()?.url()).toBe(link);
  expect((await first?.request().redirectedFrom()?.response())?.status()).toBe(303);
  const cookie = (await context.cookies()).find((c) => c.name === "kairos_interview");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/interview" });
  await expect(candidate.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();
  expect(await axeViolations(candidate), "too early").toEqual([]);

  // The window opens a few seconds from now; the page moves on by itself.
  await moveInterview(page, interviewId, { opensIn: 3 });
  await candidate.reload();
  await expect(candidate.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();
  await expect(candidate.getByRole("heading", { level: 1 })).toContainText("Portal", { timeout: 20_000 });
  await expect(candidate.getByText("Welcome, Maya Portal. Your interview is open.")).toBeVisible();
  await expect(candidate.getByText("2 (written answers)")).toBeVisible();
  expect(await axeViolations(candidate), "lobby").toEqual([]);

  // Consent is required; the practice question runs in the browser only.
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByText("Please agree before you start.")).toBeVisible();
  await candidate.getByRole("button", { name: "Start practice" }).click();
  await candidate.getByLabel("Your practice answer").fill("Toast. Yes.");
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();

  // Question 1: preparation, then answering (skipped early), autosave.
  await expect(candidate.getByText("Question 1 of 2", { exact: true })).toBeVisible();
  await expect(candidate.getByRole("heading", { name: QUESTIONS[0]!.prompt })).toBeVisible();
  await expect(candidate.getByText("Preparation", { exact: true })).toBeVisible();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  const answer = candidate.getByLabel("Your answer");
  await expect(answer).toBeFocused();
  await answer.fill("I rebuilt our deploy pipeline so releases take minutes, not days.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  expect(await axeViolations(candidate), "question").toEqual([]);

  // A reload resumes the same question, with the saved text and the true remaining time.
  const before = await timerSeconds(candidate);
  await moveInterview(page, interviewId, { seconds: 40 });
  await candidate.reload();
  await expect(candidate.getByText("Question 1 of 2", { exact: true })).toBeVisible();
  await expect(answer).toHaveValue("I rebuilt our deploy pipeline so releases take minutes, not days.");
  const after = await timerSeconds(candidate);
  expect(after).toBeLessThanOrEqual(before - 38);
  expect(after).toBeGreaterThan(before - 50);

  await candidate.getByRole("button", { name: "Submit and continue" }).click();
  await expect(candidate.getByText("Question 2 of 2", { exact: true })).toBeVisible();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("More tests, fewer pages.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Maya Portal" })).toBeVisible();
  // What happens next: the confirmation email, the review, who gets in touch.
  const next = candidate.getByRole("region", { name: "What happens next" });
  await expect(next).toContainText("A confirmation email is on its way");
  await expect(next).toContainText("The hiring team reviews your answers.");
  await expect(next).toContainText(/Portal|contacts you about the next step/);
  // The page arrives by a client-side refresh whose <title> can land a moment after its content.
  await expect(candidate).toHaveTitle(/\S/);
  expect(await axeViolations(candidate), "thank you").toEqual([]);

  // Every portal document carried the headers, and nothing was fetched from another origin.
  expect(responses.length).toBeGreaterThan(3);
  for (const response of responses) expectPortalHeaders(response);
  expect(foreign).toEqual([]);
  await context.close();

  // The recruiter hears about it and sees the answers.
  await openEmail(page, recruiter.email, /^Maya Portal completed their interview for Portal/);
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
  await expect(page.getByText("I rebuilt our deploy pipeline so releases take minutes, not days.")).toBeVisible();
  await expect(page.getByText("More tests, fewer pages.")).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("The candidate started the interview");
  await expect(timeline).toContainText("The candidate completed the interview");

  // It waits under "To review" until the recruiter rates it and decides.
  await page.goto("/interviews?when=review");
  await expect(page.getByRole("link", { name: "Maya Portal" })).toBeVisible();
  await page.getByRole("link", { name: "Maya Portal" }).click();
  const rated = page.getByRole("article", { name: "Question 1" });
  await rated.getByRole("radio", { name: "4" }).check();
  await rated.getByLabel("Notes on Question 1").fill("Clear impact, good numbers.");
  await expect(rated.getByRole("status")).toHaveText("Saved"); // ratings and notes save as you go
  // Rated on my scorecard only: still to review until the decision.
  await page.reload();
  await expect(page.getByRole("article", { name: "Question 1" }).getByRole("radio", { name: "4" })).toBeChecked();
  const decision = page.getByRole("region", { name: "Decision" });
  await decision.getByRole("radio", { name: "Advance" }).check();
  await decision.getByLabel("Comment").fill("Strong candidate.");
  await decision.getByRole("button", { name: "Save decision" }).click();
  await expect(decision.getByRole("status").filter({ hasText: "Decision saved." })).toBeVisible();
  expect(await axeViolations(page), "review").toEqual([]);
  await page.goto("/interviews?when=review");
  await expect(page.getByRole("link", { name: "Maya Portal" })).toHaveCount(0);
});

test("replaced, cancelled and expired links each get their own page and status", async ({ page, browser, recruiter }) => {
  test.setTimeout(120_000);
  await createJob(page);
  const candidateEmail = `states-${randomUUID().slice(0, 8)}@example.test`;
  const first = await scheduleAndGetLink(page, { name: "Sam States", email: candidateEmail });
  const context = await browser.newContext();
  const candidate = await context.newPage();

  // Replaced: the recruiter resends; the old link says a newer invitation exists.
  await page.goto(`/interviews/${first.interviewId}`);
  await page.getByRole("button", { name: "Resend invitation" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resend invitation" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  let response = await candidate.goto(first.link);
  expect(response?.status()).toBe(410);
  expectPortalHeaders(response);
  await expect(candidate.getByRole("heading", { name: "A newer invitation was sent" })).toBeVisible();
  expect(await axeViolations(candidate), "replaced").toEqual([]);

  // Cancelled.
  await page.getByRole("button", { name: "Cancel interview" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel interview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  response = await candidate.goto(first.link);
  expect(response?.status()).toBe(410);
  await expect(candidate.getByRole("heading", { name: "This interview was cancelled" })).toBeVisible();

  // Expired: the window closed without a start; the candidate asks for a new time, once.
  const lateEmail = `late-${randomUUID().slice(0, 8)}@example.test`;
  const second = await scheduleAndGetLink(page, { name: "Sam Late", email: lateEmail });
  await moveInterview(page, second.interviewId, { seconds: 2 * 3600 });
  response = await candidate.goto(second.link);
  expect(response?.status()).toBe(410);
  await expect(candidate.getByRole("heading", { name: "The time for this interview has passed" })).toBeVisible();
  expect(await axeViolations(candidate), "expired").toEqual([]);
  await candidate.getByRole("button", { name: "Ask for a new time" }).click();
  await expect(candidate.getByRole("status")).toHaveText(/You have asked for a new time/);
  expect(new URL(candidate.url()).pathname).toBe("/interview");
  await candidate.reload();
  await expect(candidate.getByText(/You have asked for a new time/)).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Ask for a new time" })).toHaveCount(0);
  await openEmail(page, recruiter.email, /^Sam Late asks for a new interview time/);

  // The recruiter gives a new time from the interview's page; the candidate gets a working link.
  await page.goto(`/interviews/${second.interviewId}`);
  await expect(page.getByText(/They asked for a new time/)).toBeVisible();
  await page.getByRole("button", { name: "Reschedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule" });
  await dialog.getByLabel("New date and time").fill(await localDateTime(page, 1, 9));
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Scheduled");
  // Scoped to this candidate: other specs running in parallel send "New time" emails too.
  const fresh = await openEmail(page, lateEmail, /^New time: /);
  response = await candidate.goto(second.link);
  expect(response?.status()).toBe(410);
  await expect(candidate.getByRole("heading", { name: "A newer invitation was sent" })).toBeVisible();
  await candidate.goto(fresh!);
  await expect(candidate.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();
  await context.close();
});

test("invalid keys all get the same 404 page, and guessing is rate-limited", async ({ page, request }) => {
  const bodies = new Set<string>();
  const keys = ["", "short", "x".repeat(43), "é".repeat(43), "' OR 1=1 --".padEnd(43, "-"), "a".repeat(5000), randomUUID()];
  for (const [i, key] of keys.entries()) {
    const response = await request.get(`/interview?session_key=${encodeURIComponent(key)}`, { headers: { "x-forwarded-for": `10.1.0.${i}` } });
    expect(response.status(), key.slice(0, 20)).toBe(404);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    bodies.add((await response.text()).replace(/"buildId":"[^"]+"/, ""));
  }
  expect(bodies.size).toBe(1);
  const noCookie = await request.get("/interview", { headers: { "x-forwarded-for": "10.1.1.1" } });
  expect(noCookie.status()).toBe(404);

  // One client: 20 failures a minute, then 429 — even for a well-formed guess.
  await earlyInAMinute();
  const statuses: number[] = [];
  for (let i = 0; i < 22; i++) {
    const response = await request.get(`/interview?session_key=${"g".repeat(42)}${i % 10}`, { headers: { "x-forwarded-for": "10.9.9.9" } });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
  expect(statuses.slice(20)).toEqual([429, 429]);
  await page.goto("/sign-in"); // the rest of the site is unaffected
  await expect(page.getByRole("heading", { name: "Sign in to Kairos" })).toBeVisible();
});

test("the portal works on a 375 px phone", async ({ page, browser, recruiter: _ }) => {
  await createJob(page, `Phone ${randomUUID().slice(0, 6)}`, [{ prompt: "Why this team?", prep: 5, answer: 60 }]);
  // "Now" opens the link straight away.
  const { link } = await scheduleAndGetLink(page, { name: "Pat Phone", email: `phone-${randomUUID().slice(0, 8)}@example.test` }, "now");
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const candidate = await context.newPage();
  await candidate.goto(link);
  await expect(candidate.getByText("Welcome, Pat Phone. Your interview is open.")).toBeVisible();
  const width = await candidate.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  expect(await axeViolations(candidate), "lobby at 375px").toEqual([]);
  await candidate.getByRole("checkbox", { name: /I understand/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("Because of the mission.");
  expect(await candidate.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Pat Phone" })).toBeVisible();
  await context.close();
});

test("1,000 random and malformed keys: never a 5xx, always the same 404 page", async ({ request }) => {
  test.setTimeout(180_000);
  const alphabet = ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", "'\";%<>/\\ ()=*", "éüñ中文🙂\u0000\u200b"];
  const bodies = new Map<string, number>();
  for (let i = 0; i < 1000; i++) {
    const chars = Array.from(alphabet[i % 3]! + (i % 7 === 0 ? alphabet[0] : "")); // code points, not UTF-16 halves
    const length = [0, 1, 42, 43, 44, 64, 300][i % 7]!;
    const key = Array.from({ length }, () => chars[Math.floor(Math.random() * chars.length)]).join("");
    const response = await request.get("/interview", {
      headers: { cookie: `kairos_interview=${encodeURIComponent(key)}`, "x-forwarded-for": `10.${(i >> 8) & 255}.${i & 255}.7` },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(key)).toBe(404);
    const body = (await response.text()).replace(/"buildId":"[^"]+"/, "");
    bodies.set(body, (bodies.get(body) ?? 0) + 1);
  }
  expect(bodies.size).toBe(1);
});

test("keyboard only; cancelling mid-interview stops the candidate on the cancelled page", async ({ page, browser, recruiter: _ }) => {
  await createJob(page, `Keys ${randomUUID().slice(0, 6)}`, [{ prompt: "What motivates you?", prep: 5, answer: 120 }]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Kai Keys", email: `keys-${randomUUID().slice(0, 8)}@example.test` });
  await moveInterview(page, interviewId, { opensIn: -60 });
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link);

  await candidate.getByRole("checkbox", { name: /I understand/ }).focus();
  await candidate.keyboard.press("Space");
  await candidate.getByRole("button", { name: "Start interview" }).focus();
  await candidate.keyboard.press("Enter");
  await candidate.getByRole("button", { name: "Start answering now" }).focus();
  await candidate.keyboard.press("Enter");
  await expect(candidate.getByLabel("Your answer")).toBeFocused();
  await candidate.keyboard.type("Building things people use.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();

  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In progress");
  await page.getByRole("button", { name: "Cancel interview" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel interview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");

  // The candidate's next action is refused on the server and lands on the cancelled page.
  await candidate.keyboard.type(" And more.");
  await expect(candidate.getByRole("heading", { name: "This interview was cancelled" })).toBeVisible({ timeout: 15_000 });
  await context.close();
});

test("a client cannot speak for the key: a forged access verdict header changes nothing", async ({ page, browser, recruiter: _ }) => {
  await createJob(page, `Forged ${randomUUID().slice(0, 6)}`, QUESTIONS);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Early Bird", email: `early-${randomUUID().slice(0, 8)}@example.test` }, await localDateTime(page, 3, 10));
  const forged = JSON.stringify({ state: "in_progress", interviewId, sessionId: "x" });
  const context = await browser.newContext({ extraHTTPHeaders: { "x-kairos-access": forged } });
  const candidate = await context.newPage();
  await candidate.goto(link);
  await expect(candidate.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();
  // Without the cookie the forged verdict is no key at all.
  const anonymous = await browser.newContext({ extraHTTPHeaders: { "x-kairos-access": forged } });
  expect((await anonymous.request.get(new URL("/interview", link).toString())).status()).toBe(404);
  await anonymous.close();
  await context.close();
});

/** The tables and columns where the server has stored `needle` (test hook). */
async function storedIn(page: Page, needle: string): Promise<string[]> {
  const response = await page.request.post("/api/test/database/search", { data: { needle } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { matches: Array<{ table: string; column: string }> }).matches.map((m) => `${m.table}.${m.column}`);
}

test("a written answer continued after a reload is saved in the order it was typed", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Tell us about a hard bug.", prep: 0, answer: 300 }]);
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  const answer = candidate.getByLabel("Your answer");
  await expect(answer).toBeFocused();
  await candidate.keyboard.type("First part.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await expect.poll(() => storedIn(page, "First part.")).toContain("InterviewAnswer.text");

  // Back after a reload, the field has the focus again and typing carries on where the text ends.
  await candidate.reload();
  await expect(answer).toHaveValue("First part.");
  await expect(answer).toBeFocused();
  await candidate.keyboard.type(" Second part.");
  // What the server keeps (and the recruiter reads) is the text in the order it was typed.
  await expect.poll(() => storedIn(page, "First part. Second part."), { timeout: 15_000 }).toContain("InterviewAnswer.text");
  await expect(answer).toHaveValue("First part. Second part.");
  await context.close();
});

test("the invitation, the recruiter's page and the lobby plan the same length", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  // 4 minutes of questions: with the lobby, the device check and the practice, plan for 10.
  await createJob(page, `Length ${randomUUID().slice(0, 6)}`, [
    { prompt: "What brought you here?", prep: 30, answer: 120 },
    { prompt: "What would you change first?", prep: 30, answer: 60 },
  ]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Len Estimate", email: `estimate-${randomUUID().slice(0, 8)}@example.test` });
  const email = (await page.locator("pre").textContent()) ?? "";
  const planned = Number(/plan for about (\d+) minutes/.exec(email)?.[1]);
  expect(planned).toBe(10);

  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText(`2 questions · ${planned} minutes`)).toBeVisible();

  await moveInterview(page, interviewId, { seconds: 3600 });
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link);
  const estimated = candidate.getByRole("definition").filter({ hasText: /^About \d+ minutes$/ });
  await expect(estimated).toHaveText(`About ${planned} minutes`);
  await context.close();
});
