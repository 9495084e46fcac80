import { randomBytes, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Page, type Response as PwResponse } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { E2E_AUTH_SECRET, E2E_BASE_URL } from "./env";

export const DEMO = { email: "recruiter@kairos.test", password: "kairos-demo" };

export type Recruiter = { name: string; email: string; password: string; organizationName: string };

/**
 * A client address of a browser's own. The server counts sign-ups and failed sign-ins per client,
 * taken from the right-most X-Forwarded-For entry (README, Security): without a proxy in front, as
 * here, that is what the browser sends. Each test's recruiter then signs up from a network of their
 * own, as real recruiters do, instead of every test sharing 127.0.0.1's hourly sign-up budget.
 */
export function ownClientAddress(): string {
  const [a, b, c] = randomBytes(3);
  return `10.${a}.${b}.${c}`;
}

/** A recruiter nobody has used, whose `page` now speaks from a network of its own (see ownClientAddress). */
async function newRecruiter(page: Page, label: string): Promise<Recruiter> {
  const id = randomUUID().slice(0, 8);
  await page.setExtraHTTPHeaders({ "x-forwarded-for": ownClientAddress() });
  return { name: `Robin ${id}`, email: `robin-${id}@example.test`, password: "correct horse battery", organizationName: `${label} ${id}` };
}

/**
 * Signs up a brand-new organisation through the UI, as a new recruiter does: the sign-up form, the
 * confirmation email in the dev mailbox, its link, and the password again. Leaves `page` signed in
 * as the owner (with its own client address, see ownClientAddress).
 */
export async function signUp(page: Page, label = "Org"): Promise<Recruiter> {
  const recruiter = await newRecruiter(page, label);
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(recruiter.name);
  await page.getByLabel("Company").fill(recruiter.organizationName);
  await page.getByLabel("Work email").fill(recruiter.email);
  await page.getByLabel("Password").fill(recruiter.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
  const link = await openEmail(page, recruiter.email, /^Confirm your email address for Kairos/);
  if (!link) throw new Error("the confirmation email has no link");
  await page.goto(link);
  await page.getByLabel("Password").fill(recruiter.password);
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/interviews$/);
  return recruiter;
}

/** Signs in through the sign-in form and waits until the session cookie is in place. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/interviews$/);
}

/**
 * A validly signed session cookie value (next-auth.session-token) for a user id, as the e2e server
 * would issue it — e.g. for an account that no longer exists.
 */
export async function sessionToken(userId: string, sessionId?: string): Promise<string> {
  return encode({ token: { uid: userId, ...(sessionId && { sid: sessionId }) }, secret: E2E_AUTH_SECRET });
}

/**
 * A new organisation whose owner is signed in on `page`, made in one request to a test hook
 * (app/api/test/organizations) instead of through the sign-up form and its email: the state a
 * confirmed sign-up leaves (on /interviews), a few seconds sooner. Specs about signing up use signUp.
 */
