import { expect, openLobby, test } from "./fixtures";

// The device check's code loads on demand (app/interview/_device-check/device-check.tsx). When it cannot be
// fetched, the lobby says so where the check would be and stays usable, instead of the route's
// error page replacing it.
test("the check's code cannot load: said in place, with a reload, and Start stays disabled", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Say hello on camera.", prep: 10, answer: 60, answerType: "VIDEO" }]);
  await candidate.waitForLoadState("networkidle");
  // Everything the page needed has loaded; any script asked for from now on is loaded on demand.
  await candidate.route(/\/_next\/static\/chunks\/.*\.js/, (route) => route.abort("internetdisconnected"));

  const check = candidate.getByRole("region", { name: "Check your camera and microphone" });
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();
  const failure = check.getByRole("alert");
  await expect(failure).toContainText("The check could not load. Check your connection, then reload this page");
  await expect(failure.getByRole("button", { name: "Reload page" })).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Start interview" })).toBeDisabled();
  await expect(candidate.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);

  // Back online, the reload brings the check back.
  await candidate.unroute(/\/_next\/static\/chunks\/.*\.js/);
  await failure.getByRole("button", { name: "Reload page" }).click();
  await check.getByRole("button", { name: "Check my camera and microphone" }).click();
  await expect(check.getByRole("heading", { name: "Your camera and microphone work" })).toBeVisible();
  await expect(candidate.getByRole("button", { name: "Start interview" })).toBeEnabled();
  await context.close();
});
