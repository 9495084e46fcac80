import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { axeViolations, createJob, expect, moveInterview, openEmail, scheduleAndGetLink, test, type Recruiter } from "./fixtures";

/** A completed two-question interview with written answers; returns its id once the recruiter has been told. */
async function completedInterview(page: Page, browser: Browser, recruiter: Recruiter, name: string) {
  await createJob(page, `Review ${randomUUID().slice(0, 6)}`, [
    { prompt: "What did you ship last?", prep: 30, answer: 300 },
    { prompt: "What would you change here?", prep: 30, answer: 300 },
  ]);
  const { interviewId, link } = await scheduleAndGetLink(page, { name, email: `review-${randomUUID().slice(0, 8)}@example.test` });
  await moveInterview(page, interviewId, { seconds: 3600 }); // starts now
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link);
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  for (const [text, next] of [["A deploy pipeline.", "Submit and continue"], ["The onboarding.", "Finish interview"]] as const) {
    await candidate.getByRole("button", { name: "Start answering now" }).click();
    await candidate.getByLabel("Your answer").fill(text);
    await expect(candidate.getByText(/^Saved at /)).toBeVisible();
    await candidate.getByRole("button", { name: next }).click();
  }
  await expect(candidate.getByRole("heading", { name: `Thank you, ${name}` })).toBeVisible();
  await context.close();
  await openEmail(page, recruiter.email, new RegExp(`^${name} completed their interview`));
  return interviewId;
}

test("ratings and notes save as you go, without a save button per answer, and survive a reload", async ({ page, browser, recruiter }) => {
  test.setTimeout(120_000);
  const interviewId = await completedInterview(page, browser, recruiter, "Rae Review");
  await page.goto(`/interviews/${interviewId}`);

  const first = page.getByRole("article", { name: "Question 1" });
  const second = page.getByRole("article", { name: "Question 2" });
  await expect(first.getByRole("button", { name: /Save rating/ })).toHaveCount(0);
  await first.getByRole("radio", { name: "4" }).check();
  await expect(first.getByRole("status")).toHaveText(/Saved/);
  await first.getByLabel("Notes on Question 1").fill("Clear impact, good numbers.");
  await expect(first.getByRole("status")).toHaveText(/Saved/);
  await second.getByRole("radio", { name: "2" }).check();
  await second.getByLabel("Notes on Question 2").fill("Vague.");
  await expect(second.getByRole("status")).toHaveText(/Saved/);
  expect(await axeViolations(page), "review while saving").toEqual([]);

  await page.reload();
  await expect(first.getByRole("radio", { name: "4" })).toBeChecked();
  await expect(first.getByLabel("Notes on Question 1")).toHaveValue("Clear impact, good numbers.");
  await expect(second.getByRole("radio", { name: "2" })).toBeChecked();
  await expect(second.getByLabel("Notes on Question 2")).toHaveValue("Vague.");

  // Clearing a rating saves too; the timeline notes the ratings, not every keystroke of the notes.
  await second.getByRole("radio", { name: "Not rated" }).check();
  await expect(second.getByRole("status")).toHaveText(/Saved/);
  await page.reload();
  await expect(second.getByRole("radio", { name: "Not rated" })).toBeChecked();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Question 1 rated 4 of 5")).toHaveCount(1);
  await expect(timeline.getByText("Question 2 rating cleared")).toHaveCount(1);
});

test("destructive actions come last on the review page", async ({ page, browser, recruiter }) => {
  test.setTimeout(120_000);
  const interviewId = await completedInterview(page, browser, recruiter, "Dee Last");
  await page.goto(`/interviews/${interviewId}`);
  const answers = page.getByRole("region", { name: "Answers", exact: true });
  const recommendation = page.getByRole("region", { name: "Overall recommendation" });
  const remove = page.getByRole("button", { name: "Delete answers and recordings now" });
  await expect(remove).toBeVisible();
  const top = async (l: typeof remove) => (await l.boundingBox())!.y;
  expect(await top(remove)).toBeGreaterThan(await top(answers));
  expect(await top(remove)).toBeGreaterThan(await top(recommendation));
  // Nothing but the page's end after it: it is the last control on the page.
  const lastButton = page.getByRole("main").getByRole("button").last();
  await expect(lastButton).toHaveText("Delete answers and recordings now");
});
