import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { createJob, expect, localDateTime, moveInterview, openEmail, scheduleAndGetLink, test } from "./fixtures";

// Every page, recruiter's and candidate's, at a desktop and a phone width: WCAG 2.1 A/AA plus axe's
// best practices (landmarks: nothing outside them, one top-level main; scrollable regions reachable).
const WIDTHS = [1280, 375] as const;

async function violations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .options({ resultTypes: ["violations"] }) // only what failed: much faster on a busy machine
    .analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

/** The page as it is now, checked at both widths (it is left at the first width). */
async function expectClean(page: Page, what: string) {
  for (const width of [...WIDTHS].reverse()) {
    await page.setViewportSize({ width, height: 800 });
    expect(await violations(page), `${what} at ${width} px`).toEqual([]);
  }
}

async function visit(page: Page, path: string, status?: number) {
  const response = await page.goto(path);
  if (status) expect(response?.status(), path).toBe(status);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectClean(page, path);
}

test("signed-out pages and invalid links", async ({ page }) => {
  test.setTimeout(180_000);
  for (const path of [
    "/sign-in",
    "/sign-up",
    "/forgot-password",
    "/reset-password?token=nothing",
    "/sign-up/confirm?token=nothing",
    "/verify-email?token=nothing",
    "/invite?token=nothing",
    "/no-such-page",
  ]) {
    await visit(page, path);
  }
  await visit(page, `/interview?session_key=${"x".repeat(43)}`, 404);
});

test("accept-invite, and the sign-up form showing its errors", async ({ page, browser, recruiter }) => {
  test.setTimeout(180_000);
  await page.goto("/team");
  const email = `axe-teammate-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expectClean(page, "team with an open invitation");
  const link = await openEmail(page, email, new RegExp(`Join ${recruiter.organizationName} on Kairos`));
  const context = await browser.newContext();
  const teammate = await context.newPage();
  await teammate.goto(link!);
  await expect(teammate.getByRole("heading", { name: `Join ${recruiter.organizationName}` })).toBeVisible();
  await expectClean(teammate, "accept invite");
  await teammate.getByRole("button", { name: "Join team" }).click();
  await expect(teammate.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expectClean(teammate, "accept invite with errors");

  await teammate.goto("/sign-up");
  await teammate.getByRole("button", { name: "Create account" }).click();
  await expect(teammate.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expectClean(teammate, "sign-up with errors");
  await context.close();
});

test("dashboard pages, empty", async ({ page, recruiter: _ }) => {
  test.setTimeout(240_000);
  for (const path of ["/interviews", "/interviews?when=past", "/interviews?when=review", "/jobs", "/candidates", "/team", "/settings", "/settings/api-keys", "/jobs/new", "/candidates/new"]) {
    await visit(page, path);
  }
});

test("the dashboard's 404 and the phone menu", async ({ page, recruiter: _ }) => {
  test.setTimeout(120_000);
  const notFound = await page.goto("/interviews/no-such-interview");
  expect(notFound?.status()).toBe(404);
  await expectClean(page, "dashboard 404");

  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await expect(page.getByRole("dialog", { name: "Menu" })).toBeVisible();
  expect(await violations(page), "menu open at 375 px").toEqual([]);
});

test("dashboard pages, filled, and forms showing errors", async ({ page, recruiter: _ }) => {
  test.setTimeout(240_000);
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill("Axe Candidate");
  await page.getByLabel("Email").fill(`axe-${randomUUID().slice(0, 8)}@example.com`);
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { name: "Axe Candidate" })).toBeVisible();
  await expectClean(page, "candidate page");
  await visit(page, "/candidates");

  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill("Axe Job");
  await page.getByRole("button", { name: "Create job" }).click();
  // A form showing errors is checked too.
  await expect(page.getByRole("listitem", { name: "Question 1", exact: true }).getByLabel("Prompt")).toHaveAttribute("aria-invalid", "true");
  await expectClean(page, "job form with errors");
  await page.getByRole("listitem", { name: "Question 1", exact: true }).getByLabel("Prompt").fill("Why us?");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  await expectClean(page, "job page");
  await visit(page, "/jobs");

  await visit(page, "/interviews/new");
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByText(/correct the highlighted fields/)).toBeVisible();
  await expectClean(page, "schedule form with errors");
});

test("the candidate's pages, from the countdown to thank you, and the recruiter's review", async ({ page, browser, recruiter }) => {
  test.setTimeout(300_000);
  await createJob(page, `Axe ${randomUUID().slice(0, 6)}`, [{ prompt: "Why this team?", prep: 30, answer: 300 }]);
  const early = await scheduleAndGetLink(page, { name: "Early Axe", email: `early-${randomUUID().slice(0, 8)}@example.test` }, await localDateTime(page, 2, 10));
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(early.link);
  await expect(candidate.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();
  await expectClean(candidate, "too early");

  // The recruiter's pages of a scheduled interview: emails table, accommodations, after a reschedule.
  await page.goto(`/interviews/${early.interviewId}`);
  await page.getByRole("button", { name: "Reschedule" }).click();
  await page.getByRole("dialog").getByLabel("New date and time").fill(await localDateTime(page, 3, 11));
  await page.getByRole("dialog").getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rescheduled." })).toBeVisible();
  await expectClean(page, "scheduled interview, rescheduled");
  // The emails table scrolls sideways on a phone; the keyboard reaches it.
  await page.setViewportSize({ width: 375, height: 800 });
  const emails = page.getByRole("region", { name: "Emails" });
  await emails.focus();
  await expect(emails).toBeFocused();
  await page.setViewportSize({ width: 1280, height: 800 });
  await visit(page, "/interviews");

  // The old link was replaced by the new time's.
  const replaced = await candidate.goto(early.link);
  expect(replaced?.status()).toBe(410);
  await expectClean(candidate, "replaced link (410)");

  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Now Axe", email: `now-${randomUUID().slice(0, 8)}@example.test` });
  await moveInterview(page, interviewId, { seconds: 3600 });
  await candidate.goto(link);
  await expect(candidate.getByText("Welcome, Now Axe. Your interview is open.")).toBeVisible();
  await expectClean(candidate, "lobby");
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByRole("button", { name: "Start answering now" })).toBeVisible();
  await expectClean(candidate, "question, preparing");
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("Because it ships.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await expectClean(candidate, "question, answering");
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Now Axe" })).toBeVisible();
  await expectClean(candidate, "thank you");
  await context.close();

  await openEmail(page, recruiter.email, /^Now Axe completed their interview/);
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Because it ships.")).toBeVisible();
  await expectClean(page, "completed interview with its review");
  await page.goto("/interviews?when=review");
  await expect(page.getByRole("link", { name: "Now Axe" })).toBeVisible();
  await expectClean(page, "to review, filled");
});
