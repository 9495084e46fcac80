import { readFileSync } from "node:fs";
import { E2E_SERVER_LOG } from "./env";
import { DEMO, expect, openEmail, ownClientAddress, sessionToken, signIn, signUp, test } from "./fixtures";

test("the demo recruiter signs in and sees the seeded jobs", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole("heading", { name: "Interviews", exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("link", { name: "Robotics Software Engineer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Field Service Technician" })).toBeVisible();
  await page.getByRole("link", { name: "Candidates" }).click();
  await expect(page.getByRole("link", { name: "Hana Sato" })).toBeVisible();
});

test("a sign-in sent before the page's script has loaded puts no password in the address or the server log", async ({ browser }) => {
  // As a click before hydration on a slow connection: the browser submits the form by itself.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const password = `never-in-a-url-${Date.now()}`;
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(password);
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === "/sign-in" && r.request().isNavigationRequest());
  await page.getByRole("button", { name: "Sign in" }).click();
  expect((await response).request().method()).toBe("POST");
  expect(page.url()).not.toContain(password);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(readFileSync(E2E_SERVER_LOG, "utf8").includes(password), "the password in the server log").toBe(false);
  await context.close();
});

test("a wrong password and an unknown email get the same generic message", async ({ page, browser }) => {
  // A fresh account, not the demo one: failed sign-ins count towards a lockout, and repeated runs
  // against one PostgreSQL would otherwise lock the demo recruiter out.
  const context = await browser.newContext();
  const { email: known } = await signUp(await context.newPage(), "Wrong");
  await context.close();
  const messages: string[] = [];
  for (const email of [known, `nobody-${Date.now()}@kairos.test`]) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.locator("form [role=alert]");
    await expect(alert).toBeVisible();
    messages.push((await alert.textContent()) ?? "");
    await expect(page).toHaveURL(/\/sign-in/);
  }
  expect(messages[0]).toBe("That email and password do not match an account.");
  expect(messages[1]).toBe(messages[0]);
});

test("signed-out visitors are sent to sign-in, and sign-out ends the session", async ({ page }) => {
  await page.goto("/candidates");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/candidates$/);

  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});

test("a copy of the session cookie opens nothing once its browser has signed out", async ({ page, browser, baseURL, recruiter: _ }) => {
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  expect(copied).toHaveLength(1);
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const thief = await browser.newContext();
  await thief.addCookies(copied.map(({ name, value }) => ({ name, value, url: baseURL! })));
  const stolen = await thief.newPage();
  for (const path of ["/interviews", "/settings"]) {
    await stolen.goto(path);
    await expect(stolen.getByRole("heading", { name: "Sign in to Kairos" }), path).toBeVisible();
  }
  await thief.close();
});

test("sign-up refuses bad input next to each field and keeps what was typed", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Sam Example");
  await page.getByLabel("Company").fill("");
  await page.getByLabel("Work email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Company")).toHaveAccessibleDescription("Enter your company's name.");
  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription("Enter a valid email address, like name@example.com.");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/At least 10 characters\. Use at least 10 characters\./);
  await expect(page.getByLabel("Your name")).toHaveValue("Sam Example");
  await expect(page.getByLabel("Work email")).toHaveValue("not-an-email");
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("signing up with an address that has an account looks exactly like a new one; its owner is emailed and still signs in", async ({ page, browser }) => {
  const answers: string[] = [];
  for (const email of [`fresh-${Date.now()}@example.test`, DEMO.email.toUpperCase()]) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": ownClientAddress() });
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Demo Twin");
    await page.getByLabel("Company").fill("Twin Co");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password").fill("another-long-password");
    await page.getByRole("button", { name: "Create account" }).click();
    const status = page.getByRole("status").filter({ hasText: "Check your email" });
    await expect(status).toBeVisible();
    answers.push(((await status.textContent()) ?? "").replace(email.toLowerCase(), "ADDRESS"));
  }
  expect(answers[1]).toBe(answers[0]);
  // The owner of the address hears about it, with no link that would create anything.
  expect(await openEmail(page, DEMO.email, /^You already have a Kairos account/)).toBeNull();
  await expect(page.locator("pre")).toContainText("Someone tried to create a new Kairos account with this address.");
  // The demo account still works with its own password.
  const other = await browser.newPage();
  await signIn(other, DEMO.email, DEMO.password);
  await other.close();
});

