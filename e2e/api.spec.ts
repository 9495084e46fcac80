import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { answerTwoByLink, createJob, expect, openEmail, test } from "./fixtures";

// The README's curl walkthrough, as an ATS would do it against the real server: a key from
// Settings, then jobs, a candidate, an invitation (replayed by its Idempotency-Key), the candidate
// answering in Chromium, and the results read back; with the refusals an integrator meets first.

/** Creates a key with every scope through Settings and returns it (shown once). */
async function createKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  await dialog.getByLabel("Name").fill(`ATS ${randomUUID().slice(0, 4)}`);
  for (const checkbox of await dialog.getByRole("checkbox").all()) await checkbox.check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("API key").inputValue();
  expect(key).toMatch(/^kairos_[\w-]{43}$/);
  await page.keyboard.press("Escape");
  return key;
}

let ats: APIRequestContext;
test.afterEach(async () => ats?.dispose());

test("an ATS creates a candidate, invites them, and reads their answers once they finish", async ({ page, browser, recruiter: _recruiter }) => {
  const title = await createJob(page, `API ${randomUUID().slice(0, 6)}`, [
    { prompt: "What did you ship last?", prep: 30, answer: 300 },
    { prompt: "What would you change here?", prep: 30, answer: 300 },
  ]);
  const key = await createKey(page);
  ats = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });

  const jobs = await ats.get("/api/v1/jobs?limit=10");
  expect(jobs.status()).toBe(200);
  expect(jobs.headers()["ratelimit-remaining"]).toBeTruthy();
  const job = (await jobs.json()).data.find((j: { title: string }) => j.title === title);
  expect((await (await ats.get(`/api/v1/jobs/${job.id}`)).json()).questions).toHaveLength(2);

  const email = `api-${randomUUID().slice(0, 8)}@example.test`;
  const candidate = await ats.post("/api/v1/candidates", { data: { name: "Ada Api", email, time_zone: "Europe/London", external_id: "cand-1" } });
  expect(candidate.status()).toBe(201);
  const candidateId = (await candidate.json()).id;

  const invite = { job_id: job.id, candidate_id: candidateId, starts_at: "now", external_id: "app-1", metadata: { stage: "screen" } };
  const headers = { "Idempotency-Key": randomUUID() };
  const created = await ats.post("/api/v1/interviews", { data: invite, headers });
  expect(created.status()).toBe(201);
  const interview = await created.json();
  const replayed = await ats.post("/api/v1/interviews", { data: invite, headers });
  expect(replayed.headers()["idempotent-replayed"]).toBe("true");
  expect((await replayed.json()).id).toBe(interview.id);

  const link = await openEmail(page, email, /^Your interview with /);
  await answerTwoByLink(browser, link!, "Ada Api", ["A billing service.", "The onboarding."]);

  const done = await (await ats.get(`/api/v1/interviews/${interview.id}`)).json();
  expect(done).toMatchObject({ status: "completed", external_id: "app-1", metadata: { stage: "screen" }, candidate: { external_id: "cand-1" } });
  expect(done.answers.map((a: { text: string }) => a.text)).toEqual(["A billing service.", "The onboarding."]);
  expect(done.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["interview.scheduled", "interview.started", "interview.completed"]));
  expect(done.timeline[0].actor).toBe("api_key");
  const listed = await (await ats.get(`/api/v1/interviews?external_id=app-1&status=completed`)).json();
  expect(listed.data.map((i: { id: string }) => i.id)).toEqual([interview.id]);

  // The interview's page says the invitation came through the API.
  await page.goto(`/interviews/${interview.id}`);
  await expect(page.getByRole("listitem").filter({ hasText: "through the API" }).first()).toBeVisible();
});

test("refusals are problem documents: no key, another organisation's id, bad JSON, no such operation", async ({ page, recruiter: _recruiter }) => {
  const key = await createKey(page);
  const anonymous = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  try {
    const noKey = await anonymous.get("/api/v1/interviews");
    expect(noKey.status()).toBe(401);
    expect(noKey.headers()["content-type"]).toBe("application/problem+json");
    expect(noKey.headers()["www-authenticate"]).toContain("Bearer");
    const auth = { Authorization: `Bearer ${key}` };
    const unknown = await anonymous.get("/api/v1/interviews/cm0000000000000000000000", { headers: auth });
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).code).toBe("not_found");
    const broken = await anonymous.post("/api/v1/candidates", { headers: { ...auth, "Content-Type": "application/json" }, data: Buffer.from('{"name":') });
    expect(broken.status()).toBe(400);
    expect((await broken.json()).detail).toBe("The body is not valid JSON.");
    const nowhere = await anonymous.get("/api/v1/nowhere", { headers: auth });
    expect(nowhere.status()).toBe(404);
    expect(nowhere.headers()["content-type"]).toBe("application/problem+json");

    // The reference: the document, and the page rendering it from our own origin.
    const document = await anonymous.get("/api/v1/openapi.json");
    expect((await document.json()).openapi).toBe("3.1.0");
  } finally {
    await anonymous.dispose();
  }
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Kairos API reference" })).toBeVisible();
  // Swagger UI renders from a 1.5 MB bundle and the fetched document: slow on a busy CI machine.
  await expect(page.getByText("Invite a candidate to an interview").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator("#problem-idempotency_conflict")).toContainText("Idempotency-Key");
  await page.screenshot({ path: test.info().outputPath("reference.png"), fullPage: false });
});
