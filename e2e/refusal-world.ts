import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { createJob, expect, scheduleAndGetLink, sessionToken, signUp, type Recruiter } from "./fixtures";

// The two organisations e2e/action-refusals.spec.ts attacks each other with, built through the UI
// (and a test hook for the one row no page makes: a failed transcript on A's completed answer).

export type Interview = { id: string; link: string };
export type Answered = Interview & { answerId: string };
export type Started = Answered & { key: string };
/** The roles below owner, each a member of org A (e2e/action-refusals.spec.ts refuses each what its role may not do). */
export const LOWER_ROLES = ["ADMIN", "RECRUITER", "REVIEWER"] as const;
export type LowerRole = (typeof LOWER_ROLES)[number];
export type RoleMember = { userId: string; name: string; email: string; state: string };

export type World = {
  a: {
    state: string;
    owner: Recruiter;
    /** A member of each role below owner, signed in. */
    members: Record<LowerRole, RoleMember>;
    /** Everyone on A's team: the owner and the members. */
    teamSize: number;
    job: { id: string; title: string; questionId: string; prompt: string };
    candidate: { id: string; name: string; email: string };
    scheduled: Interview & { requestToken: string };
    /** Its answer has a FAILED transcript (3 attempts). */
    completed: Answered;
    inProgress: Started;
    invite: { id: string; email: string };
    /** An active API key (its id and name; the key itself is never needed). */
    apiKey: { id: string; name: string };
    /** A webhook endpoint (nothing listens at its URL), its secret, and a delivery of a test event. */
    webhook: { endpointId: string; url: string; secret: string; deliveryId: string };
  };
  b: { state: string; job: { id: string; title: string }; completed: Answered; inProgress: Started; open: Interview };
};

const uid = () => randomUUID().slice(0, 8);