test("a forgotten password: the emailed link sets a new one, once, and signs every browser out", async ({ page, browser, recruiter }) => {
  const elsewhere = await browser.newContext();
  const reset = await elsewhere.newPage();
  await reset.setExtraHTTPHeaders({ "x-forwarded-for": ownClientAddress() });
  await reset.goto("/sign-in");
  await reset.getByRole("link", { name: "Forgot your password?" }).click();
  // The sign-in page has an Email field too: fill the reset page's, once it is there.
  await expect(reset.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await reset.getByLabel("Email").fill(recruiter.email);
  await reset.getByRole("button", { name: "Send reset link" }).click();
  await expect(reset.getByRole("status")).toContainText(`If ${recruiter.email} belongs to a Kairos account, we have sent it a link`);

  const link = await openEmail(reset, recruiter.email, /^Reset your Kairos password/);
  expect(link).toMatch(/\/reset-password\?token=[\w-]{43}$/);
  await reset.goto(link!);
  await reset.getByLabel("New password").fill("a brand new passphrase");
  await reset.getByRole("button", { name: "Set new password" }).click();
  await expect(reset).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(reset.getByRole("status")).toContainText("Your password was changed");

  // The recruiter's own browser was signed out by the reset.
  await page.goto("/interviews");
  await expect(page.getByRole("heading", { name: "Sign in to Kairos" })).toBeVisible();
  await signIn(reset, recruiter.email, "a brand new passphrase");
  // The link works once.
  await reset.goto(link!);
  await expect(reset.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await elsewhere.close();
});

test("changing the password in settings signs out every other browser, not this one; sign out everywhere signs out this one too", async ({ page, browser, baseURL, recruiter }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.setExtraHTTPHeaders({ "x-forwarded-for": ownClientAddress() });
  await signIn(otherPage, recruiter.email, recruiter.password);

  await page.goto("/settings");
  const account = page.getByRole("region", { name: "Your account" });
  await account.getByLabel("Current password").fill("not my password at all");
  await account.getByLabel("New password").fill("a changed passphrase");
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByLabel("Current password")).toHaveAccessibleDescription("This is not your current password.");
  await account.getByLabel("Current password").fill(recruiter.password);
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(account.getByRole("status")).toContainText("Password changed.");

  await otherPage.goto("/interviews");
  await expect(otherPage.getByRole("heading", { name: "Sign in to Kairos" })).toBeVisible();
  await page.goto("/interviews");
  await expect(page.getByRole("heading", { name: "Interviews", exact: true })).toBeVisible();

  // Sign in elsewhere with the new password, then sign out everywhere from here.
  await signIn(otherPage, recruiter.email, "a changed passphrase");
  const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await otherPage.goto("/interviews");
  await expect(otherPage.getByRole("heading", { name: "Sign in to Kairos" })).toBeVisible();
  const thief = await browser.newContext();
  await thief.addCookies(copied.map(({ name, value }) => ({ name, value, url: baseURL! })));
  const stolen = await thief.newPage();
  await stolen.goto("/settings");
  await expect(stolen.getByRole("heading", { name: "Sign in to Kairos" })).toBeVisible();
  await Promise.all([other.close(), thief.close()]);
});

test("a session whose account no longer exists is signed out, not bounced between pages", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: await sessionToken(`gone-${Date.now()}`), url: baseURL! }]);
  const page = await context.newPage();
  for (const path of ["/interviews", "/", "/sign-in"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Sign in to Kairos" }), path).toBeVisible();
  }
  await context.close();
});
