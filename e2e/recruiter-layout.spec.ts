import { randomUUID } from "node:crypto";
import { chooseJob, chooseStart, createJob, expect, localDateTime, scheduleAndGetLink, test } from "./fixtures";

const DESTINATIONS = ["Interviews", "Jobs", "Candidates", "Search", "Team", "Settings"] as const;

test.describe("at 375 px", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the menu shows every destination, works from the keyboard and nothing scrolls sideways", async ({ page, recruiter: _ }) => {
    await page.goto("/interviews");
    // While the menu is open the page behind it is hidden from assistive technology (a modal sheet), the button too.
    const toggle = page.getByRole("button", { name: "Menu", exact: true, includeHidden: true });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    // The page itself never scrolls sideways to hide a destination.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // From the keyboard: open, every destination is visible and inside the screen, Escape closes.
    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of DESTINATIONS) {
      const link = nav.getByRole("link", { name, exact: true });
      await expect(link).toBeVisible();
      await expect(link).toBeInViewport({ ratio: 1 });
    }
    await expect(nav.getByRole("link", { name: "Interviews", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(nav.getByRole("link", { name: "Interviews", exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(toggle).toBeFocused();
    await expect(nav.getByRole("link", { name: "Team", exact: true })).toBeHidden();

    // Every destination is reachable: choosing one goes there and closes the menu.
    for (const name of DESTINATIONS.slice(1)) {
      await toggle.click();
      await nav.getByRole("link", { name, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name === "Team" ? /Team/ : name === "Search" ? "Search answers" : name);
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(375);
    }
  });
});

test("at 1280 px every destination is in the header, with no menu button", async ({ page, recruiter: _ }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/jobs");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of DESTINATIONS) await expect(nav.getByRole("link", { name, exact: true })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("button", { name: "Menu", exact: true })).toBeHidden();
});

test("the 'scheduled' banner shows once: a reload does not bring it back", async ({ page, recruiter: _ }) => {
  await createJob(page);
  await page.goto("/interviews/new");
  await page.getByRole("radio", { name: "New candidate" }).check();
  await page.getByLabel("Name").fill("Once Only");
  await page.getByLabel("Email").fill(`once-${randomUUID().slice(0, 8)}@example.test`);
  await page.getByLabel("Their time zone").fill("America/New_York");
  await chooseJob(page);
  await chooseStart(page, await localDateTime(page, 2, 10));
  await page.getByRole("button", { name: "Schedule and send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Interview scheduled." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Once Only");
  await expect(page).not.toHaveURL(/scheduled=/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Once Only");
  await expect(page.getByText("Interview scheduled.")).toHaveCount(0);
});

test("after a reschedule the header's buttons stay on one row and the message sits below the header", async ({ page, recruiter: _ }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await createJob(page);
  const { interviewId } = await scheduleAndGetLink(
    page,
    { name: "Row Keeper", email: `row-${randomUUID().slice(0, 8)}@example.test` },
    await localDateTime(page, 2, 10),
  );
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Reschedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule" });
  await dialog.getByLabel("New date and time").fill(await localDateTime(page, 3, 11));
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  const message = page.getByRole("status").filter({ hasText: "Rescheduled. The candidate is getting the new time and a new link." });
  await expect(message).toBeVisible();

  const buttons = ["Resend invitation", "Reschedule", "Cancel interview"].map((name) => page.getByRole("button", { name, exact: true }));
  const boxes = await Promise.all(buttons.map(async (b) => (await b.boundingBox())!));
  for (const box of boxes) expect(Math.abs(box.y - boxes[0]!.y), "the buttons share a row").toBeLessThan(2);
  const heading = (await page.getByRole("heading", { level: 1 }).boundingBox())!;
  const messageBox = (await message.boundingBox())!;
  expect(messageBox.y, "the message is below the header").toBeGreaterThanOrEqual(Math.max(heading.y + heading.height, ...boxes.map((b) => b.y + b.height)));
});
