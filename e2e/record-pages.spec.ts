import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { axeViolations, chooseJob, chooseStart, createJob, expect, localDateTime, test } from "./fixtures";

// A job's and a candidate's own pages: what belongs to them (questions, interviews) and what to do
// next (schedule, edit), and scheduling refused while the pair already has an open interview.

const uid = () => randomUUID().slice(0, 8);

// Each test signs up and walks several pages: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

async function addCandidate(page: Page, name: string, email: string) {
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Time zone").fill("Europe/Lisbon");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();
  return new URL(page.url()).pathname;
}

test("a job's page: its questions, its interviews, Schedule and Edit; saving the form comes back to it", async ({ page, recruiter: _ }) => {
  const title = `Support Lead ${uid()}`;
  await createJob(page, title, [
    { prompt: "Why support?", prep: 30, answer: 120 },
    { prompt: "Walk us through a hard ticket.", prep: 45, answer: 180, answerType: "VIDEO", retakes: 2 },
  ]);
  // Saving lands on the job's page, not on its form; "?saved=1" leaves the address once shown.
  await expect(page).toHaveURL(/\/jobs\/(?!new\b)[^/?]+$/);
  const jobPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  const questions = page.getByRole("region", { name: "Interview questions" });
  await expect(questions.getByRole("listitem")).toHaveCount(2);
  await expect(questions.getByRole("listitem").nth(0)).toContainText("Why support?");
  await expect(questions.getByRole("listitem").nth(0)).toContainText("Text");
  await expect(questions.getByRole("listitem").nth(1)).toContainText("Walk us through a hard ticket.");
  await expect(questions.getByRole("listitem").nth(1)).toContainText("Video");
  await expect(questions.getByRole("listitem").nth(1)).toContainText("2 retakes");
  const interviews = page.getByRole("region", { name: "Interviews" });
  await expect(interviews).toContainText("No interviews for this job yet");
  expect(await axeViolations(page), "job page").toEqual([]);

  // Edit is the secondary action; saving comes back to the page, confirmed.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(new RegExp(`${jobPath}/edit$`));
  await page.getByLabel("Title").fill(`${title} (EMEA)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Job saved." })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${jobPath}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (EMEA)`);
  // Shown once: a reload does not say it again.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (EMEA)`);
  await expect(page.getByText("Job saved.")).toHaveCount(0);

  // Schedule from the job: the form has this job chosen.
  await page.getByRole("link", { name: "Schedule interview" }).first().click();
  await expect(page).toHaveURL(/\/interviews\/new\?job=/);
  await expect(page.getByRole("combobox", { name: "Job" })).toHaveText(new RegExp(`${title} \\(EMEA\\)`));
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill("Jo From Job");
  await page.getByLabel("Email").fill(`jo-${uid()}@example.test`);
  await page.getByLabel("Their time zone").fill("Europe/Paris");
  await chooseStart(page, await localDateTime(page, 2, 10));
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/(?!new\b)[^/?]+$/);
  const interviewPath = new URL(page.url()).pathname;

  await page.goto(jobPath);
  const row = interviews.getByRole("listitem").filter({ hasText: "Jo From Job" });
  await expect(row).toContainText("Scheduled");
  await row.getByRole("link", { name: "Jo From Job" }).click();
  await expect(page).toHaveURL(new RegExp(`${interviewPath}$`));
});

test("an archived job's page offers no scheduling", async ({ page, recruiter: _ }) => {
  await createJob(page, `Archived ${uid()}`);
  await page.getByRole("button", { name: "Archive job" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive job" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Schedule interview" })).toHaveCount(0);
  await expect(page.getByText("Reopen it to schedule interviews.")).toBeVisible();
});

test("a candidate's page: their interviews, Schedule for them, and their details", async ({ page, recruiter: _ }) => {
  const job = await createJob(page, `Analyst ${uid()}`);
  const name = `Cam Candidate ${uid()}`;
  const candidatePath = await addCandidate(page, name, `cam-${uid()}@example.test`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const interviews = page.getByRole("region", { name: "Interviews" });
  await expect(interviews).toContainText("No interviews yet");
  expect(await axeViolations(page), "candidate page").toEqual([]);

  await page.getByRole("link", { name: "Schedule interview" }).first().click();
  await expect(page).toHaveURL(/\/interviews\/new\?candidate=/);
  await expect(page.getByRole("radio", { name: "Existing candidate" })).toBeChecked();
  await expect(page.getByLabel("Candidate", { exact: true })).toHaveValue(candidatePath.split("/").pop()!);
  await chooseJob(page, job);
  await chooseStart(page, await localDateTime(page, 3, 9));
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/(?!new\b)[^/?]+$/);
  const interviewPath = new URL(page.url()).pathname;

  await page.goto(candidatePath);
  const row = interviews.getByRole("listitem").filter({ hasText: job });
  await expect(row).toContainText("Scheduled");
  // In the viewer's zone (the browser runs in America/New_York): 9:00 AM on their clock.
  await expect(row).toContainText("9:00 AM");
  await row.getByRole("link", { name: job }).click();
  await expect(page).toHaveURL(new RegExp(`${interviewPath}$`));

  // Their details are a section of the page, saved in place.
  await page.goto(candidatePath);
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Phone (optional)").fill("+351 21 000 0000");
  await details.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();
  await page.reload();
  await expect(details.getByLabel("Phone (optional)")).toHaveValue("+351 21 000 0000");
});

test("scheduling a candidate again for a job they have an open interview for is refused, with a link to it", async ({ page, recruiter: _ }) => {
  const job = await createJob(page, `Designer ${uid()}`);
  const name = `Dee Duplicate ${uid()}`;
  const candidatePath = await addCandidate(page, name, `dee-${uid()}@example.test`);
  const candidateId = candidatePath.split("/").pop()!;

  const schedule = async () => {
    await page.goto(`/interviews/new?candidate=${candidateId}`);
    await chooseJob(page, job);
    await chooseStart(page, await localDateTime(page, 4, 14));
    await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  };
  await schedule();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/(?!new\b)[^/?]+$/);
  const firstPath = new URL(page.url()).pathname;

  await schedule();
  const warning = page.getByRole("alert").filter({ hasText: `${name} already has an open interview for ${job}` });
  await expect(warning).toBeVisible();
  expect(await axeViolations(page), "schedule form with the warning").toEqual([]);
  await warning.getByRole("link", { name: "Open it" }).click();
  await expect(page).toHaveURL(new RegExp(`${firstPath}$`));

  await page.goto(candidatePath);
  await expect(page.getByRole("region", { name: "Interviews" }).getByRole("listitem")).toHaveCount(1);
});
