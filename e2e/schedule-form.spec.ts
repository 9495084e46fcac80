import { randomUUID } from "node:crypto";
import { axeViolations, chooseJob, createJob, expect, openEmail, test } from "./fixtures";

// The schedule form asks for what it needs instead of guessing: the job, the new candidate's time
// zone (a searchable list with UTC offsets), and the start (now, or a date and time).

const uid = () => randomUUID().slice(0, 8);

// Each test signs up and walks several pages: more than the default minute on a busy machine.
test.describe.configure({ timeout: 150_000 });

test("nothing is chosen for the recruiter: job, the candidate's zone and the start are asked for", async ({ page, recruiter: _ }) => {
  await createJob(page, `Alpha ${uid()}`);
  await createJob(page, `Beta ${uid()}`);
  await page.goto("/interviews/new");
  const job = page.getByRole("combobox", { name: "Job" });
  await expect(job).toHaveText(/Choose a job/);
  await page.getByRole("radio", { name: "New candidate" }).check();
  const zone = page.getByLabel("Their time zone");
  // Not silently the recruiter's own zone.
  await expect(zone).toHaveValue("");
  await expect(page.getByRole("radio", { name: "Pick a time" })).toBeChecked();
  await page.getByLabel("Name").fill("Nia Nothing");
  await page.getByLabel("Email").fill(`nia-${uid()}@example.test`);
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();

  await expect(job).toHaveAccessibleDescription("Choose a job.");
  await expect(zone).toHaveAccessibleDescription(/Choose their time zone/);
  await expect(page.getByLabel("Date and time")).toHaveAccessibleDescription(/Choose the date and time, or Now\./);
  expect(await axeViolations(page), "schedule form with errors").toEqual([]);
  await page.goto("/interviews");
  await expect(page.getByText("No upcoming interviews")).toBeVisible();
});

test("the time zone list shows UTC offsets and city names, and is searchable by either", async ({ page, recruiter: _ }) => {
  await createJob(page);
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  const zone = page.getByLabel("Their time zone");
  const listId = await zone.getAttribute("list");
  expect(listId).toBeTruthy();
  const options = page.locator(`datalist[id="${listId}"] option`);
  expect(await options.count()).toBeGreaterThan(300);
  await expect(page.locator(`datalist[id="${listId}"] option[value$="— America/New_York"]`)).toHaveAttribute("value", /^\(UTC−0[45]:00\) New York — America\/New_York$/);
  await expect(page.locator(`datalist[id="${listId}"] option[value$="— Asia/Kolkata"]`)).toHaveAttribute("value", "(UTC+05:30) Kolkata — Asia/Kolkata");
  // West to east: the offsets run in order.
  const values = await options.evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
  const minutes = values.map((v) => {
    const m = /^\(UTC([+−])(\d\d):(\d\d)\)/.exec(v)!;
    return (m[1] === "−" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  });
  expect(minutes).toEqual([...minutes].sort((a, b) => a - b));

  // "Same as mine" is offered, never applied without asking.
  await page.getByRole("button", { name: /Use my time zone/ }).click();
  await expect(zone).toHaveValue(/— America\/New_York$/);

  // A city typed on its own is understood; the interview keeps the zone.
  await zone.fill("tokyo");
  await page.getByLabel("Name").fill("Tomo Tokyo");
  await page.getByLabel("Email").fill(`tomo-${uid()}@example.test`);
  await chooseJob(page);
  await page.getByRole("radio", { name: "Now" }).check();
  await expect(page.getByLabel("Date and time")).toHaveCount(0);
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/(?!new\b)[^/?]+$/);
  await expect(page.getByText("(Asia/Tokyo)")).toBeVisible();
});

test("Now schedules the interview to start at once: its link opens straight away", async ({ page, browser, recruiter: _ }) => {
  await createJob(page, `Now ${uid()}`, [{ prompt: "Ready?", prep: 5, answer: 60 }]);
  const email = `nat-${uid()}@example.test`;
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill("Nat Now");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Their time zone").fill("(UTC+01:00) Berlin — Europe/Berlin");
  await chooseJob(page);
  await page.getByRole("radio", { name: "Now" }).check();
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page).toHaveURL(/\/interviews\/(?!new\b)[^/?]+$/);
  await expect(page.getByText("(Europe/Berlin)")).toBeVisible();
  const link = await openEmail(page, email, /^Your interview with /);
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link!);
  await expect(candidate.getByText("Welcome, Nat Now. Your interview is open.")).toBeVisible();
  await context.close();
});

test("the schedule form at 375 px", async ({ page, recruiter: _ }) => {
  await createJob(page);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await axeViolations(page), "schedule form at 375 px").toEqual([]);
});
