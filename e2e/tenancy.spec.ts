import { expect, signUp, test } from "./fixtures";

test("another organisation gets 'not found' for this one's job and candidate", async ({ page, browser, recruiter: _ }) => {
  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill("Secret Project Lead");
  await page.getByRole("listitem", { name: "Question 1", exact: true }).getByLabel("Prompt").fill("What would you build?");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  const jobUrl = new URL(page.url()).pathname;

  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill("Private Person");
  await page.getByLabel("Email").fill("private@example.com");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();
  const candidateUrl = new URL(page.url()).pathname;

  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, "Rival");
  for (const url of [jobUrl, candidateUrl]) {
    const response = await other.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(other.getByText("Secret Project Lead")).toHaveCount(0);
    await expect(other.getByText("Private Person")).toHaveCount(0);
  }
  await other.goto("/jobs");
  await expect(other.getByText("Secret Project Lead")).toHaveCount(0);
  await other.goto("/candidates");
  await expect(other.getByText("Private Person")).toHaveCount(0);
  await context.close();
});
