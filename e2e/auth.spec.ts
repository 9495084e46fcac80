import { DEMO, expect, sessionToken, signIn, signUp, test } from "./fixtures";

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

test("signing up twice with one email is refused on the email field", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Demo Twin");
  await page.getByLabel("Company").fill("Twin Co");
  await page.getByLabel("Work email").fill(DEMO.email.toUpperCase());
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Work email")).toHaveAccessibleDescription("An account with this email already exists. Sign in instead.");
  // The demo account still works with its own password.
  const other = await browser.newPage();
  await signIn(other, DEMO.email, DEMO.password);
  await other.close();
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