export async function signedInOwner(page: Page, label = "Org"): Promise<Recruiter & { userId: string }> {
  const recruiter = await newRecruiter(page, label);
  // The zone a sign-up takes from the browser: the one playwright.config.ts gives every page.
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const response = await page.request.post("/api/test/organizations", { data: { ...recruiter, timeZone } });
  expect(response.status()).toBe(201);
  const { userId, sessionId } = (await response.json()) as { userId: string; sessionId: string };
  await page.context().addCookies([{ name: "next-auth.session-token", value: await sessionToken(userId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  // Where a confirmed sign-up lands.
  await page.goto("/interviews");
  return { ...recruiter, userId };
}

export type QuestionSpec = { prompt: string; prep: number; answer: number; answerType?: "TEXT" | "VIDEO" | "AUDIO"; retakes?: number };

const ANSWER_TYPE_OPTION = { TEXT: "Text", VIDEO: "Video", AUDIO: "Audio" } as const;

/** Creates an open job through the UI (one text question unless given); returns its title. */
export async function createJob(
  page: Page,
  title = `Job ${randomUUID().slice(0, 6)}`,
  questions: QuestionSpec[] = [{ prompt: "Why do you want this role?", prep: 30, answer: 120 }],
): Promise<string> {
  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill(title);
  for (const [i, q] of questions.entries()) {
    if (i > 0) await page.getByRole("button", { name: "+ Add question" }).click();
    const row = page.getByRole("listitem", { name: `Question ${i + 1}`, exact: true });
    await row.getByLabel("Prompt").fill(q.prompt);
    await row.getByLabel("Preparation (s)").fill(String(q.prep));
    await row.getByLabel("Answer time (s)").fill(String(q.answer));
    if (q.answerType && q.answerType !== "TEXT") {
      const select = row.getByRole("combobox", { name: "Answer type" });
      await select.click();
      await page.getByRole("option", { name: ANSWER_TYPE_OPTION[q.answerType], exact: true }).click();
      await expect(select).toHaveText(new RegExp(ANSWER_TYPE_OPTION[q.answerType]));
    }
    // Only recorded answers have retakes: the field shows once the answer type is video or audio.
    if (q.retakes !== undefined) await row.getByLabel("Retakes allowed").fill(String(q.retakes));
  }
  await page.getByRole("button", { name: "Create job" }).click();
  // Saving lands on the job's own page (/jobs/:id), which confirms it.
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  return title;
}

/**
 * Fills the schedule form's start: "now" chooses Now (the link opens straight away); a
 * datetime-local value, or nothing for an hour from now, picks a date and time.
 */
export async function chooseStart(page: Page, local = "") {
  if (local === "now") {
    await page.getByRole("radio", { name: "Now" }).check();
    return;
  }
  await page.getByRole("radio", { name: "Pick a time" }).check();
  const at =
    local ||
    (await page.evaluate(() => {
      const inAnHour = new Date(Date.now() + 3_600_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${inAnHour.getFullYear()}-${pad(inAnHour.getMonth() + 1)}-${pad(inAnHour.getDate())}T${pad(inAnHour.getHours())}:${pad(inAnHour.getMinutes())}`;
    }));
  await page.getByLabel("Date and time").fill(at);
}

/** Chooses the schedule form's job: the one titled `title`, or the first on the list. */
export async function chooseJob(page: Page, title?: string) {
  await page.getByRole("combobox", { name: "Job" }).click();
  const options = page.getByRole("option");
  await (title ? options.filter({ hasText: title }).first() : options.first()).click();
}

/**
 * Opens the newest dev-mailbox message to `to` whose subject matches, waiting for the outbox to
 * deliver it. Returns the first link with a secret (an interview, an invitation, a sign-up
 * confirmation, a password reset, an address verification) found in the message's plain text.
 */
export async function openEmail(page: Page, to: string, subject: RegExp): Promise<string | null> {
  const message = page.getByRole("listitem").filter({ hasText: `To ${to}` }).filter({ hasText: subject }).first();
  // (an empty `to` matches any recipient)
  await expect(async () => {
    await page.goto("/dev/mailbox");
    // Signed out (a sign-up, a reset): account email is listed by its address.
    if (new URL(page.url()).pathname === "/sign-in") await page.goto(`/dev/mailbox/account?to=${encodeURIComponent(to)}`);
    await expect(message).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await message.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  const text = (await page.locator("pre").textContent()) ?? "";
  return /https?:\/\/\S+\/(?:interview\?session_key|invite\?token|sign-up\/confirm\?token|reset-password\?token|verify-email\?token)=[\w-]{43}/.exec(text)?.[0] ?? null;
}

/**
 * Schedules an interview of the first job for a new candidate through the UI (start: `local`, "now"
 * for the form's Now, or empty for one hour from now) and returns the interview's id and the link
 * from the invitation email.
 */
export async function scheduleAndGetLink(page: Page, candidate: { name: string; email: string; timeZone?: string }, local = "") {
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill(candidate.name);
  await page.getByLabel("Email").fill(candidate.email);
  await page.getByLabel("Their time zone").fill(candidate.timeZone ?? "America/New_York");
  await chooseJob(page);
  await chooseStart(page, local);
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  // The page shows the banner once and drops `?scheduled=1` from the address.
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/(?!new\b)[^/?]+(?:\?scheduled=1)?$/);
  const interviewId = new URL(page.url()).pathname.split("/").pop()!;
  const link = await openEmail(page, candidate.email, /^Your interview with /);
  if (!link) throw new Error("the invitation has no link");
  return { interviewId, link };
}

/**
 * Creates a job with `questions`, schedules it for a new candidate to start now and opens the
 * candidate's lobby in a new context of `browser` (the recruiter's `page` stays signed in).
 */
export async function openLobby(page: Page, browser: Browser, questions: QuestionSpec[]) {
  await createJob(page, `Lobby ${randomUUID().slice(0, 6)}`, questions);
  const email = `lobby-${randomUUID().slice(0, 8)}@example.test`;
  // Scheduled an hour ahead, then moved an hour back: the form's Now button fills in the current
  // minute without its seconds, which the server refuses once more than 60 s have passed since.
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Lee Lobby", email });
  await moveInterview(page, interviewId, { seconds: 3600 });
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link);
  await expect(candidate.getByText("Welcome, Lee Lobby. Your interview is open.")).toBeVisible();
  return { candidate, context, interviewId, origin: new URL(link).origin };
}

/** Moves one interview's rows in time (test hook): `seconds` into the past, or its window to open in `opensIn` seconds. */
export async function moveInterview(page: Page, interviewId: string, move: { seconds: number } | { opensIn: number }) {
  const query = "seconds" in move ? `seconds=${move.seconds}` : `opensIn=${move.opensIn}`;
  const response = await page.request.post(`/api/test/interviews/${interviewId}/shift?${query}`);
  expect(response.status()).toBe(200);
}

/** A wall-clock time `days` from now at `hour`:00 in the browser's zone, as datetime-local wants it. */
export async function localDateTime(page: Page, days: number, hour: number): Promise<string> {
  return page.evaluate(
    ([d, h]) => {
      const at = new Date(Date.now() + d * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(h)}:00`;
    },
    [days, hour] as const,
  );
}

/** WCAG 2.1 A/AA violations on the current page, as a readable list (empty when clean). */
export async function axeViolations(page: Page, { exclude }: { exclude?: string } = {}) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (exclude) builder.exclude(exclude);
  const { violations } = await builder.analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export const test = base.extend<{ recruiter: Recruiter }>({
  // A fresh organisation per test, so specs run in parallel without resets.
  recruiter: async ({ page }, use) => {
    await use(await signedInOwner(page));
  },
});

export { expect };

/**
 * Lets a recorder run until `chunks` more chunks (about a second of media each) have reached the
 * server: a real recording needs real seconds of media, but no fixed sleep.
 */
export async function recordUntilUploaded(page: Page, chunks: number, timeout = 30_000) {
  let stored = 0;
  const count = (response: PwResponse) => {
    if (response.request().method() === "PUT" && /\/chunks\/\d+$/.test(response.url()) && response.status() === 204) stored++;
  };
  page.on("response", count);
  try {
    await expect.poll(() => stored, { timeout }).toBeGreaterThanOrEqual(chunks);
  } finally {
    page.off("response", count);
  }
}

/** A completed two-question interview with written answers; returns its id once the recruiter has been told. */
export async function completedInterview(page: Page, browser: Browser, recruiter: Recruiter, name: string) {
  await createJob(page, `Review ${randomUUID().slice(0, 6)}`, [
    { prompt: "What did you ship last?", prep: 30, answer: 300 },
    { prompt: "What would you change here?", prep: 30, answer: 300 },
  ]);
  const interviewId = await answerBoth(page, browser, name, ["A deploy pipeline.", "The onboarding."], "review");
  await openEmail(page, recruiter.email, new RegExp(`^${name} completed their interview`));
  return interviewId;
}

/**
 * Schedules an interview of the first job (two written questions) for `name`, starting now, and
 * answers both with `texts` in a fresh browser, to its thank-you page. Returns the interview's id.
 */
export async function answerBoth(page: Page, browser: Browser, name: string, texts: [string, string], emailPrefix: string) {
  const { interviewId, link } = await scheduleAndGetLink(page, { name, email: `${emailPrefix}-${randomUUID().slice(0, 8)}@example.test` });
  await moveInterview(page, interviewId, { seconds: 3600 }); // starts now
  await answerTwoByLink(browser, link, name, texts);
  return interviewId;
}

/** Opens an interview's link (open now, two written questions) in a fresh browser and answers both with `texts`, to its thank-you page. */
export async function answerTwoByLink(browser: Browser, link: string, name: string, texts: [string, string]) {
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link);
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  for (const [text, next] of [[texts[0], "Submit and continue"], [texts[1], "Finish interview"]] as const) {
    await candidate.getByRole("button", { name: "Start answering now" }).click();
    await candidate.getByLabel("Your answer").fill(text);
    await expect(candidate.getByText(/^Saved at /)).toBeVisible();
    await candidate.getByRole("button", { name: next }).click();
  }
  await expect(candidate.getByRole("heading", { name: `Thank you, ${name}` })).toBeVisible();
  await context.close();
}
