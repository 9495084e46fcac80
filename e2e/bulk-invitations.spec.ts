import { randomUUID } from "node:crypto";
import { axeViolations, createJob, expect, openEmail, test } from "./fixtures";

// Bulk invitations from a job's page: a CSV of applicants, the preview of every row, the
// confirmation, the batch's page counting its invitations out, and the mailbox holding one each.

const uid = () => randomUUID().slice(0, 8);
const ZONES = ["Europe/Berlin", "America/Chicago", "Asia/Tokyo"];

test("a 20-row CSV with 3 bad rows, to complete by a deadline: preview, confirm, the batch page reaches 17 sent, and the mailbox holds one invitation each", async ({ page, recruiter }, testInfo) => {
  void recruiter;
  await createJob(page, `Bulk job ${uid()}`);
  const jobPath = new URL(page.url()).pathname;
  const id = uid();
  const good = Array.from({ length: 17 }, (_, i) => ({ name: `Applicant ${i + 1} ${id}`, email: `applicant-${i + 1}-${id}@example.test`, zone: ZONES[i % 3]! }));
  // A spreadsheet's export: a byte order mark, CRLF, headers in their own order and case, a quoted comma.
  const lines = [
    "E-mail,Full Name,Time Zone,Phone",
    ...good.map((p, i) => (i === 0 ? `${p.email},"Doe, ${p.name}",${p.zone},+1 555 0100` : `${p.email},${p.name},${p.zone},`)),
    `not-an-email,Bad Email ${id},UTC,`,
    `zone-${id}@example.test,Bad Zone ${id},Mars/Olympus,`,
    `noname-${id}@example.test,,UTC,`,
  ];
  const csv = "\uFEFF" + lines.join("\r\n") + "\r\n";

  await page.getByRole("link", { name: "Invite candidates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Invite candidates" })).toBeVisible();
  await page.getByLabel("Or upload a CSV file").setInputFiles({ name: "applicants.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByRole("heading", { name: "Preview: 20 rows" })).toBeFocused();
  await expect(page.getByText("17 new candidates · 0 existing · 0 skipped · 3 invalid. Nothing has been sent yet.")).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(21);
  await expect(table.getByRole("row").filter({ hasText: "not-an-email" })).toContainText("Malformed email “not-an-email”.");
  await expect(table.getByRole("row").filter({ hasText: `zone-${id}@` })).toContainText("Unknown time zone “Mars/Olympus”");
  await expect(table.getByRole("row").filter({ hasText: `noname-${id}@` })).toContainText("Missing name.");
  await expect(table.getByRole("row").filter({ hasText: good[0]!.email })).toContainText(`Doe, ${good[0]!.name}`);
  await expect(table.getByRole("row").filter({ hasText: good[1]!.email })).toContainText("New candidate");
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("preview-1280.png"), fullPage: true });

  // Each candidate completes it by the same date, at 17:00 in their own zone.
  await page.getByLabel("Any time before a deadline").check();
  await expect(page.getByText("Due at 17:00 in each candidate's own time zone.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Complete by")).not.toHaveValue("");
  await expect(page.getByLabel("Date and time")).toHaveCount(0);
  await page.getByRole("button", { name: "Send 17 invitations" }).click();
  await expect(page).toHaveURL(/\/jobs\/[^/]+\/invitations\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invitations to Bulk job");
  // The page follows the outbox by itself: no reload here.
  await expect(page.getByRole("status").filter({ hasText: "of 17 sent" })).toContainText("17 of 17 sent", { timeout: 30_000 });
  const invited = page.getByRole("region", { name: "Invited (17)" });
  await expect(invited.getByRole("row")).toHaveCount(18);
  const invalid = page.getByRole("region", { name: "Invalid (3)" });
  await expect(invalid).toContainText("Malformed email “not-an-email”.");
  await expect(invalid).toContainText("Missing name.");
  await expect(page.getByText("Nobody was skipped.")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("batch-1280.png"), fullPage: true });

  // One invitation each, and none for the bad rows.
  await page.goto("/dev/mailbox");
  const invitations = page.getByRole("listitem").filter({ hasText: /Your interview with / });
  await expect(invitations).toHaveCount(17);
  for (const person of [good[0]!, good[9]!, good[16]!]) await expect(invitations.filter({ hasText: `To ${person.email}` })).toHaveCount(1);
  await expect(page.getByRole("listitem").filter({ hasText: `zone-${id}@` })).toHaveCount(0);
  // Composed as it went: the link, and the due time in the candidate's own zone.
  const link = await openEmail(page, good[1]!.email, /^Your interview with /);
  expect(link).toMatch(/\/interview\?session_key=/);
  await expect(page.locator("pre")).toContainText("5:00 PM (your time)");
  await expect(page.locator("pre")).toContainText("Central Standard Time");

  // The job's page lists the batch.
  await page.goto(jobPath);
  await page.getByRole("region", { name: "Bulk invitations" }).getByRole("link", { name: /17 invited · 3 not invited/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invitations to Bulk job");

  // More time for everyone who has not finished: one date, one email each.
  await expect(page.getByText("17 candidates have not finished.")).toBeVisible();
  await page.getByLabel("New date to complete by").fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Extend 17 interviews" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Extended 17 interviews: each candidate is getting the new date and a new link." })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.goto("/dev/mailbox");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("listitem").filter({ hasText: /More time: your interview with / })).toHaveCount(17, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test("pasted lines and a chosen candidate, by keyboard on a phone-sized screen", async ({ page, recruiter }, testInfo) => {
  void recruiter;
  await page.setViewportSize({ width: 375, height: 800 });
  const title = await createJob(page, `Paste job ${uid()}`);
  const jobPath = new URL(page.url()).pathname;
  const chosen = { name: `Chosen ${uid()}`, email: `chosen-${uid()}@example.test` };
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill(chosen.name);
  await page.getByLabel("Email").fill(chosen.email);
  await page.getByLabel("Time zone").fill("Europe/Oslo");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();

  await page.goto(`${jobPath}/invite`);
  await expect(page.getByRole("link", { name: `← ${title}` })).toBeVisible();
  const search = page.getByRole("searchbox", { name: "Search candidates" });
  await search.focus();
  await page.keyboard.type(chosen.name.slice(0, 10));
  const option = page.getByRole("checkbox", { name: new RegExp(chosen.name) });
  await expect(option).toBeVisible();
  await option.focus();
  await page.keyboard.press("Space");
  await expect(page.getByRole("list", { name: "Chosen candidates" })).toContainText(chosen.name);

  const fresh = `fresh-${uid()}@example.test`;
  await page.getByLabel("Paste names and emails").focus();
  await page.keyboard.type(`Fresh Person <${fresh}>\nRepeat Person, ${fresh.toUpperCase()}\nno-address-here`);
  await page.getByLabel("Time zone for rows without one (optional)").fill("America/Denver");
  await page.getByRole("button", { name: "Preview" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Preview: 4 rows" })).toBeFocused();
  await expect(page.getByText("1 new candidate · 1 existing · 1 skipped · 1 invalid.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Repeat Person" })).toContainText("Repeated: the same email as line 1.");
  // The page itself never scrolls sideways; the table scrolls inside its own focusable region.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath("preview-375.png"), fullPage: true });

  // Back keeps what was typed; previewing again shows the same.
  await page.getByRole("button", { name: "Back to the list" }).click();
  await expect(page.getByLabel("Paste names and emails")).toHaveValue(new RegExp(fresh));
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: "Send 2 invitations" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "of 2 sent" })).toContainText("2 of 2 sent", { timeout: 30_000 });
  await expect(page.getByRole("region", { name: "Skipped (1)" })).toContainText("Repeated");
  await expect(page.getByRole("region", { name: "Invalid (1)" })).toContainText("Missing email.");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath("batch-375.png"), fullPage: true });

  // Both are now invited: the picker no longer offers the chosen candidate.
  await page.goto(`${jobPath}/invite`);
  await expect(page.getByRole("checkbox", { name: new RegExp(chosen.name) })).toHaveCount(0);
});
