import { axeViolations, expect, test } from "./fixtures";

test("sign-in, sign-up and the password pages have no WCAG 2.1 A/AA violations", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up", "/forgot-password", "/reset-password?token=nothing", "/sign-up/confirm?token=nothing", "/verify-email?token=nothing"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test("dashboard pages have no WCAG 2.1 A/AA violations, empty and filled", async ({ page, recruiter: _ }) => {
  const check = async (path: string) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await axeViolations(page), path).toEqual([]);
  };
  await check("/jobs");
  await check("/candidates");
  await check("/team");
  await check("/settings");
  await check("/jobs/new");
  await check("/candidates/new");

  await page.getByLabel("Name").fill("Axe Candidate");
  await page.getByLabel("Email").fill("axe@example.com");
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { name: "Axe Candidate" })).toBeVisible();
  expect(await axeViolations(page), "candidate page").toEqual([]);
  await check("/candidates");

  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill("Axe Job");
  await page.getByRole("button", { name: "Create job" }).click();
  // A form showing errors is checked too.
  await expect(page.getByRole("listitem", { name: "Question 1", exact: true }).getByLabel("Prompt")).toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page), "job form with errors").toEqual([]);
  await page.getByRole("listitem", { name: "Question 1", exact: true }).getByLabel("Prompt").fill("Why us?");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  expect(await axeViolations(page), "job page").toEqual([]);
  await check("/jobs");
});
