import { expect, test } from "./fixtures";

test("an owner invites a teammate who joins the same organisation", async ({ page, browser, recruiter }) => {
  await page.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Email").fill(`teammate-${Date.now()}@example.test`);
  await page.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByLabel("Invitation link");
  await expect(link).toHaveValue(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
  const inviteUrl = await link.inputValue();

  const context = await browser.newContext();
  const teammate = await context.newPage();
  await teammate.goto(inviteUrl);
  await expect(teammate.getByRole("heading", { name: `Join ${recruiter.organizationName}` })).toBeVisible();
  await teammate.getByLabel("Your name").fill("Taylor Teammate");
  await teammate.getByLabel("Password").fill("teammate-password");
  await teammate.getByRole("button", { name: "Join team" }).click();
  await expect(teammate).toHaveURL(/\/jobs$/);
  await teammate.goto("/team");
  const members = teammate.getByRole("region", { name: "Members" }).getByRole("listitem");
  await expect(members.filter({ hasText: recruiter.email })).toContainText("Owner");
  await expect(members.filter({ hasText: "Taylor Teammate" })).toContainText("Member");
  // Members cannot invite.
  await expect(teammate.getByRole("button", { name: "Create invitation" })).toHaveCount(0);

  // The link works once.
  const again = await context.newPage();
  await again.goto(inviteUrl);
  await expect(again.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();
  await context.close();
});
