import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

async function addCandidate(page: Page, name: string, email: string) {
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Time zone").fill("Europe/Berlin");
  await page.getByRole("button", { name: "Add candidate" }).click();
}

test("add a candidate; their time zone is asked for, with the recruiter's own one offered", async ({ page, recruiter: _ }) => {
  await page.getByRole("link", { name: "Candidates" }).click();
  await expect(page.getByText("No candidates yet")).toBeVisible();
  await page.getByRole("link", { name: "Add candidate" }).click();
  // Not silently the recruiter's zone; theirs (the browser runs in America/New_York) is one click away.
  await expect(page.getByLabel("Time zone")).toHaveValue("");
  await page.getByRole("button", { name: "Use my time zone (New York)" }).click();
  await expect(page.getByLabel("Time zone")).toHaveValue(/^\(UTC−0[45]:00\) New York — America\/New_York$/);
  await expect(page.getByLabel("Time zone")).toBeFocused();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill("Ada@Example.com");
  await page.getByLabel("Phone (optional)").fill("+44 20 7946 0000");
  await page.getByLabel("Time zone").fill("(UTC+00:00) London — Europe/London");
  await page.getByLabel("Notes").fill("Met at the analytical engines meetup.");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();

  await page.goto("/candidates");
  const row = page.getByRole("row", { name: /Ada Lovelace/ });
  await expect(row).toContainText("ada@example.com");
  await expect(row).toContainText("Europe/London");
});

test("a duplicate email shows the field error and keeps what was typed", async ({ page, recruiter: _ }) => {
  await addCandidate(page, "Grace Hopper", "grace@example.com");
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();

  await addCandidate(page, "Grace B. Hopper", "GRACE@example.com");
  const email = page.getByLabel("Email");
  await expect(email).toHaveAccessibleDescription("A candidate with this email already exists.");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveValue("GRACE@example.com");
  await expect(page.getByLabel("Name")).toHaveValue("Grace B. Hopper");
  await expect(page).toHaveURL(/\/candidates\/new$/);

  await page.goto("/candidates");
  await expect(page.getByRole("row", { name: /Grace/ })).toHaveCount(1);
});

test("search by name or email, edit, and delete a candidate", async ({ page, recruiter: _ }) => {
  await addCandidate(page, "Katherine Johnson", "kj@nasa.example");
  await addCandidate(page, "Dorothy Vaughan", "dorothy@nasa.example");
  await page.goto("/candidates");
  const search = page.getByRole("searchbox", { name: "Search candidates by name or email" });
  await search.fill("katherine");
  await search.press("Enter");
  await expect(page.getByRole("row", { name: /Katherine Johnson/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Dorothy/ })).toHaveCount(0);
  await search.fill("DOROTHY@");
  await search.press("Enter");
  await expect(page.getByRole("row", { name: /Dorothy Vaughan/ })).toBeVisible();
  await search.fill("nobody-matches");
  await search.press("Enter");
  await expect(page.getByText("No candidates match “nobody-matches”")).toBeVisible();

  await page.goto("/candidates");
  await page.getByRole("link", { name: "Dorothy Vaughan" }).click();
  await page.getByLabel("Phone (optional)").fill("+1 757 555 0100");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Phone (optional)")).toHaveValue("+1 757 555 0100");

  await page.getByRole("button", { name: "Delete candidate" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete candidate" }).click();
  await expect(page).toHaveURL(/\/candidates\?deleted=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Candidate deleted." })).toBeVisible();
  await expect(page.getByRole("row", { name: /Dorothy/ })).toHaveCount(0);
});

test("an unknown time zone is refused", async ({ page, recruiter: _ }) => {
  await page.goto("/candidates/new");
  await page.getByLabel("Name").fill("Zone Tester");
  await page.getByLabel("Email").fill("zone@example.com");
  await page.getByLabel("Time zone").fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByLabel("Time zone")).toHaveAccessibleDescription(/Choose a time zone from the list\./);
  await page.goto("/candidates");
  await expect(page.getByText("No candidates yet")).toBeVisible();
});
