import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const question = (page: Page, n: number) => page.getByRole("listitem", { name: `Question ${n}`, exact: true });

test("create a job with two questions and reorder them with the keyboard", async ({ page, recruiter: _ }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByText("No open jobs yet")).toBeVisible();
  await page.getByRole("link", { name: "New job" }).click();
  await page.getByLabel("Title").fill("Support Engineer");
  await page.getByLabel("Location").fill("Lisbon");
  await question(page, 1).getByLabel("Prompt").fill("Why support engineering?");
  await page.getByRole("button", { name: "+ Add question" }).click();
  await question(page, 2).getByLabel("Prompt").fill("Tell us about a hard customer problem you solved.");
  await question(page, 2).getByLabel("Answer type").click();
  await page.getByRole("option", { name: "Video" }).click();
  await question(page, 2).getByLabel("Answer time (s)").fill("180");

  const moveUp = page.getByRole("button", { name: "Move question 2 up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(question(page, 1).getByLabel("Prompt")).toHaveValue("Tell us about a hard customer problem you solved.");
  await expect(page.getByRole("button", { name: "Move question 1 down" })).toBeFocused();

  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();

  // What was saved, not what the form remembers.
  await page.reload();
  await expect(question(page, 1).getByLabel("Prompt")).toHaveValue("Tell us about a hard customer problem you solved.");
  await expect(question(page, 1).getByLabel("Answer type")).toHaveText(/Video/);
  await expect(question(page, 1).getByLabel("Answer time (s)")).toHaveValue("180");
  await expect(question(page, 2).getByLabel("Prompt")).toHaveValue("Why support engineering?");

  // Reorder an existing job back and save (from the plain URL, so "Job saved." is this save's).
  await page.goto(new URL(page.url()).pathname);
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  await page.reload();
  await expect(question(page, 1).getByLabel("Prompt")).toHaveValue("Why support engineering?");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("link", { name: "Support Engineer" })).toBeVisible();
  await expect(page.getByText("2 questions")).toBeVisible();
});

test("bad job input is refused per field, keeps the form, and saves nothing", async ({ page, recruiter: _ }) => {
  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill("   ");
  await question(page, 1).getByLabel("Prompt").fill("A perfectly fine question");
  await question(page, 1).getByLabel("Preparation (s)").fill("-5");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Give the job a title.");
  await expect(question(page, 1).getByLabel("Preparation (s)")).toHaveAccessibleDescription("Preparation time must be at least 0 seconds.");
  await expect(question(page, 1).getByLabel("Prompt")).toHaveValue("A perfectly fine question");
  await expect(question(page, 1).getByLabel("Preparation (s)")).toHaveValue("-5");
  await page.goto("/jobs");
  await expect(page.getByText("No open jobs yet")).toBeVisible();
});

test("archive a job and reopen it", async ({ page, recruiter: _ }) => {
  await page.goto("/jobs/new");
  await page.getByLabel("Title").fill("Seasonal Picker");
  await question(page, 1).getByLabel("Prompt").fill("When can you start?");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();

  await page.getByRole("button", { name: "Archive job" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("cannot schedule new interviews");
  await dialog.getByRole("button", { name: "Archive job" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();

  await page.goto("/jobs");
  await expect(page.getByText("No open jobs yet")).toBeVisible();
  await page.getByRole("link", { name: "Archived" }).click();
  await page.getByRole("link", { name: "Seasonal Picker" }).click();
  await page.getByRole("button", { name: "Reopen job" }).click();
  await expect(page.getByRole("button", { name: "Archive job" })).toBeVisible();
});
