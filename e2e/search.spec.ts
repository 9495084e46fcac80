import { axeViolations, completedInterview, expect, test } from "./fixtures";

test("search finds a written answer by a word's other form, highlights it, and opens the interview at that answer", async ({ page, browser, recruiter }) => {
  test.setTimeout(120_000);
  const interviewId = await completedInterview(page, browser, recruiter, "Sam Search");

  await page.goto("/interviews");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search answers");
  await expect(page.getByRole("heading", { name: "Search what candidates said" })).toBeVisible();
  expect(await axeViolations(page), "search before a query").toEqual([]);

  const words = page.getByRole("searchbox", { name: "Words to find" });
  await words.fill("kubernetes");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("heading", { name: "No answers match" })).toBeVisible();

  await words.fill("deploying pipelines");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  // A GET form: the query is in the address, so the page can be shared or reloaded.
  await expect(page).toHaveURL(/\/search\?q=deploying\+pipelines/);
  await expect(page.getByRole("status").filter({ hasText: "answer" })).toHaveText("1 answer matches");
  const hit = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Sam Search/ }) });
  await expect(hit.getByText("Question 1: What did you ship last?")).toBeVisible();
  await expect(hit.locator("mark")).toHaveText(["deploy", "pipeline"]);
  await expect(hit.getByText("Written answer")).toBeVisible();
  expect(await axeViolations(page), "search results").toEqual([]);

  await page.reload();
  await expect(hit.locator("mark")).toHaveText(["deploy", "pipeline"]);
  await hit.getByRole("link", { name: /Sam Search/ }).click();
  await expect(page).toHaveURL(new RegExp(`/interviews/${interviewId}\\?answer=[a-z0-9]+$`));
  await expect(page.getByRole("article", { name: "Question 1" })).toBeVisible();
});
