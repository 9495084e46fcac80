import { expect, openLobby, test } from "./fixtures";

// Text PostgreSQL cannot store (U+0000) is dropped where it enters, so it neither fails a page nor
// loses what the candidate typed.

test("a NUL in a search or a filter is no error page", async ({ page, recruiter: _ }) => {
  for (const path of ["/candidates?q=%00", "/candidates?q=ab%00cd", "/interviews?jobId=%00", "/interviews?when=past&jobId=x%00"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("a NUL in a typed answer: the answer is saved without it, never lost", async ({ page, browser, recruiter: _ }) => {
  const { candidate, context, interviewId } = await openLobby(page, browser, [{ prompt: "Describe a hard bug.", prep: 5, answer: 120 }]);
  await candidate.getByRole("checkbox", { name: /I understand/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  const answer = candidate.getByLabel("Your answer");
  await answer.fill("A race\u0000 in the cache.");
  await expect(candidate.getByText(/^Saved at/)).toBeVisible();
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: /^Thank you/ })).toBeVisible();
  await context.close();

  await page.goto(`/interviews/${interviewId}`);
  await expect(page.getByText("A race in the cache.")).toBeVisible();
});