/** Schedules through the UI and also returns the form's one-time token. */
async function scheduleWithToken(page: Page, name: string, local = "") {
  const posted = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/interviews/new" && Boolean(r.headers()["next-action"]));
  const scheduled = await scheduleAndGetLink(page, { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}@example.test` }, local);
  const requestToken = /name="[^"]*requestToken"\r\n\r\n([0-9a-f-]{36})/.exec((await posted).postData() ?? "")?.[1];
  if (!requestToken) throw new Error("the schedule form posted no request token");
  return { id: scheduled.interviewId, link: scheduled.link, requestToken };
}

/** Opens an interview's link in a fresh browser and starts it (and answers it, when `finish`); returns its key. */
async function takeInterview(browser: Browser, link: string, finish: boolean): Promise<string> {
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await candidate.goto(link);
  await candidate.getByRole("checkbox", { name: /I understand/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await expect(candidate.getByText("Question 1 of 1", { exact: true })).toBeVisible();
  if (finish) {
    await candidate.getByRole("button", { name: "Start answering now" }).click();
    await candidate.getByLabel("Your answer").fill("My own answer.");
    await expect(candidate.getByText(/^Saved at /)).toBeVisible();
    await candidate.getByRole("button", { name: "Finish interview" }).click();
    await expect(candidate.getByRole("heading", { name: /^Thank you/ })).toBeVisible();
  }
  const key = (await context.cookies()).find((c) => c.name === "kairos_interview")?.value;
  await context.close();
  if (!key) throw new Error("no portal cookie");
  return key;
}

/** The one answer's id, from the recruiter's interview page. */
async function answerId(page: Page, interviewId: string): Promise<string> {
  await page.goto(`/interviews/${interviewId}`);
  const labelledBy = await page.locator('article[aria-labelledby^="answer-"]').getAttribute("aria-labelledby");
  return /^answer-(.+)-heading$/.exec(labelledBy ?? "")![1]!;
}

async function interviewPair(page: Page, browser: Browser, label: string) {
  const completedAt = await scheduleWithToken(page, `${label} Done ${uid()}`, "now");
  await takeInterview(browser, completedAt.link, true);
  const started = await scheduleWithToken(page, `${label} Busy ${uid()}`, "now");
  const key = await takeInterview(browser, started.link, false);
  return {
    completed: { id: completedAt.id, link: completedAt.link, answerId: await answerId(page, completedAt.id) },
    inProgress: { id: started.id, link: started.link, answerId: await answerId(page, started.id), key },
  };
}

export async function buildWorld(browser: Browser): Promise<World> {
  // A long preparation and answer time: the interviews in progress stay on their question for the whole run.
  const question = { prompt: `What would you build? ${uid()}`, prep: 600, answer: 3600 };

  const aContext = await browser.newContext();
  const a = await aContext.newPage();
  const owner = await signUp(a, "Alpha");
  const jobTitle = await createJob(a, `Alpha job ${uid()}`, [question]);
  const jobId = new URL(a.url()).pathname.split("/").pop()!;
  await a.goto(`/jobs/${jobId}/edit`);
  const questionId = await a.locator('input[name="question.id"]').inputValue();
  const candidate = { name: `Alex Alpha ${uid()}`, email: `alex-${uid()}@example.test` };
  await a.goto("/candidates/new");
  await a.getByLabel("Name").fill(candidate.name);
  await a.getByLabel("Email").fill(candidate.email);
  await a.getByLabel("Time zone").fill("Europe/Berlin");
  await a.getByRole("button", { name: "Add candidate" }).click();
  await expect(a.getByRole("status").filter({ hasText: "Candidate saved." })).toBeVisible();
  const candidateId = new URL(a.url()).pathname.split("/").pop()!;
  const scheduled = await scheduleWithToken(a, `Sam Alpha ${uid()}`);
  const aInterviews = await interviewPair(a, browser, "Alpha");
  // A transcript that failed, for "Transcribe again" to be refused on (a test hook writes it as the pipeline would).
  const failed = await a.request.post("/api/test/transcripts", { data: { answerId: aInterviews.completed.answerId, status: "FAILED", reason: "The audio could not be decoded" } });
  expect(failed.status()).toBe(201);
  const inviteEmail = `teammate-${uid()}@example.test`;
  await a.goto("/team");
  await a.getByLabel("Email").fill(inviteEmail);
  await a.getByRole("button", { name: "Send invitation" }).click();
  await expect(a.getByRole("region", { name: "Open invitations" })).toContainText(inviteEmail);
  // The invitation's id is not on the page: take it from the Revoke button's own call, stopped on its way out.
  let revokeArgs: unknown[] | null = null;
  await a.route("**/team", async (route) => {
    if (!route.request().headers()["next-action"]) return route.fallback();
    revokeArgs = route.request().postDataJSON() as unknown[];
    await route.abort();
  });
  await a.getByRole("region", { name: "Open invitations" }).getByRole("button", { name: "Revoke" }).click();
  await a.getByRole("alertdialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect.poll(() => revokeArgs).not.toBeNull();
  // An API key, and its id, taken the same way from its Revoke call (stopped before the server).
  const apiKeyName = `Alpha integration ${uid()}`;
  await a.goto("/settings/api-keys");
  await a.getByRole("button", { name: "Create API key" }).click();
  const keyDialog = a.getByRole("dialog", { name: "Create API key" });
  await keyDialog.getByLabel("Name").fill(apiKeyName);
  await keyDialog.getByRole("checkbox", { name: /jobs:read/ }).check();
  await keyDialog.getByRole("button", { name: "Create key" }).click();
  await expect(keyDialog.getByLabel("API key")).toHaveValue(/^kairos_/);
  await keyDialog.getByRole("button", { name: "Done" }).click();
  let revokeKeyArgs: unknown[] | null = null;
  await a.route("**/settings/api-keys", async (route) => {
    if (!route.request().headers()["next-action"]) return route.fallback();
    revokeKeyArgs = route.request().postDataJSON() as unknown[];
    await route.abort();
  });
  await a.getByRole("row", { name: apiKeyName }).getByRole("button", { name: /^Revoke/ }).click();
  await a.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect.poll(() => revokeKeyArgs).not.toBeNull();
  // A webhook endpoint with one delivery; the delivery's id taken from its Redeliver call, stopped on its way out.
  const hookUrl = "http://127.0.0.1:9/alpha-hooks";
  await a.goto("/settings/webhooks");
  await a.getByLabel("Endpoint URL").fill(hookUrl);
  await a.getByRole("button", { name: "Add endpoint" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText(hookUrl);
  const endpointId = new URL(a.url()).pathname.split("/").pop()!;
  await a.getByRole("button", { name: "Reveal" }).click();
  const hookSecret = (await a.locator("code[aria-labelledby=secret-label]").textContent())!;
  await a.getByRole("button", { name: "Send test event" }).click();
  const testRow = a.getByRole("row", { name: /webhook\.test/ });
  await expect(async () => {
    await a.reload();
    await expect(testRow.getByRole("button", { name: "Redeliver" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  let redeliverArgs: unknown[] | null = null;
  await a.route(`**/settings/webhooks/${endpointId}`, async (route) => {
    if (!route.request().headers()["next-action"]) return route.fallback();
    redeliverArgs = route.request().postDataJSON() as unknown[];
    await route.abort();
  });
  await testRow.getByRole("button", { name: "Redeliver" }).click();
  await expect.poll(() => redeliverArgs).not.toBeNull();
  const aState = JSON.stringify(await aContext.storageState());
  await aContext.close();
  const members = {} as Record<LowerRole, RoleMember>;
  for (const role of LOWER_ROLES) members[role] = await addMember(browser, owner.email, role);

  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await signUp(b, "Bravo");
  const bJobTitle = await createJob(b, `Bravo job ${uid()}`, [question]);
  const bJobId = new URL(b.url()).pathname.split("/").pop()!;
  const bInterviews = await interviewPair(b, browser, "Bravo");
  const open = await scheduleWithToken(b, `Olly Bravo ${uid()}`, "now");
  const bState = JSON.stringify(await bContext.storageState());
  await bContext.close();

  return {
    a: {
      state: aState,
      owner,
      members,
      teamSize: 1 + LOWER_ROLES.length,
      job: { id: jobId, title: jobTitle, questionId, prompt: question.prompt },
      candidate: { id: candidateId, ...candidate },
      scheduled,
      ...aInterviews,
      invite: { id: String(revokeArgs![0]), email: inviteEmail },
      apiKey: { id: String(revokeKeyArgs![0]), name: apiKeyName },
      webhook: { endpointId, url: hookUrl, secret: hookSecret, deliveryId: String(redeliverArgs![1]) },
    },
    b: { state: bState, job: { id: bJobId, title: bJobTitle }, ...bInterviews, open: { id: open.id, link: open.link } },
  };
}

/** A member of the owner's organisation with `role`, signed in (a test hook, app/api/test/members): their browser state. */
async function addMember(browser: Browser, ownerEmail: string, role: LowerRole): Promise<RoleMember> {
  const context = await browser.newContext();
  const person = { name: `${role.charAt(0)}${role.slice(1).toLowerCase()} ${uid()}`, email: `${role.toLowerCase()}-${uid()}@example.test` };
  const response = await context.request.post(`${E2E_BASE_URL}/api/test/members`, { data: { ownerEmail, role, ...person, password: `${role.toLowerCase()}-password` } });
  expect(response.status()).toBe(201);
  const { userId, sessionId } = (await response.json()) as { userId: string; sessionId: string };
  await context.addCookies([{ name: "next-auth.session-token", value: await sessionToken(userId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
  const state = JSON.stringify(await context.storageState());
  await context.close();
  return { userId, ...person, state };
}
