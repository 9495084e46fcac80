import { DEMO, expect, openEmail, test } from "./fixtures";

test("an owner invites a teammate who joins the same organisation", async ({ page, browser, recruiter }) => {
  await page.getByRole("link", { name: "Team" }).click();
  const email = `teammate-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Open invitations" })).toContainText(email);

  const inviteUrl = await openEmail(page, email, new RegExp(`Join ${recruiter.organizationName} on Kairos`));
  expect(inviteUrl).toMatch(/\/invite\?token=[A-Za-z0-9_-]{43}$/);

  const context = await browser.newContext();
  const teammate = await context.newPage();
  await teammate.goto(inviteUrl!);
  await expect(teammate.getByRole("heading", { name: `Join ${recruiter.organizationName}` })).toBeVisible();
  await teammate.getByLabel("Your name").fill("Taylor Teammate");
  await teammate.getByLabel("Password").fill("teammate-password");
  await teammate.getByRole("button", { name: "Join team" }).click();
  await expect(teammate).toHaveURL(/\/interviews$/);
  await teammate.goto("/team");
  const members = teammate.getByRole("region", { name: "Members" }).getByRole("listitem");
  await expect(members.filter({ hasText: recruiter.email })).toContainText("Owner");
  // Invited without choosing a role: a recruiter, who neither invites nor changes roles.
  await expect(members.filter({ hasText: "Taylor Teammate" })).toContainText("Recruiter");
  await expect(teammate.getByRole("combobox")).toHaveCount(0);
  await expect(teammate.getByRole("button", { name: "Send invitation" })).toHaveCount(0);

  // The link works once.
  const again = await context.newPage();
  await again.goto(inviteUrl!);
  await expect(again.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();
  await context.close();
});

test("inviting an address that has an account elsewhere answers as any invitation; the address is told instead of given a link", async ({ page, recruiter }) => {
  await page.goto("/team");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${DEMO.email} to join as recruiter. The link works once and expires in 7 days.` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Open invitations" })).toContainText(DEMO.email);

  expect(await openEmail(page, DEMO.email, new RegExp(`Join ${recruiter.organizationName} on Kairos`))).toBeNull();
  await expect(page.locator("pre")).toContainText("already belongs to a Kairos account in another organisation");
});
