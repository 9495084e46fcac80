import { randomUUID } from "node:crypto";
import type { Page, Response } from "@playwright/test";
import { axeViolations, completedInterview, expect, openEmail, sessionToken, test } from "./fixtures";
import { E2E_BASE_URL } from "./env";

// A hiring team reviews one candidate together, as new users would: the owner invites a reviewer
// through the Team page, asks two reviewers to review, each scores blind (nothing of the other's in
// any response until their own is in), and the summary flags where they disagree.

/** Every response body `page` receives while `act` runs (documents, RSC payloads, fetches). */
async function bodiesDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const responses: Response[] = [];
  const onResponse = (response: Response) => void responses.push(response);
  page.on("response", onResponse);
  await act();
  page.off("response", onResponse);
  return Promise.all(responses.map((r) => r.text().catch(() => "")));
}

/** Scores both questions and recommends, without submitting. */
async function score(page: Page, [q1, q2]: [string, string], notes: string, recommendation: string) {
  const first = page.getByRole("article", { name: "Question 1" });
  await first.getByRole("radio", { name: q1, exact: true }).check();
  await expect(first.getByRole("status")).toHaveText(/Saved/);
  await first.getByLabel("Notes on Question 1").fill(notes);
  await expect(first.getByRole("status")).toHaveText(/Saved/);
  const second = page.getByRole("article", { name: "Question 2" });
  await second.getByRole("radio", { name: q2, exact: true }).check();
  await expect(second.getByRole("status")).toHaveText(/Saved/);
  await page.getByRole("region", { name: "Your scorecard" }).getByRole("radio", { name: recommendation, exact: true }).check();
}

