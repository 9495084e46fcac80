import { randomUUID } from "node:crypto";
import { axeViolations, createJob, expect, openEmail, openLobby, scheduleAndGetLink, signUp, test } from "./fixtures";

// What candidates are told by email and where their replies go, and how the recruiter's pages
// describe those emails.

test("cancelling asks 'Keep interview' or 'Cancel interview', and the reason reaches the candidate's email", async ({ page, recruiter }) => {
  test.setTimeout(120_000);
  await createJob(page);
  const email = `cancel-${randomUUID().slice(0, 8)}@example.test`;
  const { interviewId } = await scheduleAndGetLink(page, { name: "Casey Cancel", email });
  await page.goto(`/interviews/${interviewId}`);

  await page.getByRole("button", { name: "Cancel interview" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Cancel this interview?" });
  await expect(dialog.getByRole("button", { name: "Keep interview" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel", exact: true })).toHaveCount(0);
  expect(await axeViolations(page), "cancel dialog").toEqual([]);
  // Keeping it changes nothing.
  await dialog.getByRole("button", { name: "Keep interview" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Scheduled");

  await page.getByRole("button", { name: "Cancel interview" }).click();
  await dialog.getByLabel("Reason (optional)").fill("The role has been filled.\nThank you for your time.");
  await dialog.getByRole("button", { name: "Cancel interview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Interview cancelled, with a reason for the candidate");
  // The badge speaks of the cancellation now, never of the invitation delivered before it.
  const when = page.getByRole("region", { name: "When" });
  await expect(when).not.toContainText("Invitation delivered");
  await expect(async () => {
    await page.reload();
    await expect(when.getByText(/^Cancellation (sent|delivered)$/)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.goto("/interviews?when=past&status=CANCELLED");
  const row = page.getByRole("listitem").filter({ hasText: "Casey Cancel" });
  await expect(row).toContainText(/Cancellation (sent|delivered)/);
  await expect(row).not.toContainText("Invitation");

  await openEmail(page, email, /^Cancelled: /);
  await expect(page.getByText(`Reply-To ${recruiter.email}`)).toBeVisible();
  const text = (await page.locator("pre").textContent()) ?? "";
  expect(text).toMatch(/wrote: The role has been filled.\s+Thank you for your time./);
  expect(text).toContain(recruiter.email);
});

test("a finished interview: the candidate is told their answers arrived and how to reach the recruiter; no stale invitation badge", async ({ page, browser, recruiter }) => {
  test.setTimeout(180_000);
  const { candidate, context, interviewId } = await openLobby(page, browser, [{ prompt: "What did you build last?", prep: 5, answer: 60 }]);
  // The lobby says who to contact, by name and address.
  const contact = candidate.getByRole("link", { name: recruiter.email });
  await expect(contact).toHaveAttribute("href", `mailto:${recruiter.email}`);
  await expect(candidate.getByText(recruiter.name).first()).toBeVisible();

  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("A scheduler for interviews.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Lee Lobby" })).toBeVisible();
  await expect(candidate.getByRole("link", { name: recruiter.email })).toBeVisible();
  await context.close();

  // The recruiter's page: completed, and no badge still saying the invitation was delivered.
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Completed");
  await expect(page.getByRole("region", { name: "When" })).not.toContainText("Invitation delivered");
  await page.goto("/interviews?when=past&status=COMPLETED");
  await expect(page.getByRole("listitem").filter({ hasText: "Lee Lobby" })).not.toContainText("Invitation");

  // The candidate's confirmation: queued with the completion, replies go to the recruiter.
  await openEmail(page, "", /^We received your answers: /);
  await expect(page.getByText(`Reply-To ${recruiter.email}`)).toBeVisible();
  const text = (await page.locator("pre").textContent()) ?? "";
  expect(text).toContain("Hi Lee Lobby,");
  expect(text).toContain("What happens next");
  expect(text).toContain(`${recruiter.name} at ${recruiter.organizationName} (${recruiter.email})`);
  expect(text).not.toMatch(/session_key/);
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByRole("region", { name: "Emails" }).getByRole("row").filter({ hasText: "Answers received" })).toHaveCount(1);
});

test("a new recruiter's time zone is their browser's; Settings changes it", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone", { exact: true });
  // Signed up in a browser in New York (playwright.config.ts pins timezoneId): saved with the account.
  // The picker shows the zone with its offset, "(UTC−05:00) New York — America/New_York" (−04:00 in summer).
  await expect(zone).toHaveValue(/^\(UTC.\d\d:\d\d\) New York — America\/New_York$/);
  await expect(page.getByText(/^Emails to you \(an interview was completed/)).toBeVisible();
  expect(await axeViolations(page), "settings").toEqual([]);
  await zone.fill("Asia/Tokyo");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved. Emails to you now show times in Asia/Tokyo." })).toBeVisible();
  await page.reload();
  await expect(zone).toHaveValue("(UTC+09:00) Tokyo — Asia/Tokyo");
});
