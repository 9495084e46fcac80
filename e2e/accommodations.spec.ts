import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { axeViolations, createJob, expect, moveInterview, openEmail, scheduleAndGetLink, test } from "./fixtures";

/** A new candidate scheduled an hour from now for a fresh one-question job; returns the interview and its link. */
async function scheduleCandidate(page: Page, name: string) {
  await createJob(page, `Access ${randomUUID().slice(0, 6)}`, [{ prompt: "What makes a good handover?", prep: 10, answer: 60 }]);
  const email = `${name.split(" ")[0]!.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
  return scheduleAndGetLink(page, { name, email });
}

/** The candidate's own browser on the interview's lobby. */
async function candidateLobby(browser: Browser, link: string) {
  const context = await browser.newContext({ timezoneId: "Europe/Berlin" });
  const candidate = await context.newPage();
  await candidate.goto(link);
  await expect(candidate.getByText(/Your interview is open\.$/)).toBeVisible();
  return { context, candidate };
}

test("the recruiter sets 50% extra time before the start; afterwards it is read-only", async ({ page, browser, recruiter: _ }) => {
  const { interviewId, link } = await scheduleCandidate(page, "Noor Access");
  await page.goto(`/interviews/${interviewId}`);
  const card = page.getByRole("region", { name: "Accommodations" });
  await expect(card.getByLabel("Extra time (%)")).toHaveValue("0");

  await card.getByLabel("Extra time (%)").fill("250");
  await card.getByRole("button", { name: "Save accommodations" }).click();
  await expect(card.getByText("Enter a whole percentage from 0 to 200.")).toBeVisible();
  await expect(card.getByLabel("Extra time (%)")).toHaveAttribute("aria-invalid", "true");

  await card.getByLabel("Extra time (%)").fill("50");
  await card.getByLabel("Extra retakes").fill("1");
  await card.getByRole("button", { name: "Save accommodations" }).click();
  await expect(card.getByRole("status")).toHaveText("Accommodations saved. They apply when the candidate starts.");
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Accommodations set: 50% extra time, 1 extra retake");
  await page.reload();
  await expect(card.getByLabel("Extra time (%)")).toHaveValue("50");
  expect(await axeViolations(page), "interview page").toEqual([]);

  // The candidate starts: the values are fixed from then on.
  await moveInterview(page, interviewId, { opensIn: -60 });
  const { context, candidate } = await candidateLobby(browser, link);
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByText("Question 1 of 1", { exact: true })).toBeVisible();
  await context.close();

  await page.reload();
  await expect(card.getByRole("textbox")).toHaveCount(0);
  await expect(card.getByRole("spinbutton")).toHaveCount(0);
  await expect(card).toContainText("Extra time50%");
  await expect(card).toContainText("Extra retakes1");
  await expect(card).toContainText("They were applied when the candidate started and can no longer change.");
});

test("a candidate's accommodation request from the lobby reaches the recruiter's mailbox", async ({ page, browser, recruiter }) => {
  const { interviewId, link } = await scheduleCandidate(page, "Ravi Access");
  await moveInterview(page, interviewId, { opensIn: -60 });
  const { context, candidate } = await candidateLobby(browser, link);
  const disclosure = candidate.getByRole("button", { name: "Need an accommodation?" });
  // The consent step states the organisation's retention, not a default.
  await expect(candidate.getByText(/deletes your answers and recordings \d+ days after the interview/)).toBeVisible();

  await expect(disclosure).toHaveAttribute("aria-expanded", "false");
  await disclosure.click();
  await expect(disclosure).toHaveAttribute("aria-expanded", "true");
  const message = candidate.getByLabel("What would help you?");
  await candidate.getByRole("button", { name: "Send to the recruiter" }).click();
  await expect(candidate.getByText("Tell the recruiter what would help you.")).toBeVisible();
  await message.fill("I have a stammer; could I have more time on each answer?\nThank you <3");
  await candidate.getByRole("button", { name: "Send to the recruiter" }).click();
  await expect(candidate.getByRole("status").filter({ hasText: "Sent. The recruiter will reply by email." })).toBeVisible();
  await expect(message).toHaveValue("");
  expect(await axeViolations(candidate), "lobby with the request form").toEqual([]);

  // Straight away again: refused, with when it may be sent.
  await message.fill("One more thing.");
  await candidate.getByRole("button", { name: "Send to the recruiter" }).click();
  await expect(candidate.getByRole("alert").filter({ hasText: "You sent a request a few minutes ago." })).toContainText("You can send another in 10 minutes.");
  await context.close();

  await openEmail(page, recruiter.email, /^Ravi Access asks for an accommodation for their interview/);
  const body = (await page.locator("pre").textContent()) ?? "";
  expect(body).toContain("I have a stammer; could I have more time on each answer?\nThank you <3");

  await page.goto(`/interviews/${interviewId}`);
  const card = page.getByRole("region", { name: "Accommodations" });
  await expect(card).toContainText("The candidate asked on");
  await expect(card).toContainText("I have a stammer; could I have more time on each answer?");
  await expect(page.getByRole("region", { name: "Emails" })).toContainText("Accommodation request (to you)");
});

test("the owner changes how long answers are kept on the settings page", async ({ page, recruiter: _ }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const days = page.getByLabel("Keep answers and recordings for (days)");
  await expect(days).toHaveValue("180");
  await days.fill("10");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Enter a whole number of days from 30 to 730.")).toBeVisible();
  await days.fill("90");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Saved. Answers and recordings are now kept for 90 days after an interview ends.");
  await page.reload();
  await expect(days).toHaveValue("90");
  expect(await axeViolations(page), "settings").toEqual([]);
});

test("a deletion request from the thank-you page reaches the recruiter, who deletes the answers", async ({ page, browser, recruiter }) => {
  const { interviewId, link } = await scheduleCandidate(page, "Mira Access");
  await moveInterview(page, interviewId, { seconds: 3600 }); // starts now
  const { context, candidate } = await candidateLobby(browser, link);
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("Write down what you know before you forget it.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Mira Access" })).toBeVisible();

  // Asked, then changed their mind, then asked for real.
  await candidate.getByRole("button", { name: "Ask to delete my answers" }).click();
  await expect(candidate.getByText(/delete your answers and recordings\? They may then be unable/)).toBeFocused();
  await candidate.getByRole("button", { name: "Keep my answers" }).click();
  await candidate.getByRole("button", { name: "Ask to delete my answers" }).click();
  expect(await axeViolations(candidate), "thank you, confirming").toEqual([]);
  await candidate.getByRole("button", { name: "Yes, ask them to delete" }).click();
  await expect(candidate.getByRole("status")).toHaveText("Your request has been sent to the hiring team.");
  await candidate.reload();
  await expect(candidate.getByText(/You asked on .* for your answers and recordings to be deleted\./)).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Ask to delete my answers" })).toHaveCount(0);
  await context.close();

  await openEmail(page, recruiter.email, /^Mira Access asks you to delete their interview answers/);
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("Write down what you know before you forget it.")).toBeVisible();
  const content = page.getByRole("region", { name: "Answers and recordings" });
  await expect(content).toContainText("Mira Access asked on");
  await content.getByRole("button", { name: "Delete answers and recordings now" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete Mira Access's answers and recordings?" });
  await dialog.getByRole("button", { name: "Delete answers and recordings" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(content).toContainText(/Answers deleted on .* \(at the candidate's request\)\./);
  await expect(page.getByText("Write down what you know before you forget it.")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Answers and recordings deleted at the candidate's request");
  await expect(page.getByRole("region", { name: "Emails" })).toContainText("Deletion request (to you)");
});