test("a recruiter and two reviewers review a candidate independently: invited with a role, asked by email, blind until each submits, disagreement flagged", async ({ page, browser, recruiter }) => {
  test.setTimeout(240_000);
  const candidateName = `Ines ${randomUUID().slice(0, 4)}`;
  const interviewId = await completedInterview(page, browser, recruiter, candidateName);
  // The candidate's address, as the owner's page shows it (a reviewer's never does).
  await page.goto(`/interviews/${interviewId}`);
  const shown = (await page.locator("dd").filter({ hasText: "@" }).first().innerText()).replace(/^.*· /, "").trim();
  expect(shown).toMatch(/@example\.test$/);

  // The owner invites Noor as a reviewer, through the Team page and its email.
  await page.goto("/team");
  const noorEmail = `noor-${randomUUID().slice(0, 8)}@example.test`;
  await page.getByLabel("Email").fill(noorEmail);
  // The owner, alone, has no role to change: the only choice on the page is the invitation's.
  await expect(page.getByRole("combobox")).toHaveCount(1);
  await page.getByRole("combobox", { name: "Role", exact: true }).click();
  await page.getByRole("option", { name: "Reviewer" }).click();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${noorEmail} to join as reviewer.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Open invitations" })).toContainText("Joins as reviewer");
  await page.screenshot({ path: test.info().outputPath("team-1280.png"), fullPage: true });
  expect(await axeViolations(page), "team page").toEqual([]);
  const inviteUrl = await openEmail(page, noorEmail, /^Join .* on Kairos/);
  const noorContext = await browser.newContext();
  const noor = await noorContext.newPage();
  await noor.goto(inviteUrl!);
  await noor.getByLabel("Your name").fill("Noor Haddad");
  await noor.getByLabel("Password").fill("reviewer-password");
  await noor.getByRole("button", { name: "Join team" }).click();
  await expect(noor).toHaveURL(/\/interviews$/);
  // A reviewer's dashboard: nothing yet, no jobs or candidates, and neither is reachable by URL.
  await expect(noor.getByText("When a recruiter asks you to review an interview, it appears here.")).toBeVisible();
  await expect(noor.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText(["Interviews", "Search", "Team", "Settings"]);
  for (const path of ["/jobs", "/candidates", "/interviews/new", `/interviews/${interviewId}`]) {
    expect((await noor.goto(path))?.status(), path).toBe(404);
  }

  // A second reviewer, Sam (made directly: the invitation's path is the one above).
  const samEmail = `sam-${randomUUID().slice(0, 8)}@example.test`;
  const made = await page.request.post("/api/test/members", { data: { ownerEmail: recruiter.email, role: "REVIEWER", name: "Sam Okoye", email: samEmail, password: "reviewer-password" } });
  expect(made.status()).toBe(201);
  const { userId: samId, sessionId } = (await made.json()) as { userId: string; sessionId: string };
  const samContext = await browser.newContext();
  await samContext.addCookies([{ name: "next-auth.session-token", value: await sessionToken(samId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  const sam = await samContext.newPage();

  // The owner asks both to review, by a date.
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Request review" }).click();
  const dialog = page.getByRole("dialog", { name: "Request review" });
  await dialog.getByRole("checkbox", { name: /Noor Haddad/ }).check();
  await dialog.getByRole("checkbox", { name: /Sam Okoye/ }).check();
  await dialog.getByLabel("Review by (optional)").fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
  expect(await axeViolations(page), "request review dialog").toEqual([]);
  await dialog.getByRole("button", { name: "Send requests" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Review requests sent: 2 emails on the way." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Review requested from" })).toContainText("Noor Haddad");
  await expect(page.getByRole("region", { name: "Review requested from" })).toContainText("Sam Okoye");

  await page.goto("/interviews?when=review");
  await expect(page.getByRole("listitem").filter({ hasText: candidateName })).toContainText("0 of 2 reviewed");
  await noor.goto("/interviews?when=mine");
  await expect(noor.getByRole("link", { name: candidateName })).toBeVisible();

  // Noor's email opens the interview; her page has no address of the candidate's anywhere.
  await openEmail(noor, noorEmail, new RegExp(`asks you to review ${candidateName}'s interview`));
  const reviewUrl = /https?:\/\/\S+\/interviews\/[\w-]+/.exec((await noor.locator("pre").textContent()) ?? "")?.[0];
  expect(reviewUrl).toBe(`${E2E_BASE_URL}/interviews/${interviewId}`);
  const noorFirstLoad = await bodiesDuring(noor, async () => {
    await noor.goto(reviewUrl!);
    await expect(noor.getByRole("heading", { level: 1 })).toContainText(candidateName);
  });
  expect(noorFirstLoad.join("\n")).not.toContain(shown);
  await expect(noor.getByText(/asked you to review this interview by/)).toBeVisible();
  const noorNotes = `Noor-only-${randomUUID().slice(0, 8)}`;
  await score(noor, ["5", "4"], noorNotes, "Strong yes");
  await noor.screenshot({ path: test.info().outputPath("reviewer-scoring-1280.png"), fullPage: true });
  expect(await axeViolations(noor), "reviewer's page").toEqual([]);
  await noor.getByRole("region", { name: "Your scorecard" }).getByRole("button", { name: "Submit scorecard" }).click();
  await expect(noor.getByRole("region", { name: "Scorecard summary" }).getByText("1 scorecard submitted.")).toBeVisible();

  // Sam, before submitting: nothing of Noor's in any response (HTML, RSC payload) of his page.
  const samBefore = await bodiesDuring(sam, async () => {
    await sam.goto(`/interviews/${interviewId}`);
    await expect(sam.getByRole("region", { name: "Your scorecard" })).toBeVisible();
    await sam.reload();
    await expect(sam.getByRole("region", { name: "Your scorecard" })).toBeVisible();
  });
  const everything = samBefore.join("\n");
  expect(everything).toContain(candidateName);
  expect(everything).not.toContain(noorNotes);
  expect(everything).not.toContain("Noor Haddad");
  expect(everything).not.toContain(shown);
  await expect(sam.getByRole("region", { name: "Scorecard summary" })).toHaveText(/appear here once you submit yours/);

  await score(sam, ["2", "4"], "Thin on detail.", "No");
  await sam.getByRole("region", { name: "Your scorecard" }).getByRole("button", { name: "Submit scorecard" }).click();
  const summary = sam.getByRole("region", { name: "Scorecard summary" });
  await expect(summary.getByText("2 scorecards submitted.")).toBeVisible();
  // Question 1: 5 and 2 (spread 3) is flagged; question 2: 4 and 4 is not.
  await expect(summary.getByText("Reviewers disagree")).toHaveCount(1);
  await expect(summary).toContainText("Noor Haddad");
  await expect(summary).toContainText(noorNotes);
  await sam.screenshot({ path: test.info().outputPath("summary-disagreement-1280.png"), fullPage: true });
  expect(await axeViolations(sam), "summary").toEqual([]);

  await sam.goto("/interviews?when=mine");
  await expect(sam.getByText("Nothing waiting for your review")).toBeVisible();

  // The owner sees both, and decides.
  await page.goto("/interviews?when=review");
  await expect(page.getByRole("listitem").filter({ hasText: candidateName })).toContainText("2 of 2 reviewed");
  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByRole("region", { name: "Scorecard summary" }).getByText("Reviewers disagree")).toHaveCount(1);
  const decision = page.getByRole("region", { name: "Decision" });
  await decision.getByRole("radio", { name: "Hold" }).check();
  await decision.getByRole("button", { name: "Save decision" }).click();
  await expect(decision.getByRole("status").filter({ hasText: "Decision saved." })).toBeVisible();
  await noorContext.close();
  await samContext.close();
});

test("a recruiter asks a teammate to review every interview waiting for a decision at once: one email lists them, and they wait in the teammate's list", async ({ page, browser, recruiter }) => {
  test.setTimeout(180_000);
  const names = [`Ola ${randomUUID().slice(0, 4)}`, `Per ${randomUUID().slice(0, 4)}`];
  for (const name of names) await completedInterview(page, browser, recruiter, name);
  const samEmail = `sam-${randomUUID().slice(0, 8)}@example.test`;
  const made = await page.request.post("/api/test/members", { data: { ownerEmail: recruiter.email, role: "REVIEWER", name: "Sam Okoye", email: samEmail, password: "reviewer-password" } });
  expect(made.status()).toBe(201);
  const { userId: samId, sessionId } = (await made.json()) as { userId: string; sessionId: string };

  await page.goto("/interviews?when=review");
  await expect(page.getByText("2 completed interviews waiting for a decision.")).toBeVisible();
  await page.getByRole("button", { name: "Request review of these 2" }).click();
  const dialog = page.getByRole("dialog", { name: "Request review" });
  await expect(dialog).toContainText("one email listing these 2 interviews");
  // Sending with no one chosen says what is missing, in the dialog.
  await dialog.getByRole("button", { name: "Send requests" }).click();
  await expect(dialog.getByText("Choose at least one teammate.")).toBeVisible();
  await dialog.getByRole("checkbox", { name: /Sam Okoye/ }).check();
  await dialog.getByRole("button", { name: "Send requests" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Review requests sent: 1 email on the way." }).first()).toBeVisible();
  for (const name of names) await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("0 of 1 reviewed");
  expect(await axeViolations(page), "interviews to review, after a bulk request").toEqual([]);
  await page.screenshot({ path: test.info().outputPath("to-review-1280.png"), fullPage: true });

  // Sam gets one email naming both candidates, with the link to their list.
  await openEmail(page, samEmail, /asks you to review 2 interviews/);
  await page.screenshot({ path: test.info().outputPath("review-digest-email.png"), fullPage: true });
  const text = (await page.locator("pre").textContent()) ?? "";
  for (const name of names) expect(text).toContain(name);
  expect(text).toContain("/interviews?when=mine");

  const samContext = await browser.newContext();
  await samContext.addCookies([{ name: "next-auth.session-token", value: await sessionToken(samId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  const sam = await samContext.newPage();
  await sam.goto("/interviews?when=mine");
  for (const name of names) await expect(sam.getByRole("link", { name })).toBeVisible();
  await samContext.close();
});

test("a reviewer put on a job's hiring team reviews its completed interviews without being asked one by one, and loses them when taken off", async ({ page, browser, recruiter }) => {
  test.setTimeout(180_000);
  const name = `Lin ${randomUUID().slice(0, 4)}`;
  const interviewId = await completedInterview(page, browser, recruiter, name);
  const leaEmail = `lea-${randomUUID().slice(0, 8)}@example.test`;
  const made = await page.request.post("/api/test/members", { data: { ownerEmail: recruiter.email, role: "REVIEWER", name: "Lea Brandt", email: leaEmail, password: "reviewer-password" } });
  expect(made.status()).toBe(201);
  const { userId, sessionId } = (await made.json()) as { userId: string; sessionId: string };
  const leaContext = await browser.newContext();
  await leaContext.addCookies([{ name: "next-auth.session-token", value: await sessionToken(userId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  const lea = await leaContext.newPage();
  expect((await lea.goto(`/interviews/${interviewId}`))?.status()).toBe(404);

  // The owner puts Lea on the job's hiring team, by keyboard.
  await page.goto("/jobs");
  await page.getByRole("link", { name: /^Review / }).first().click();
  const team = page.getByRole("region", { name: "Hiring team" });
  await expect(team).toContainText("No one yet.");
  await team.getByRole("combobox", { name: "Teammate to add" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("option", { name: "Lea Brandt · Reviewer" }).press("Enter");
  await team.getByRole("button", { name: "Add to hiring team" }).press("Enter");
  await expect(team.getByRole("listitem").filter({ hasText: "Lea Brandt" })).toBeVisible();
  expect(await axeViolations(page), "job page with its hiring team").toEqual([]);
  await page.screenshot({ path: test.info().outputPath("job-hiring-team-1280.png"), fullPage: true });

  await lea.goto("/interviews?when=mine");
  await lea.getByRole("link", { name }).click();
  await expect(lea.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(lea.getByRole("region", { name: "Your scorecard" })).toBeVisible();

  await team.getByRole("button", { name: "Remove Lea Brandt from the hiring team" }).click();
  await expect(team).toContainText("No one yet.");
  expect((await lea.goto(`/interviews/${interviewId}`))?.status()).toBe(404);
  await leaContext.close();
});
