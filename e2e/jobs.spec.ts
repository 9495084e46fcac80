import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { axeViolations, createJob, expect, signUp, test } from "./fixtures";

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
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(question(page, 1).getByLabel("Prompt")).toHaveValue("Tell us about a hard customer problem you solved.");
  await expect(question(page, 1).getByLabel("Answer type")).toHaveText(/Video/);
  await expect(question(page, 1).getByLabel("Answer time (s)")).toHaveValue("180");
  await expect(question(page, 2).getByLabel("Prompt")).toHaveValue("Why support engineering?");

  // Reorder an existing job back and save: the job's page shows the new order.
  await page.getByRole("button", { name: "Move question 2 up" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Interview questions" }).getByRole("listitem").first()).toContainText("Why support engineering?");
  await page.getByRole("link", { name: "Edit" }).click();
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

test("Preview as candidate shows a job's interview as candidates see it, creates nothing, and is not found for another organisation", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  const title = await createJob(page, `Preview ${randomUUID().slice(0, 6)}`, [
    { prompt: "Why support engineering?", prep: 30, answer: 120 },
    { prompt: "Show us how you would explain a bug to a customer.", answerType: "VIDEO", prep: 20, answer: 90, retakes: 1 },
  ]);
  const jobId = new URL(page.url()).pathname.split("/")[2]!;
  const counts = async () => (await page.request.get(`/api/test/jobs/${jobId}/counts`)).json();
  const before = await counts();

  await page.getByRole("link", { name: "Preview as candidate" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}/preview$`));
  await expect(page.getByText(/This is a preview: what a candidate sees/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Estimated length")).toBeVisible();
  const questions = page.getByRole("list", { name: "The questions" }).getByRole("listitem");
  await expect(questions).toHaveCount(2);
  await expect(questions.nth(0)).toContainText("Why support engineering?");
  await expect(questions.nth(0)).toContainText("Written answer · 30 s to prepare · 2 min to answer");
  await expect(questions.nth(1)).toContainText("Video answer · 20 s to prepare · 1 min 30 s to answer · 1 retake");
  // The lobby's parts are the portal's own: the device check and the practice work here too; starting does not.
  await expect(page.getByRole("region", { name: "Check your camera and microphone" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Practice recording" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start interview" })).toBeDisabled();
  await expect(page.getByText("Need an accommodation?")).toHaveCount(0);
  expect(await axeViolations(page), "preview").toEqual([]);
  expect(await counts()).toEqual(before);

  // Another organisation's recruiter gets the same "not found" as for a job that does not exist.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signUp(other, "Elsewhere");
  expect((await other.goto(`/jobs/${jobId}/preview`))?.status()).toBe(404);
  expect((await other.goto(`/jobs/cm0000000000000000000000/preview`))?.status()).toBe(404);
  await elsewhere.close();
});

test("retakes are asked for recorded questions only, and disabled move buttons look disabled", async ({ page, recruiter: _ }) => {
  await page.goto("/jobs/new");
  // A text answer has no retakes.
  await expect(question(page, 1).getByLabel("Retakes allowed")).toHaveCount(0);
  await question(page, 1).getByLabel("Answer type").click();
  await page.getByRole("option", { name: "Audio" }).click();
  await expect(question(page, 1).getByLabel("Retakes allowed")).toBeVisible();
  await question(page, 1).getByLabel("Answer type").click();
  await page.getByRole("option", { name: "Text" }).click();
  await expect(question(page, 1).getByLabel("Retakes allowed")).toHaveCount(0);

  await page.getByRole("button", { name: "+ Add question" }).click();
  const up = page.getByRole("button", { name: "Move question 1 up" });
  const down = page.getByRole("button", { name: "Move question 1 down" });
  await expect(up).toBeDisabled();
  await expect(down).toBeEnabled();
  const look = (el: Element) => {
    const style = getComputedStyle(el);
    return `${style.color} ${style.opacity} ${style.backgroundColor}`;
  };
  // The same kind of button, one disabled and one not: they must not look the same.
  expect(await up.evaluate(look)).not.toBe(await down.evaluate(look));

  // A text question saves with no retakes; the recorded one keeps its own.
  await page.getByLabel("Title").fill("Retakes");
  await question(page, 1).getByLabel("Prompt").fill("In writing, please.");
  await question(page, 2).getByLabel("Prompt").fill("On camera, please.");
  await question(page, 2).getByLabel("Answer type").click();
  await page.getByRole("option", { name: "Video" }).click();
  await question(page, 2).getByLabel("Retakes allowed").fill("3");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  const questions = page.getByRole("region", { name: "Interview questions" }).getByRole("listitem");
  await expect(questions.nth(0)).not.toContainText("retake");
  await expect(questions.nth(1)).toContainText("3 retakes");
});
