import { randomUUID } from "node:crypto";
import { greenhouseAuthorization, startGreenhouseStandIn } from "../tests/support/greenhouse-stand-in";
import { createJob, expect, openEmail, test } from "./fixtures";
import { E2E_BASE_URL } from "./env";

// Kairos as a Greenhouse assessment partner, end to end: a stand-in of Greenhouse lists the
// organisation's tests and sends one to a candidate through the real server, the candidate takes
// the deadline interview in Chromium from the invitation email, and Greenhouse receives the PATCH
// callback and reads test_status as complete, with the review page's URL.

test("Greenhouse lists tests, sends one, the candidate completes it, and Greenhouse hears back", async ({ page, browser, recruiter }) => {
  const title = await createJob(page, `Greenhouse ${randomUUID().slice(0, 6)}`, [
    { prompt: "What did you ship last?", prep: 30, answer: 300 },
    { prompt: "What would you change here?", prep: 30, answer: 300 },
  ]);
  const made = await page.request.post("/api/test/api-keys", { data: { ownerEmail: recruiter.email, scopes: ["interviews:read", "interviews:write"] } });
  expect(made.status()).toBe(201);
  const { key } = (await made.json()) as { key: string };
  const greenhouse = await startGreenhouseStandIn({ apiKey: key, partnerBaseUrl: E2E_BASE_URL });
  try {
    // The stage's test list: the job we just made.
    const tests = await greenhouse.listTests();
    expect(tests.status).toBe(200);
    const listed = (tests.body as Array<{ partner_test_id: string; partner_test_name: string }>).find((t) => t.partner_test_name === title);
    expect(listed).toBeDefined();

    // "Send Test": the candidate is invited, and a retry of the same request invites nobody twice.
    const email = `greenhouse-${randomUUID().slice(0, 8)}@example.test`;
    const sent = await greenhouse.sendTest(listed!.partner_test_id, { first_name: "Gina", last_name: "House", email });
    expect(sent.status).toBe(200);
    const id = sent.body.partner_interview_id as string;
    const retried = await greenhouse.sendTest(listed!.partner_test_id, { first_name: "Gina", last_name: "House", email }, { takeHomeTestId: sent.takeHomeTestId });
    expect(retried.body).toEqual({ partner_interview_id: id });
    expect((await greenhouse.testStatus(id)).body).toMatchObject({ partner_status: "sent" });

    // The candidate takes it from the invitation, with a break between the questions allowed.
    const link = await openEmail(page, email, /^Your interview with /);
    if (!link) throw new Error("the invitation has no link");
    const context = await browser.newContext();
    const candidate = await context.newPage();
    await candidate.goto(link);
    await expect(candidate.getByText("Welcome, Gina House. Your interview is open.")).toBeVisible();
    await candidate.getByRole("checkbox", { name: /I understand what is recorded/ }).check();
    await candidate.getByRole("button", { name: "Start interview" }).click();
    await candidate.getByRole("button", { name: "Start answering now" }).click();
    await candidate.getByLabel("Your answer").fill("A deploy pipeline.");
    await candidate.getByRole("button", { name: "Submit and continue" }).click();
    await candidate.getByRole("button", { name: "Continue with question 2" }).click();
    await candidate.getByRole("button", { name: "Start answering now" }).click();
    await candidate.getByLabel("Your answer").fill("The onboarding.");
    await candidate.getByRole("button", { name: "Finish interview" }).click();
    await expect(candidate.getByRole("heading", { name: "Thank you, Gina House" })).toBeVisible();
    await context.close();

    // Greenhouse is PATCHed with the customer's key, then reads the status: complete, with the review page.
    await expect.poll(() => greenhouse.patches.filter((p) => p.takeHomeTestId === sent.takeHomeTestId).map((p) => p.status), { timeout: 30_000 }).toEqual([200]);
    await expect.poll(() => greenhouse.statusAfterPatch.find((s) => s.partnerInterviewId === id)?.body, { timeout: 10_000 }).toMatchObject({
      partner_status: "complete",
      partner_profile_url: `${E2E_BASE_URL}/interviews/${id}`,
    });

    // The link Greenhouse shows its users opens the interview's review for a signed-in member.
    await page.goto(`${E2E_BASE_URL}/interviews/${id}`);
    await expect(page.getByText("The onboarding.")).toBeVisible();
  } finally {
    await greenhouse.close();
  }
});

test("the real routes refuse: no key or a Bearer one 401, another organisation's test and instance 404, bad JSON 400", async ({ page, recruiter }) => {
  await createJob(page, `Greenhouse ${randomUUID().slice(0, 6)}`);
  const key = async (ownerEmail: string) => {
    const made = await page.request.post("/api/test/api-keys", { data: { ownerEmail, scopes: ["interviews:read", "interviews:write"] } });
    expect(made.status()).toBe(201);
    return ((await made.json()) as { key: string }).key;
  };
  const ours = await startGreenhouseStandIn({ apiKey: await key(recruiter.email), partnerBaseUrl: E2E_BASE_URL });
  const otherEmail = `other-${randomUUID().slice(0, 8)}@example.test`;
  const other = await page.request.post("/api/test/organizations", {
    data: { name: "Other Owner", email: otherEmail, password: "other-password", organizationName: "Other Org", timeZone: "UTC" },
  });
  expect(other.status()).toBe(201);
  const theirs = await startGreenhouseStandIn({ apiKey: await key(otherEmail), partnerBaseUrl: E2E_BASE_URL });
  try {
    const [test] = (await ours.listTests()).body as Array<{ partner_test_id: string }>;
    const sent = await ours.sendTest(test!.partner_test_id, { first_name: "Tess", last_name: "Tenant", email: `tess-${randomUUID().slice(0, 8)}@example.test` });
    expect(sent.status).toBe(200);

    expect((await theirs.listTests()).body).toEqual([]);
    expect((await theirs.testStatus(sent.body.partner_interview_id)).status).toBe(404);
    expect((await theirs.sendTest(test!.partner_test_id, { first_name: "Tess", last_name: "Tenant", email: `t-${randomUUID().slice(0, 8)}@example.test` })).status).toBe(404);

    const bare = await fetch(`${E2E_BASE_URL}/api/greenhouse/list_tests`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect((await fetch(`${E2E_BASE_URL}/api/greenhouse/list_tests`, { headers: { authorization: "Bearer kairos_x" } })).status).toBe(401);
    const malformed = await fetch(`${E2E_BASE_URL}/api/greenhouse/send_test`, {
      method: "POST",
      headers: { authorization: greenhouseAuthorization(await key(recruiter.email)), "content-type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
  } finally {
    await Promise.all([ours.close(), theirs.close()]);
  }
});
