import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { answerBoth, axeViolations, createJob, expect, test } from "./fixtures";

// A recruiter compares three candidates of one job with the keyboard only: next/previous candidate
// and question, a digit to rate, the rating still there after a reload; then sorts by the team's
// mean and keeps only what they have not reviewed yet.

/** Schedules the job (the org's only one) for `name`, who answers both questions with `texts`. */
const completed = (page: Page, browser: Browser, name: string, texts: [string, string]) => answerBoth(page, browser, name, texts, "compare");

test("compare candidates with the keyboard only: move, rate with a digit, the rating survives a reload; sort by mean; not yet reviewed by me", async ({ page, browser, recruiter: _signedInOwner }) => {
  test.setTimeout(240_000);
  const suffix = randomUUID().slice(0, 4);
  await createJob(page, `Compare ${suffix}`, [
    { prompt: "What did you ship last?", prep: 30, answer: 300 },
    { prompt: "What would you change here?", prep: 30, answer: 300 },
  ]);
  const jobUrl = page.url();
  const [ava, ben, cy] = [`Ava ${suffix}`, `Ben ${suffix}`, `Cy ${suffix}`];
  await completed(page, browser, ava, ["Ava shipped search.", "Ava would change onboarding."]);
  const benId = await completed(page, browser, ben, ["Ben shipped billing.", "Ben would change the docs."]);
  await completed(page, browser, cy, ["Cy shipped a CLI.", "Cy would change nothing."]);

  await page.goto(jobUrl);
  await page.getByRole("link", { name: "Compare candidates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare candidates" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Question 1 of 2" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Keyboard shortcuts" }).or(page.getByText("Keyboard shortcuts"))).toBeVisible();
  const announcer = page.locator("#compare-announcement");
  const card = (name: string) => page.getByRole("article", { name: new RegExp(name) });
  // Newest completion first.
  await expect(page.getByRole("article")).toHaveCount(3);
  await expect(page.getByRole("article").first()).toContainText(cy);
  await expect(card(cy)).toContainText("Cy shipped a CLI.");

  // j, j: the second candidate (Ben); focus visibly moves, the region says where.
  await page.keyboard.press("j");
  await expect(card(cy)).toBeFocused();
  await expect(announcer).toHaveText(`Candidate 1 of 3, ${cy}, question 1`);
  await page.keyboard.press("j");
  await expect(card(ben)).toBeFocused();
  await expect(announcer).toHaveText(`Candidate 2 of 3, ${ben}, question 1`);
  await page.keyboard.press("3");
  await expect(announcer).toHaveText(`Rated 3 of 5: ${ben}, question 1. Saved.`);
  await expect(card(ben).getByText("3 of 5")).toBeVisible();

  // n: the next question, on the same candidate.
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { name: "Question 2 of 2" })).toBeVisible();
  await expect(card(ben)).toContainText("Ben would change the docs.");
  await expect(card(ben)).toBeFocused();
  await expect(announcer).toHaveText(`Candidate 2 of 3, ${ben}, question 2`);
  await page.keyboard.press("5");
  await expect(announcer).toHaveText(`Rated 5 of 5: ${ben}, question 2. Saved.`);
  // ArrowLeft: back to the first candidate; p: the previous question.
  await page.keyboard.press("ArrowLeft");
  await expect(card(cy)).toBeFocused();
  await page.keyboard.press("p");
  await expect(page.getByRole("heading", { name: "Question 1 of 2" })).toBeVisible();
  await expect(card(cy)).toBeFocused();

  // The ratings were saved: a reload shows them.
  await page.reload();
  await expect(card(ben).getByText("3 of 5")).toBeVisible();
  await expect(card(cy).getByText("Not rated")).toBeVisible();
  expect(await axeViolations(page), "compare view").toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath("compare-1280.png"), fullPage: true });

  // Submitted, Ben's scorecard counts: his mean is 4.0 (3 and 5) and his card is locked.
  await page.goto(`/interviews/${benId}`);
  const scorecard = page.getByRole("region", { name: "Your scorecard" });
  await scorecard.getByRole("radio", { name: "Yes", exact: true }).check();
  await scorecard.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(scorecard.getByText(/^Submitted on/)).toBeVisible();
  await page.goBack();
  await page.reload();
  await expect(card(ben)).toContainText("4.0");
  await expect(card(ben)).toContainText("Your scorecard is submitted and locked.");

  // Sort by the mean, with the keyboard: Ben (the only one rated) first, unrated after, either way.
  const sort = page.getByRole("navigation", { name: "Sort" });
  await sort.getByRole("link", { name: "Lowest mean" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=mean-asc/);
  await expect(page.getByRole("article").first()).toContainText(ben);
  await sort.getByRole("link", { name: "Highest mean" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=mean-desc/);
  await expect(page.getByRole("article").first()).toContainText(ben);

  // Not yet reviewed by me: Ben's submitted scorecard takes him off.
  await page.getByRole("navigation", { name: "My reviews" }).getByRole("link", { name: "Not yet reviewed by me" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/mine=unreviewed/);
  await expect(page.getByRole("article")).toHaveCount(2);
  await expect(card(ben)).toHaveCount(0);
  // A digit on a candidate here still rates (the filter keeps the keyboard).
  await page.keyboard.press("j");
  await expect(page.getByRole("article").first()).toBeFocused();

  // Nothing advanced yet: the empty state.
  await page.getByRole("navigation", { name: "Decision" }).getByRole("link", { name: "Advance" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "No interviews match" })).toBeVisible();
  expect(await axeViolations(page), "no match").toEqual([]);

  // Another organisation's job, or none, is "not found" like any other id.
  expect((await page.goto("/compare/no-such-job"))?.status()).toBe(404);
});
