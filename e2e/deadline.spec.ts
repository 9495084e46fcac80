import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { axeViolations, createJob, expect, moveInterview, openEmail, test } from "./fixtures";

// An interview to complete by a deadline, as a recruiter and a candidate meet it: the job's
// defaults, the schedule form, the invitation, and the candidate answering over two visits with a
// break between questions. Time is moved with the test hook (the interview's rows), never slept.

const QUESTIONS = [
  { prompt: "What drew you to this role?", prep: 20, answer: 90 },
  { prompt: "Tell us about a decision you would make differently.", prep: 20, answer: 90 },
];

/** Seconds shown on the question timer ("0:18" → 18). */
async function timerSeconds(page: Page): Promise<number> {
  const [m, s] = ((await page.getByRole("timer").textContent()) ?? "0:00").split(":").map(Number);
  return m! * 60 + s!;
}

/** The date `days` from today in `zone`, as a date input holds it. */
function dateIn(zone: string, days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

test("a deadline interview: the job's default, scheduled from the form, answered over two visits with a break; a question reopened and answered again", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(240_000);
  const title = `Deadline ${randomUUID().slice(0, 6)}`;
  await createJob(page, title, QUESTIONS);
  const jobUrl = page.url();

  // The job's interview defaults: by a deadline, 5 days.
  await page.goto(`${jobUrl}/edit`);
  await page.getByRole("combobox", { name: "Candidates take it" }).click();
  await page.getByRole("option", { name: "Any time before a deadline" }).click();
  await page.getByLabel("Days to complete").fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();

  // The schedule form starts from them, the date counted in the candidate's zone.
  const jobId = new URL(jobUrl).pathname.split("/").pop()!;
  await page.goto(`/interviews/new?job=${jobId}`);
  await page.getByRole("radio", { name: "New candidate" }).check();
  const email = `deadline-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByLabel("Name").fill("Dana Deadline");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Their time zone").fill("Asia/Tokyo");
  await expect(page.getByRole("radio", { name: "Any time before a deadline" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Pick a time" })).toHaveCount(0);
  const completeBy = page.getByLabel("Complete by");
  await expect(completeBy).toHaveValue(dateIn("Asia/Tokyo", 5));
  await expect(page.getByText("Due at 17:00 their time (Asia/Tokyo)", { exact: false })).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/deadline-schedule-1280.png", fullPage: true });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.screenshot({ path: "test-results/deadline-schedule-375.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await axeViolations(page), "schedule form").toEqual([]);
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  const interviewId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByText("Complete by (your time)")).toBeVisible();
  await expect(page.getByRole("button", { name: "Reschedule" })).toHaveCount(0);

  // The invitation: complete by the date at 17:00, Tokyo time; how long; pausing allowed.
  const link = await openEmail(page, email, /^Your interview with /);
  if (!link) throw new Error("the invitation has no link");
  const body = page.locator("pre");
  await expect(body).toContainText("complete by");
  await expect(body).toContainText("5:00 PM (your time)");
  await expect(body).toContainText("You can pause between questions and come back to the same link later.");

  // Visit 1: the lobby, then question 1, then a break.
  const first = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US" });
  const candidate = await first.newPage();
  await candidate.goto(link);
  await expect(candidate.getByText("Welcome, Dana Deadline. Your interview is open.")).toBeVisible();
  await expect(candidate.getByText("Complete by", { exact: true })).toBeVisible();
  await expect(candidate.getByText(/You can take a break between questions/)).toBeVisible();
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByText("Question 1 of 2", { exact: true })).toBeVisible();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("The chance to build hiring tools people enjoy using.");
  await candidate.getByRole("button", { name: "Submit and continue" }).click();
  await expect(candidate.getByRole("heading", { name: "1 of 2 answered" })).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Continue with question 2" })).toBeVisible();
  await first.close();

  // A day later (everything of this interview moved a day into the past; the due date with it).
  await moveInterview(page, interviewId, { seconds: 86_400 });

  // Visit 2, on the same link: where they left off, and question 2's clock only starts now.
  const second = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US" });
  const back = await second.newPage();
  await back.goto(link);
  await expect(back.getByRole("heading", { name: "1 of 2 answered" })).toBeVisible();
  await expect(back.getByRole("progressbar", { name: "Questions answered" })).toHaveAttribute("aria-valuenow", "1");
  expect(await axeViolations(back), "between questions").toEqual([]);
  for (const [width, height] of [
    [1280, 800],
    [375, 800],
  ] as const) {
    await back.setViewportSize({ width, height });
    await back.screenshot({ path: `test-results/deadline-break-${width}.png`, fullPage: true });
  }
  await back.getByRole("button", { name: "Continue with question 2" }).click();
  await expect(back.getByText("Question 2 of 2", { exact: true })).toBeVisible();
  await expect(back.getByText("Preparation", { exact: true })).toBeVisible();
  // The full 20 s of preparation (less the seconds this check takes), not a day's worth run out.
  expect(await timerSeconds(back)).toBeGreaterThan(10);
  await back.getByRole("button", { name: "Start answering now" }).click();
  await back.getByLabel("Your answer").fill("I would have asked the users first.");
  await back.getByRole("button", { name: "Finish interview" }).click();
  await expect(back.getByRole("heading", { name: "Thank you, Dana Deadline" })).toBeVisible();
  await second.close();

  // The recruiter sees both answers, and when the candidate came back.
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("The chance to build hiring tools people enjoy using.")).toBeVisible();
  await expect(page.getByText("I would have asked the users first.")).toBeVisible();
  await expect(page.getByText("The candidate came back and opened question 2")).toBeVisible();

  // The recruiter reopens question 1: it needs an answer again, by a new date.
  await page.getByRole("button", { name: "Reopen questions" }).click();
  const reopen = page.getByRole("dialog", { name: "Reopen questions" });
  await expect(reopen.getByLabel("Complete by")).toHaveValue(dateIn("Asia/Tokyo", 7));
  await reopen.getByRole("button", { name: "Reopen and email" }).click();
  await expect(reopen.getByText("Choose at least one question to reopen.")).toBeVisible();
  await reopen.getByRole("checkbox", { name: "Question 1: What drew you to this role?" }).check();
  for (const [width, height] of [
    [1280, 800],
    [375, 800],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/deadline-reopen-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(await axeViolations(page), "reopen dialog").toEqual([]);
  await reopen.getByRole("button", { name: "Reopen and email" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Question reopened." })).toBeVisible();
  await expect(page.getByText("Question 1 reopened; new due date and link queued")).toBeVisible();
  await expect(page.getByText("The chance to build hiring tools people enjoy using.")).toHaveCount(0);
  await expect(page.getByText("I would have asked the users first.")).toBeVisible();
  await page.screenshot({ path: "test-results/deadline-reopened-1280.png", fullPage: true });

  // One email naming the question, with a new link; the candidate answers question 1 only.
  const reopenedLink = await openEmail(page, email, /^Please answer a question again: your interview with /);
  if (!reopenedLink) throw new Error("the reopening email has no link");
  expect(reopenedLink).not.toBe(link);
  await expect(body).toContainText("Question 1: What drew you to this role?");
  await expect(body).not.toContainText("Question 2:");
  const third = await browser.newContext({ timezoneId: "Asia/Tokyo", locale: "en-US" });
  const again = await third.newPage();
  await again.goto(reopenedLink);
  await expect(again.getByRole("heading", { name: "1 of 2 answered" })).toBeVisible();
  await again.getByRole("button", { name: "Continue with question 1" }).click();
  await expect(again.getByText("Question 1 of 2", { exact: true })).toBeVisible();
  await again.getByRole("button", { name: "Start answering now" }).click();
  await again.getByLabel("Your answer").fill("Hiring tools that candidates trust.");
  await again.getByRole("button", { name: "Finish interview" }).click();
  await expect(again.getByRole("heading", { name: "Thank you, Dana Deadline" })).toBeVisible();
  await third.close();

  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Completed", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("Hiring tools that candidates trust.")).toBeVisible();
  await expect(page.getByText("I would have asked the users first.")).toBeVisible();
});

test("an expired deadline: the candidate asks for more time, the recruiter extends it, the candidate finishes on the new link", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(240_000);
  const title = `Extend ${randomUUID().slice(0, 6)}`;
  await createJob(page, title, QUESTIONS.slice(0, 1));
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  const email = `extend-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByLabel("Name").fill("Eli Extend");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Their time zone").fill("Europe/Berlin");
  await page.getByRole("combobox", { name: "Job" }).click();
  await page.getByRole("option", { name: title }).click();
  await page.getByRole("radio", { name: "Any time before a deadline" }).check();
  await page.getByLabel("Complete by").fill(dateIn("Europe/Berlin", 2));
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  const interviewId = new URL(page.url()).pathname.split("/").pop()!;
  const link = await openEmail(page, email, /^Your interview with /);
  if (!link) throw new Error("the invitation has no link");

  // Five days later, never started: the link answers 410 and offers to ask for more time.
  await moveInterview(page, interviewId, { seconds: 5 * 86_400 });
  const first = await browser.newContext({ timezoneId: "Europe/Berlin", locale: "en-US" });
  const candidate = await first.newPage();
  const expired = await candidate.goto(link);
  expect(expired?.status()).toBe(410);
  await expect(candidate.getByRole("heading", { name: "The deadline for this interview has passed" })).toBeVisible();
  await candidate.getByRole("button", { name: "Ask for more time" }).click();
  await expect(candidate.getByRole("status")).toHaveText(/You have asked for more time/);
  await first.close();

  // The recruiter hears, and extends from the interview's page.
  await openEmail(page, "", /^Eli Extend asks for more time for their interview/);
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Eli Extend did not start by the due date.")).toBeVisible();
  await page.getByRole("button", { name: "Extend deadline" }).click();
  const dialog = page.getByRole("dialog", { name: "Extend deadline" });
  await dialog.getByLabel("Complete by").fill(dateIn("Europe/Berlin", 3));
  await dialog.getByRole("button", { name: "Extend deadline" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deadline extended." })).toBeVisible();
  await expect(page.getByText("Deadline extended; new due date and link queued")).toBeVisible();

  // One email with a new link; the old one now says a newer invitation was sent.
  const newLink = await openEmail(page, email, /^More time: your interview with /);
  if (!newLink) throw new Error("the new due date's email has no link");
  expect(newLink).not.toBe(link);
  const second = await browser.newContext({ timezoneId: "Europe/Berlin", locale: "en-US" });
  const back = await second.newPage();
  expect((await back.goto(link))?.status()).toBe(410);
  await expect(back.getByRole("heading", { name: "A newer invitation was sent" })).toBeVisible();
  await back.goto(newLink);
  await expect(back.getByText("Welcome, Eli Extend. Your interview is open.")).toBeVisible();
  await back.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await back.getByRole("button", { name: "Start interview" }).click();
  await back.getByRole("button", { name: "Start answering now" }).click();
  await back.getByLabel("Your answer").fill("Thank you for the extra days.");
  await back.getByRole("button", { name: "Finish interview" }).click();
  await expect(back.getByRole("heading", { name: "Thank you, Eli Extend" })).toBeVisible();
  await second.close();
});
