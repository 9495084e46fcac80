import { randomUUID } from "node:crypto";
import { E2E_BASE_URL } from "./env";
import { axeViolations, expect, sessionToken, test } from "./fixtures";

// Settings → API keys: an owner creates a key by keyboard, sees it once and copies it; the list
// shows its first characters only, and nothing the page sends afterwards holds the key; revoking
// marks it Revoked; members below admin have no such page.

const KEY = /^kairos_[\w-]{43}$/;

test("an owner creates a key by keyboard, copies it once, finds it listed by its prefix, and revokes it", async ({ page, recruiter }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Manage API keys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No API keys yet" })).toBeVisible();
  expect(await axeViolations(page), "empty list").toEqual([]);

  // Keyboard only: open the dialog, submit nothing (refusals on their fields), then fill it in.
  await page.getByRole("button", { name: "Create API key" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await expect(dialog.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("checkbox", { name: /jobs:read/ })).toBeFocused();
  await dialog.getByRole("button", { name: "Create key" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("group", { name: "Scopes" })).toContainText("Choose at least one scope.");
  await expect(dialog.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page), "refused create dialog").toEqual([]);
  await page.screenshot({ path: test.info().outputPath("create-refused.png") });

  const name = `Greenhouse ${randomUUID().slice(0, 4)}`;
  await dialog.getByLabel("Name").focus();
  await page.keyboard.type(name);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // jobs:read
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space"); // interviews:write
  await expect(dialog.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expect(dialog.getByLabel("Expires")).toHaveValue("90");
  await dialog.getByLabel("Expires").selectOption("30");
  await dialog.getByRole("button", { name: "Create key" }).focus();
  await page.keyboard.press("Enter");

  // Shown once, focused and selected, with the warning and Copy.
  const shown = dialog.getByLabel("API key");
  await expect(shown).toHaveValue(KEY);
  await expect(shown).toBeFocused();
  const key = await shown.inputValue();
  await expect(dialog).toContainText("You won’t see this key again");
  expect(await axeViolations(page), "key shown").toEqual([]);
  await page.screenshot({ path: test.info().outputPath("key-shown.png") });
  await dialog.getByRole("button", { name: "Copy key" }).focus();
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("status").filter({ hasText: "Copied." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Listed by its first characters, with its scopes, creator, dates and status.
  const row = page.getByRole("row", { name });
  await expect(row).toContainText(`${key.slice(0, 11)}…`);
  await expect(row).toContainText("jobs:read");
  await expect(row).toContainText("interviews:write");
  await expect(row).not.toContainText("recordings:read");
  await expect(row).toContainText(`by ${recruiter.name}`);
  await expect(row).toContainText("Never used");
  const expires = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "America/New_York" }).format(new Date(Date.now() + 30 * 86_400_000));
  await expect(row).toContainText(expires);
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  expect(await axeViolations(page), "list").toEqual([]);
  await page.screenshot({ path: test.info().outputPath("list.png"), fullPage: true });

  // Reloaded: neither the HTML nor the RSC payload (a client-side navigation's) holds the key.
  const html = await (await page.reload())!.text();
  expect(html).toContain(key.slice(0, 11));
  expect(html.includes(key)).toBe(false);
  expect(html.includes(key.slice(11))).toBe(false);
  const rsc = await page.request.get("/settings/api-keys", { headers: { RSC: "1" } });
  expect(rsc.status()).toBe(200);
  const payload = await rsc.text();
  expect(payload).toContain(key.slice(0, 11));
  expect(payload.includes(key.slice(11))).toBe(false);
  await expect(page.getByRole("textbox", { name: "API key" })).toHaveCount(0);

  // Revoke, after confirming.
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(name);
  expect(await axeViolations(page), "revoke dialog").toEqual([]);
  await confirm.getByRole("button", { name: "Revoke key" }).click();
  await expect(confirm).toBeHidden();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("row", { name }).getByText("Revoked", { exact: true })).toBeVisible();
});

test("members below admin have no API keys page and no link to it", async ({ page, browser, recruiter }) => {
  for (const role of ["RECRUITER", "REVIEWER"] as const) {
    const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
    const made = await page.request.post("/api/test/members", { data: { ownerEmail: recruiter.email, role, name: `Kim ${role}`, email, password: "member-password" } });
    expect(made.status()).toBe(201);
    const { userId, sessionId } = (await made.json()) as { userId: string; sessionId: string };
    const context = await browser.newContext();
    await context.addCookies([{ name: "next-auth.session-token", value: await sessionToken(userId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
    const member = await context.newPage();
    expect((await member.goto("/settings/api-keys"))?.status(), role).toBe(404);
    await member.goto("/settings");
    await expect(member.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(member.getByRole("link", { name: "Manage API keys" })).toHaveCount(0);
    await context.close();
  }
});
