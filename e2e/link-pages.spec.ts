import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { createJob, expect, localDateTime, scheduleAndGetLink, test } from "./fixtures";

/** The heading's first font family, as the browser resolved it, and whether a face of it has loaded. */
async function headingFont(page: Page) {
  const family = await page.getByRole("heading", { level: 1 }).evaluate((h) => getComputedStyle(h).fontFamily);
  const first = family.split(",")[0]!.trim().replace(/^["']|["']$/g, "").toLowerCase();
  const loaded = await page.evaluate(async (name) => {
    await document.fonts.ready;
    return [...document.fonts].some((face) => face.family.replace(/^["']|["']$/g, "").toLowerCase() === name && face.status === "loaded");
  }, first);
  return { family: first, loaded };
}

/** Every link page looks like the rest of Kairos: the portal's font, and the logo in the page's banner. */
async function expectBranded(page: Page, portalFont: string, what: string) {
  const font = await headingFont(page);
  expect(font.family, `${what}: font`).toBe(portalFont);
  expect(font.loaded, `${what}: the font loaded`).toBe(true);
  const banner = page.getByRole("banner");
  await expect(banner, `${what}: logo`).toContainText("Kairos");
  await expect(banner.locator("svg"), `${what}: logo mark`).toBeVisible();
}

test("invalid and replaced interview links, and invalid account links, use the portal's font and logo", async ({ page, browser, recruiter: _ }) => {
  const context = await browser.newContext();
  const visitor = await context.newPage();
  await visitor.goto("/sign-in");
  const portalFont = (await headingFont(visitor)).family;
  expect(portalFont).toBe("inter");

  const invalid = await visitor.goto(`/interview?session_key=${"x".repeat(43)}`);
  expect(invalid?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expectBranded(visitor, portalFont, "invalid interview link");

  await createJob(page);
  const { interviewId, link } = await scheduleAndGetLink(page, { name: "Old Link", email: `old-${randomUUID().slice(0, 8)}@example.test` }, await localDateTime(page, 2, 10));
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Resend invitation" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resend invitation" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  const replaced = await visitor.goto(link);
  expect(replaced?.status()).toBe(410);
  await expect(visitor.getByRole("heading", { name: "A newer invitation was sent" })).toBeVisible();
  await expectBranded(visitor, portalFont, "replaced interview link");

  for (const path of ["/verify-email?token=nothing", "/invite?token=nothing", "/reset-password?token=nothing", "/sign-up/confirm?token=nothing", "/no-such-page"]) {
    await visitor.goto(path);
    await expectBranded(visitor, portalFont, path);
  }
  await context.close();
});
