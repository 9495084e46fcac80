import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { axeViolations, completedInterview, expect, openEmail, test } from "./fixtures";
import { E2E_BASE_URL } from "./env";

// A hiring manager without an account reviews a candidate through a share link: the recruiter
// chooses what it shows, the manager opens it in a browser that has never signed in, leaves a
// scorecard, the recruiter sees it in the summary marked external and the link's views, and a
// revoked link answers 410. In blind mode no response the manager's browser gets carries the
// candidate's name or email.

const SCREENSHOTS = process.env.SHARE_SCREENSHOTS;

/** The candidate's address, as the recruiter's page of the interview shows it. */
async function candidateEmail(page: Page, interviewId: string): Promise<string> {
  await page.goto(`/interviews/${interviewId}`);
  const shown = (await page.locator("dd").filter({ hasText: "@" }).first().innerText()).replace(/^.*· /, "").trim();
  expect(shown).toMatch(/@example\.test$/);
  return shown;
}

/** Creates a share link from the interview's page (only the first question unless `all`) and returns its URL, shown once. */
async function createLink(page: Page, interviewId: string, { blind, all = false }: { blind: boolean; all?: boolean }): Promise<string> {
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share with someone outside Kairos" });
  // Every question is chosen to begin with.
  await expect(dialog.getByRole("checkbox", { name: /^Question 1/ })).toBeChecked();
  await expect(dialog.getByRole("checkbox", { name: /^Question 2/ })).toBeChecked();
  await expect(dialog.getByLabel("Link works for")).toHaveValue("14");
  if (!all) await dialog.getByRole("checkbox", { name: /^Question 2/ }).uncheck();
  if (blind) await dialog.getByRole("checkbox", { name: /Blind review/ }).check();
  // The dialog alone: the page behind it, dimmed by the overlay, is checked on its own below.
  expect(await axeViolations(page, { exclude: "main" }), "share dialog").toEqual([]);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const field = dialog.getByLabel("Share link");
  await expect(field).toHaveValue(/\/share\?token=[\w-]{43}$/);
  const url = await field.inputValue();
  expect(url.startsWith(`${E2E_BASE_URL}/share?token=`)).toBe(true);
  expect(await axeViolations(page, { exclude: "main" }), "share dialog, link shown").toEqual([]);
  if (SCREENSHOTS) await dialog.screenshot({ path: `${SCREENSHOTS}/share-dialog-link.png` });
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  return url;
}

test("a hiring manager without an account opens a share link, leaves a scorecard that joins the summary as external; revoked, the link answers 410", async ({ page, browser, recruiter }) => {
  test.setTimeout(240_000);
  const candidateName = `Quilla Vexford${randomUUID().slice(0, 4)}`;
  const interviewId = await completedInterview(page, browser, recruiter, candidateName);
  const email = await candidateEmail(page, interviewId);
  const url = await createLink(page, interviewId, { blind: false });
  const links = page.getByRole("region", { name: "Share links" });
  await expect(links.getByRole("row")).toHaveCount(2);
  await expect(links).toContainText("not opened yet");
  await expect(links).toContainText("Active");

  // A browser that has never signed in: the link's 303 moves the token into a cookie, then the page.
  const context = await browser.newContext();
  const manager = await context.newPage();
  const response = (await manager.goto(url))!;
  expect(response.status()).toBe(200);
  expect(manager.url()).toBe(`${E2E_BASE_URL}/share`);
  const headers = response.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["x-robots-tag"]).toContain("noindex");
  await expect(manager.getByRole("heading", { level: 1, name: candidateName })).toBeVisible();
  await expect(manager.getByText("What did you ship last?")).toBeVisible();
  await expect(manager.getByText("A deploy pipeline.")).toBeVisible();
  // Only the chosen question, and never the candidate's contact details.
  await expect(manager.getByText("What would you change here?")).toHaveCount(0);
  await expect(manager.getByText("The onboarding.")).toHaveCount(0);
  expect(await manager.content()).not.toContain(email);
  expect(await axeViolations(manager), "share page").toEqual([]);
  if (SCREENSHOTS) await manager.screenshot({ path: `${SCREENSHOTS}/share-page.png`, fullPage: true });

  // Refused as a whole, each message beside its field; nothing is written.
  await manager.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(manager.getByText("Enter your name.")).toBeVisible();
  await expect(manager.getByText("Enter an email address.")).toBeVisible();
  await expect(manager.getByText("Choose strong no, no, yes or strong yes.")).toBeVisible();
  expect(await axeViolations(manager), "share page with errors").toEqual([]);
  await manager.getByLabel("Your name").fill("Hana Manager");
  await manager.getByLabel("Your email").fill("hana@client.example");
  await manager.getByRole("group", { name: "Rating for Question 1" }).getByRole("radio", { name: "4", exact: true }).check();
  await manager.getByLabel("Notes on Question 1").fill("Clear about trade-offs.");
  await manager.getByRole("group", { name: "Your recommendation" }).getByRole("radio", { name: "Yes", exact: true }).check();
  await manager.getByLabel("Comment").fill("Worth a second round.");
  await manager.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(manager.getByRole("status")).toHaveText(/Thank you\. Your scorecard is in/);

  // The recruiter: the scorecard in the summary marked external, one view, the first-view email.
  await page.goto(`/interviews/${interviewId}`);
  const summary = page.getByRole("region", { name: "Scorecard summary" });
  await expect(summary).toContainText("Hana Manager External: Yes");
  await expect(summary).toContainText("Mean 4.0 of 5");
  await expect(summary).toContainText("Hana Manager External: 4");
  await expect(links).toContainText("1 view");
  await expect(links).toContainText(/first \w{3} \d/);
  await expect(links).toContainText("1 scorecard");
  expect(await axeViolations(page), "interview page with share links").toEqual([]);
  if (SCREENSHOTS) await links.screenshot({ path: `${SCREENSHOTS}/share-links-section.png` });
  await openEmail(page, recruiter.email, new RegExp(`^Your link to ${candidateName}'s interview was opened`));
  await expect(page.locator("pre")).not.toContainText("/share?token=");

  // Revoked: the page answers 410 from then on; the scorecard stays.
  await page.goto(`/interviews/${interviewId}`);
  await links.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("alertdialog", { name: "Revoke this share link?" }).getByRole("button", { name: "Revoke link" }).click();
  await expect(links).toContainText("Revoked");
  await expect(links.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  const gone = (await manager.reload())!;
  expect(gone.status()).toBe(410);
  await expect(manager.getByRole("heading", { name: "This link is no longer available" })).toBeVisible();
  expect(await axeViolations(manager), "410 page").toEqual([]);
  if (SCREENSHOTS) await manager.screenshot({ path: `${SCREENSHOTS}/share-410.png` });
  await expect(page.getByRole("region", { name: "Scorecard summary" })).toContainText("Hana Manager");
  await context.close();
});

