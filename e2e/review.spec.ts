import { axeViolations, completedInterview, expect, test } from "./fixtures";

test("my scorecard: ratings and notes save as you go and survive a reload; submitting locks it and shows the summary; reopen; the decision", async ({ page, browser, recruiter }) => {
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

  // Clearing a rating saves too.
  await second.getByRole("radio", { name: "Not rated" }).check();
  await expect(second.getByRole("status")).toHaveText(/Saved/);
  await page.reload();
  await expect(second.getByRole("radio", { name: "Not rated" })).toBeChecked();

  // Submitting needs a recommendation: refused beside the choice, nothing submitted.
  const scorecard = page.getByRole("region", { name: "Your scorecard" });
  await scorecard.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(scorecard.getByText("Choose your recommendation before submitting.")).toBeVisible();
  await scorecard.getByRole("radio", { name: "Yes", exact: true }).check();
  await scorecard.getByLabel("Comment").fill("Ships things.");
  await scorecard.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(scorecard.getByText(/^Submitted on/)).toBeVisible();
  await expect(scorecard.getByText("Ships things.")).toBeVisible();
  // Locked: the answers show my ratings, not the forms.
  await expect(first.getByRole("radio")).toHaveCount(0);
  await expect(first.getByText("4 of 5")).toBeVisible();
  const summary = page.getByRole("region", { name: "Scorecard summary" });
  await expect(summary.getByText("1 scorecard submitted.")).toBeVisible();
  await expect(summary.getByText("Mean 4.0 of 5 · spread 0")).toBeVisible();
  await expect(summary.getByText("Reviewers disagree")).toHaveCount(0);
  // The trail says a scorecard was submitted, never what it scored (reviewers who have not submitted read it too).
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText("Scorecard submitted")).toHaveCount(1);
  await expect(timeline.getByText(/rated \d of 5|Yes/)).toHaveCount(0);
  expect(await axeViolations(page), "submitted scorecard").toEqual([]);

  // Reopen, change, submit again; then the decision closes reopening.
  await scorecard.getByRole("button", { name: "Reopen my scorecard" }).click();
  await expect(first.getByRole("radio", { name: "4" })).toBeChecked();
  await first.getByRole("radio", { name: "5" }).check();
  await expect(first.getByRole("status")).toHaveText(/Saved/);
  await expect(scorecard.getByRole("radio", { name: "Yes", exact: true })).toBeChecked();
  await scorecard.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(summary.getByText("Mean 5.0 of 5 · spread 0")).toBeVisible();

  const decision = page.getByRole("region", { name: "Decision" });
  await decision.getByRole("radio", { name: "Advance" }).check();
  await decision.getByRole("button", { name: "Save decision" }).click();
  await expect(decision.getByRole("status").filter({ hasText: "Decision saved." })).toBeVisible();
  await expect(decision.getByText(/decided by/)).toBeVisible();
  await expect(scorecard.getByRole("button", { name: "Reopen my scorecard" })).toHaveCount(0);
  await expect(timeline.getByText("Decision: Advance")).toHaveCount(1);
});

test("destructive actions come last on the review page", async ({ page, browser, recruiter }) => {
  test.setTimeout(120_000);
  const interviewId = await completedInterview(page, browser, recruiter, "Dee Last");
  await page.goto(`/interviews/${interviewId}`);
  const answers = page.getByRole("region", { name: "Answers", exact: true });
  const decision = page.getByRole("region", { name: "Decision" });
  const remove = page.getByRole("button", { name: "Delete answers and recordings now" });
  await expect(remove).toBeVisible();
  const top = async (l: typeof remove) => (await l.boundingBox())!.y;
  expect(await top(remove)).toBeGreaterThan(await top(answers));
  expect(await top(remove)).toBeGreaterThan(await top(decision));
  // Nothing but the page's end after it: it is the last control on the page.
  const lastButton = page.getByRole("main").getByRole("button").last();
  await expect(lastButton).toHaveText("Delete answers and recordings now");
});
