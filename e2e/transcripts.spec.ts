import { axeViolations, expect, openLobby, test } from "./fixtures";

// The organisation's transcription switch (Settings → Transcripts) and what the candidate's consent
// step says about it. The e2e server runs the default engine (offline); this host has pocketsphinx
// and ffmpeg, so the card reports no problem.

const SENTENCE = "Your recorded answers will be transcribed on Kairos's servers so the hiring team can read and search them; the transcript is never used to score you.";

test("an owner switches transcription off and on; the card names the engine; candidates are told only while it is on", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  await page.goto("/settings");
  const card = page.getByRole("region", { name: "Transcripts" });
  await expect(card.getByText("On this server (pocketsphinx); recordings never leave your deployment.")).toBeVisible();
  await expect(card.getByText("This server cannot transcribe recordings.")).toHaveCount(0);
  const toggle = card.getByRole("switch", { name: "Transcribe recorded answers" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  expect(await axeViolations(page), "/settings").toEqual([]);
  await card.screenshot({ path: test.info().outputPath("transcripts-card-on.png") });

  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Walk us through a hard bug.", prep: 30, answer: 120, answerType: "VIDEO" }]);
  try {
    await expect(candidate.getByText(SENTENCE)).toBeVisible();

    await page.goto("/settings");
    await toggle.click();
    await expect(card.getByRole("status").filter({ hasText: "Saved. Recorded answers are no longer transcribed" })).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
    await card.screenshot({ path: test.info().outputPath("transcripts-card-off.png") });
    await page.reload();
    await expect(page.getByRole("switch", { name: "Transcribe recorded answers" })).toHaveAttribute("aria-checked", "false");

    await candidate.reload();
    await expect(candidate.getByText("Welcome, Lee Lobby. Your interview is open.")).toBeVisible();
    await expect(candidate.getByText(SENTENCE)).toHaveCount(0);

    await page.getByRole("switch", { name: "Transcribe recorded answers" }).click();
    await expect(page.getByRole("switch", { name: "Transcribe recorded answers" })).toHaveAttribute("aria-checked", "true");
    await candidate.reload();
    await expect(candidate.getByText(SENTENCE)).toBeVisible();
  } finally {
    await context.close();
  }
});

test("an all-text interview's consent step says nothing about transcripts", async ({ page, browser, recruiter: _ }) => {
  test.setTimeout(120_000);
  const { candidate, context } = await openLobby(page, browser, [{ prompt: "Why this role?", prep: 30, answer: 120 }]);
  try {
    await expect(candidate.getByText("What is recorded:")).toBeVisible();
    await expect(candidate.getByText(/transcribed/)).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a new webhook endpoint can subscribe to transcript.ready", async ({ page, recruiter: _ }) => {
  await page.goto("/settings/webhooks");
  await expect(page.getByRole("group", { name: "Events" }).getByRole("checkbox", { name: "transcript.ready" })).toBeChecked();
});
