import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export const DEMO = { email: "recruiter@kairos.test", password: "kairos-demo" };

export type Recruiter = { name: string; email: string; password: string; organizationName: string };

/** Signs up a brand-new organisation through the UI and leaves `page` signed in as its owner. */
export async function signUp(page: Page, label = "Org"): Promise<Recruiter> {
  const id = randomUUID().slice(0, 8);
  const recruiter = {
    name: `Robin ${id}`,
    email: `robin-${id}@example.test`,
    password: "correct horse battery",
    organizationName: `${label} ${id}`,
  };
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(recruiter.name);
  await page.getByLabel("Company").fill(recruiter.organizationName);
  await page.getByLabel("Work email").fill(recruiter.email);
  await page.getByLabel("Password").fill(recruiter.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  return recruiter;
}

/** Signs in through the sign-in form and waits until the session cookie is in place. */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
}

/** WCAG 2.1 A/AA violations on the current page, as a readable list (empty when clean). */
export async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export const test = base.extend<{ recruiter: Recruiter }>({
  // A fresh organisation per test, so specs run in parallel without resets.
  recruiter: async ({ page }, use) => {
    await use(await signUp(page));
  },
});

export { expect };
