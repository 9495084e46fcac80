import { randomUUID } from "node:crypto";
import { axeViolations, chooseJob, chooseStart, createJob, expect, localDateTime, openEmail, test } from "./fixtures";

test("schedule from the UI; the emailed link opens the interview; reschedule and cancel send their emails", async ({ page, recruiter }) => {
  test.setTimeout(180_000);
  const job = await createJob(page);
  const candidateEmail = `cand-${randomUUID().slice(0, 8)}@example.test`;

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Interviews" }).click();
  await expect(page.getByText("No upcoming interviews")).toBeVisible();
  expect(await axeViolations(page), "/interviews empty").toEqual([]);
  await page.getByRole("link", { name: "Schedule interview" }).click();
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill("Maya Schedule");
  await page.getByLabel("Email").fill(candidateEmail);
  await page.getByLabel("Their time zone").fill("(UTC+09:00) Tokyo — Asia/Tokyo");
  await chooseJob(page, job);
  await chooseStart(page, await localDateTime(page, 2, 10));
  expect(await axeViolations(page), "/interviews/new").toEqual([]);
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();

  await expect(page.getByRole("status").filter({ hasText: `The invitation is on its way to ${candidateEmail}` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Maya Schedule");
  const interviewUrl = page.url().replace(/\?.*$/, "");
  // The candidate's own zone is shown beside the recruiter's.
  await expect(page.getByText("(Asia/Tokyo)")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/Invitation (sent|delivered)/).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  expect(await axeViolations(page), "interview page").toEqual([]);

  // The invitation: link in the text part and in the HTML, and it opens the portal.
  const link = await openEmail(page, candidateEmail, new RegExp(`Your interview with ${recruiter.organizationName}: ${job}`));
  expect(link).toMatch(/\/interview\?session_key=[A-Za-z0-9_-]{43}$/);
  await expect(page.frameLocator("iframe").locator(`a[href="${link}"]`).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Download interview.ics" })).toBeVisible();
  // The email itself sits in a sandboxed frame axe cannot enter; its markup is checked in tests/emails.test.ts.
  expect(await axeViolations(page, { exclude: "iframe" }), "mailbox message").toEqual([]);
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();

  // Reschedule: a new-time email with a new link; the old link says a newer invitation exists.
  await page.goto(interviewUrl);
  await page.getByRole("button", { name: "Reschedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule" });
  await dialog.getByLabel("New date and time").fill(await localDateTime(page, 3, 11));
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rescheduled." })).toBeVisible();
  const newLink = await openEmail(page, candidateEmail, /^New time: /);
  expect(newLink).toMatch(/session_key=/);
  expect(newLink).not.toBe(link);
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "A newer invitation was sent" })).toBeVisible();
  await page.goto(newLink!);
  await expect(page.getByRole("heading", { name: "Your interview opens soon" })).toBeVisible();

  // Cancel: the candidate is told, and the link stops working.
  await page.goto(interviewUrl);
  await page.getByRole("button", { name: "Cancel interview" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel interview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  await openEmail(page, candidateEmail, /^Cancelled: /);
  await page.goto(newLink!);
  await expect(page.getByRole("heading", { name: "This interview was cancelled" })).toBeVisible();

  await page.goto(interviewUrl);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Interview scheduled");
  await expect(timeline).toContainText("Rescheduled");
  await expect(timeline).toContainText("Interview cancelled");
  await page.goto("/interviews?when=past&status=CANCELLED");
  await expect(page.getByRole("link", { name: "Maya Schedule" })).toBeVisible();
});

test("the scheduling form refuses bad input per field and writes nothing", async ({ page, recruiter: _ }) => {
  await createJob(page);
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill("No Email");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Their time zone").fill("Europe/Madrid");
  await chooseJob(page);
  await chooseStart(page, "2020-01-01T10:00");
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address, like name@example.com.");
  await page.getByLabel("Email").fill("valid@example.test");
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByLabel("Date and time")).toHaveAccessibleDescription(/Choose a start time in the future\./);
  await expect(page.getByLabel("Name")).toHaveValue("No Email");
  await page.goto("/interviews");
  await expect(page.getByText("No upcoming interviews")).toBeVisible();
  await page.goto("/interviews?when=past");
  await expect(page.getByText("No past interviews")).toBeVisible();
});

test("another organisation gets 'not found' for this one's interview", async ({ page, browser, recruiter: _ }) => {
  await createJob(page);
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill("Private Candidate");
  await page.getByLabel("Email").fill(`private-${randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel("Their time zone").fill("Europe/Madrid");
  await chooseJob(page);
  await chooseStart(page);
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Private Candidate");
  const path = new URL(page.url()).pathname;

  const context = await browser.newContext();
  const other = await context.newPage();
  const { signUp } = await import("./fixtures");
  await signUp(other, "Rival");
  const response = await other.goto(path);
  expect(response?.status()).toBe(404);
  await expect(other.getByText("Private Candidate")).toHaveCount(0);
  await context.close();
});
