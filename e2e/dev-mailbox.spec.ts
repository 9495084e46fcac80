import { randomUUID } from "node:crypto";
import { createJob, expect, scheduleAndGetLink, signUp, test } from "./fixtures";

// The dev mailbox holds live session keys: it is for members only, each sees their own
// organisation's email, and every page of it says it is not for production.

test("a signed-out visitor and another organisation see none of an organisation's email", async ({ page, browser, request, recruiter: _ }) => {
  test.setTimeout(120_000);
  await createJob(page, `Mailbox ${randomUUID().slice(0, 6)}`);
  const candidate = { name: "Mo Mailbox", email: `mailbox-${randomUUID().slice(0, 8)}@example.test` };
  const { link } = await scheduleAndGetLink(page, candidate);
  const key = new URL(link).searchParams.get("session_key")!;

  // The organisation's own member: the list, the message with its link, and the warning on both.
  await page.goto("/dev/mailbox");
  await expect(page.getByText("Development mailbox — not for production")).toBeVisible();
  await expect(page.getByText("This production build runs with KAIROS_DEV_MAILBOX=unsafe-test-only")).toBeVisible();
  const message = page.getByRole("listitem").filter({ hasText: `To ${candidate.email}` });
  const href = await message.getByRole("link").getAttribute("href");
  expect(href).toMatch(/^\/dev\/mailbox\/[^/]+$/);
  await page.goto(href!);
  await expect(page.getByText("Development mailbox — not for production")).toBeVisible();
  expect(await page.locator("pre").textContent()).toContain(key);

  // Signed out: sign-in first, for the list, the message and its calendar file alike.
  for (const path of ["/dev/mailbox", href!]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers()["location"], path).toMatch(/\/sign-in/);
    expect(await response.text()).not.toContain(key);
  }
  const signedOutIcs = await request.get(`${href}/ics?index=0`, { maxRedirects: 0 });
  expect(signedOutIcs.status()).toBe(404);

  // Another organisation's member: only their own sign-up confirmation, and "not found" for the message and its file.
  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, "Other mailbox");
  await other.goto("/dev/mailbox");
  await expect(other.getByRole("listitem")).toHaveCount(1);
  await expect(other.getByRole("listitem")).toContainText("Confirm your email address");
  await expect(other.getByText(candidate.email)).toHaveCount(0);
  const theirs = await other.request.get(href!);
  expect(theirs.status()).toBe(404);
  expect(await theirs.text()).not.toContain(key);
  expect((await other.request.get(`${href}/ics?index=0`)).status()).toBe(404);
  await context.close();
});