test("blind mode: no response the viewer's browser gets — HTML, RSC payloads, URLs, headers — carries the candidate's name or email; unknown tokens all get one 404", async ({ page, browser, recruiter }) => {
  test.setTimeout(240_000);
  const candidateName = `Orsolya Brightwater${randomUUID().slice(0, 4)}`;
  const interviewId = await completedInterview(page, browser, recruiter, candidateName);
  const email = await candidateEmail(page, interviewId);
  const url = await createLink(page, interviewId, { blind: true, all: true });

  const context = await browser.newContext();
  const seen: Array<{ url: string; headers: string; body: string }> = [];
  await context.route("**/*", async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    seen.push({ url: route.request().url(), headers: JSON.stringify(response.headersArray()), body: (await response.body()).toString("utf8") });
    await route.fulfill({ response });
  });
  const manager = await context.newPage();
  await manager.goto(url);
  await expect(manager.getByRole("heading", { level: 1, name: "Candidate O. B." })).toBeVisible();
  if (SCREENSHOTS) await manager.screenshot({ path: `${SCREENSHOTS}/share-blind.png` });
  await expect(manager.getByText("A deploy pipeline.")).toBeVisible();
  await expect(manager.getByText("The onboarding.")).toBeVisible();
  await expect(manager).toHaveTitle("Shared interview · Kairos");
  // A server action's RSC payload too: a refused submission re-renders nothing that names them.
  await manager.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(manager.getByText("Enter your name.")).toBeVisible();
  await context.unrouteAll({ behavior: "wait" });
  expect(seen.length).toBeGreaterThan(3);
  const surname = candidateName.split(" ")[1]!;
  for (const needle of [candidateName, surname, email, interviewId]) {
    expect(seen.filter((s) => s.url.includes(needle) || s.headers.includes(needle) || s.body.includes(needle)).map((s) => s.url), needle).toEqual([]);
  }

  // One identical 404 for an unknown token and a malformed one (and no cookie at all).
  const fresh = await browser.newContext();
  const probe = await fresh.newPage();
  const bodies: string[] = [];
  for (const bad of [`${E2E_BASE_URL}/share?token=${"A".repeat(43)}`, `${E2E_BASE_URL}/share?token=nope`]) {
    const response = (await probe.goto(bad))!;
    expect(response.status()).toBe(404);
    bodies.push(await response.text());
  }
  await fresh.clearCookies();
  const bare = (await probe.goto(`${E2E_BASE_URL}/share`))!;
  expect(bare.status()).toBe(404);
  bodies.push(await bare.text());
  expect(new Set(bodies).size).toBe(1);
  await expect(probe.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  expect(await axeViolations(probe), "404 page").toEqual([]);
  await fresh.close();
  await context.close();
});
