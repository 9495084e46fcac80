import { randomUUID } from "node:crypto";
import { createJob, expect, localDateTime, moveInterview, scheduleAndGetLink, test } from "./fixtures";

test("the interviews list searches by candidate, in the URL, and keeps an interview in progress out of 'Past'", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  await createJob(page, `List ${tag}`, [{ prompt: "Why us?", prep: 30, answer: 1200 }]);
  // One started five minutes after its start time, one for the day after tomorrow.
  const late = await scheduleAndGetLink(page, { name: "Priya Progress", email: `priya-${tag}@example.test` });
  await scheduleAndGetLink(page, { name: "Sven Later", email: `sven-${tag}@example.test` }, await localDateTime(page, 2, 10));
  await moveInterview(page, late.interviewId, { seconds: 3600 + 300 });
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(late.link);
  await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByRole("button", { name: "Start answering now" })).toBeVisible();
  await context.close();

  await page.goto("/interviews?when=past");
  await expect(page.getByText("No past interviews")).toBeVisible();
  await page.getByRole("link", { name: "Upcoming" }).click();
  const priya = page.getByRole("listitem").filter({ hasText: "Priya Progress" });
  await expect(priya).toContainText("In progress");
  await expect(page.getByRole("link", { name: "Sven Later" })).toBeVisible();

  // Search by part of the name; the query is in the URL and survives a reload.
  const search = page.getByRole("searchbox", { name: "Search by candidate" });
  await search.fill("priya");
  await search.press("Enter");
  await expect(page).toHaveURL(/[?&]q=priya(&|$)/);
  await expect(page.getByRole("link", { name: "Priya Progress" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sven Later" })).toHaveCount(0);
  await page.reload();
  await expect(search).toHaveValue("priya");
  await expect(page.getByRole("link", { name: "Sven Later" })).toHaveCount(0);

  // By email, and switching tabs keeps the search.
  await search.fill(`sven-${tag}@`);
  await search.press("Enter");
  await expect(page.getByRole("link", { name: "Sven Later" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Priya Progress" })).toHaveCount(0);
  await page.getByRole("link", { name: "Past" }).click();
  await expect(page).toHaveURL(/when=past/);
  await expect(search).toHaveValue(`sven-${tag}@`);
  await expect(page.getByRole("heading", { name: "No interviews match" })).toBeVisible();

  // Nobody by that name: a clear empty state with the way back.
  await page.goto("/interviews?q=nobody-called-this");
  await expect(page.getByRole("heading", { name: "No interviews match" })).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();
  await expect(page.getByRole("link", { name: "Sven Later" })).toBeVisible();
});
