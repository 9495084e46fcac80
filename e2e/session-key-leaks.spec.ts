import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { E2E_SERVER_LOG } from "./env";
import { completedInterview, createJob, expect, localDateTime, openEmail, ownClientAddress, scheduleAndGetLink, signUp, test } from "./fixtures";

// The raw session key never appears in logs, in the database after hand-off, or in any
// response other than the email.
//
// "The email" is what the provider took: in production it leaves for Resend and only the outbox's
// scrubbed copy stays; here the development transport "delivers" it into DevMailboxMessage, the
// stand-in for the candidate's inbox (it is never written in a real deployment). So that table,
// and /dev/mailbox which shows it, are the only places allowed to hold the key — and the test
// checks that they do, so the search is known to work. Everything else — the outbox row, the audit
// trail, every other table, the server's log, every other response — must not.
//
// The same holds for the secrets in account emails: a sign-up's confirmation link (how a new
// account proves its address) and a password-reset link. The database keeps only their SHA-256.

type Seen = {
  url: string;
  status: number;
  headers: Array<{ name: string; value: string }>;
  body: string;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
};

/**
 * Records every response a browser context receives, body included. Each request is fetched on the
 * browser's behalf and handed back untouched (redirects included, one hop at a time): reading
 * bodies from the browser afterwards loses those a navigation or the cache has already dropped.
 */
async function recordTraffic(context: BrowserContext): Promise<Seen[]> {
  const seen: Seen[] = [];
  await context.route("**/*", async (route) => {
    const request = route.request();
    const response = await route.fetch({ maxRedirects: 0 });
    seen.push({
      url: request.url(),
      status: response.status(),
      headers: response.headersArray(),
      body: (await response.body()).toString("utf8"),
      requestHeaders: await request.allHeaders(),
      requestBody: request.postData(),
    });
    await route.fulfill({ response });
  });
  return seen;
}

async function databaseMatches(request: APIRequestContext, needle: string) {
  const response = await request.post("/api/test/database/search", { data: { needle } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { matches: Array<{ table: string; column: string; rows: number; decoded: boolean }> }).matches;
}

/** Where in one response the key shows: its URL, a header (by name), its body; or the request's Referer or body. */
function placesOf(key: string, seen: Seen): string[] {
  const places: string[] = [];
  if (seen.url.includes(key)) places.push("url");
  for (const { name, value } of seen.headers) if (value.includes(key)) places.push(`header ${name.toLowerCase()}`);
  if (seen.body.includes(key)) places.push("body");
  if (seen.requestHeaders.referer?.includes(key)) places.push("request referer");
  if (seen.requestBody?.includes(key)) places.push("request body");
  return places;
}

test("after a full journey the raw session key is only in the email and the 303 hand-off: not in the database, the server log or any other response", async ({ page, browser, request, recruiter: _ }) => {
  test.setTimeout(120_000);
  const recruiterSeen = await recordTraffic(page.context());
  await createJob(page, `Leak check ${randomUUID().slice(0, 6)}`, [{ prompt: "What did you ship last?", prep: 10, answer: 120 }]);
  const { link } = await scheduleAndGetLink(page, { name: "Kim Keysafe", email: `keysafe-${randomUUID().slice(0, 8)}@example.test` }, "now");
  const key = new URL(link).searchParams.get("session_key")!;
  expect(key).toMatch(/^[\w-]{43}$/);

  // The candidate's whole journey: open the link, start, answer, finish.
  const context = await browser.newContext();
  const candidateSeen = await recordTraffic(context);
  const candidate = await context.newPage();
  await candidate.goto(link);
  await expect(candidate.getByText("Welcome, Kim Keysafe. Your interview is open.")).toBeVisible();
  await candidate.getByRole("checkbox", { name: /I understand/ }).check();
  await candidate.getByRole("button", { name: "Start interview" }).click();
  await candidate.getByRole("button", { name: "Start answering now" }).click();
  await candidate.getByLabel("Your answer").fill("A release pipeline that takes minutes.");
  await expect(candidate.getByText(/^Saved at /)).toBeVisible();
  await candidate.getByRole("button", { name: "Finish interview" }).click();
  await expect(candidate.getByRole("heading", { name: "Thank you, Kim Keysafe" })).toBeVisible();
  await candidate.reload();
  await expect(candidate.getByRole("heading", { name: "Thank you, Kim Keysafe" })).toBeVisible();
  // Let requests still in flight (prefetches) be recorded before the browsers go away.
  await context.unrouteAll({ behavior: "wait" });
  await context.close();
  await page.context().unrouteAll({ behavior: "wait" });

  // Database: once the outbox has handed the invitation over it scrubs its copy; wait for that,
  // then only the delivered email may hold the key (text, HTML, and the calendar file inside it).
  await expect
    .poll(async () => (await databaseMatches(request, key)).filter((m) => m.table !== "DevMailboxMessage"), { timeout: 20_000 })
    .toEqual([]);
  const matches = await databaseMatches(request, key);
  expect(matches.map((m) => `${m.table}.${m.column}${m.decoded ? " (base64)" : ""}`).sort()).toEqual([
    "DevMailboxMessage.attachments (base64)",
    "DevMailboxMessage.html",
    "DevMailboxMessage.text",
  ]);
  expect(matches.every((m) => m.rows === 1)).toBe(true);

  // The candidate's browser: the link is the first request, and its 303 moves the key into the
  // cookie (Set-Cookie). Nothing after that carries it back: no URL, header or body.
  const handOff = candidateSeen[0]!;
  expect(handOff.url).toBe(link);
  expect(handOff.status).toBe(303);
  expect(placesOf(key, handOff)).toEqual(["url", "header set-cookie"]);
  const after = candidateSeen.slice(1);
  expect(after.length).toBeGreaterThan(10);
  expect(after.flatMap((seen) => placesOf(key, seen).map((place) => `${place} of ${seen.status} ${seen.url}`))).toEqual([]);

  // The recruiter's browser: only the dev mailbox (the email itself) shows the key.
  const isMailbox = (seen: Seen) => new URL(seen.url).pathname.startsWith("/dev/mailbox");
  expect(recruiterSeen.some((seen) => isMailbox(seen) && seen.body.includes(key))).toBe(true);
  expect(
    recruiterSeen.filter((seen) => !isMailbox(seen)).flatMap((seen) => placesOf(key, seen).map((place) => `${place} of ${seen.status} ${seen.url}`)),
  ).toEqual([]);

  // The server's log (stdout and stderr, see playwright.config.ts).
  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  expect(log).toContain("Ready");
  expect(log.includes(key), "the server log holds the key").toBe(false);
});

/** Where `key` is stored, as "Table.column" (with " (base64)" inside an attachment), sorted. */
async function storedAt(request: APIRequestContext, key: string): Promise<string[]> {
  return (await databaseMatches(request, key)).map((m) => `${m.table}.${m.column}${m.decoded ? " (base64)" : ""}`).sort();
}

const IN_THE_INBOX = ["DevMailboxMessage.attachments (base64)", "DevMailboxMessage.html", "DevMailboxMessage.text"];
const PENDING_IN_THE_OUTBOX = ["OutboxEmail.attachments (base64)", "OutboxEmail.html", "OutboxEmail.secret", "OutboxEmail.text"];

test("an invitation replaced while still pending keeps no copy of its key: resend, reschedule, then cancel", async ({ page, request, recruiter: _ }) => {
  test.setTimeout(150_000);
  await createJob(page, `Pending ${randomUUID().slice(0, 6)}`);
  // At this address the dev mailbox takes each email but the outbox never hears back (test hooks,
  // lib/email/transports.ts): every link email stays PENDING, key and all, retried until replaced.
  const candidate = { name: "Pat Pending", email: `pending-${randomUUID().slice(0, 8)}@lost-answer.kairos.test` };
  const { interviewId, link } = await scheduleAndGetLink(page, candidate);
  const keyOf = (url: string | null) => new URL(url!).searchParams.get("session_key")!;
  /** The link of the newest email to the candidate whose subject matches, once it is not `previous`'s. */
  const nextLink = async (subject: RegExp, previous: string) => {
    let found: string | null = null;
    await expect(async () => {
      found = await openEmail(page, candidate.email, subject);
      expect(found && keyOf(found)).not.toBe(previous);
    }).toPass({ timeout: 30_000 });
    return keyOf(found);
  };

  const first = keyOf(link);
  // It reached the inbox, and the outbox still holds it pending with its key: the state to test.
  expect(await storedAt(request, first)).toEqual([...IN_THE_INBOX, ...PENDING_IN_THE_OUTBOX]);

  // Resend: the pending invitation is withdrawn, and its stored copy gives up the key (at once, or
  // as soon as a send of it already under way returns: lib/email/outbox.ts cancelPendingEmails).
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Resend invitation" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Resend invitation" }).click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
  await expect.poll(() => storedAt(request, first), { timeout: 15_000 }).toEqual(IN_THE_INBOX);
  const second = await nextLink(/^Your interview with /, first);
  expect(await storedAt(request, second)).toEqual([...IN_THE_INBOX, ...PENDING_IN_THE_OUTBOX]);

  // Reschedule: the same for the second invitation.
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Reschedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule" });
  await dialog.getByLabel("New date and time").fill(await localDateTime(page, 3, 11));
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rescheduled." })).toBeVisible();
  await expect.poll(() => storedAt(request, second), { timeout: 15_000 }).toEqual(IN_THE_INBOX);
  const third = await nextLink(/^New time: /, second);
  expect(await storedAt(request, third)).toEqual([...IN_THE_INBOX, ...PENDING_IN_THE_OUTBOX]);

  // Cancel: the new-time email is withdrawn too.
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Cancel interview" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel interview" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  await expect.poll(() => storedAt(request, third), { timeout: 15_000 }).toEqual(IN_THE_INBOX);

  // The failed sends were logged (lib/email/dispatcher.ts) without a key or the address.
  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  for (const key of [first, second, third]) expect(log.includes(key), "a key in the server log").toBe(false);
  expect(log.includes(candidate.email), "the address in the server log").toBe(false);
});

test("the secrets of account emails (a sign-up's confirmation, a password reset) are only in the emails: not in the database in raw form, nor in the server log", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  // Signed up through the confirmation link, which is still in the (dev) inbox.
  const recruiter = await signUp(page);
  const confirmation = await openEmail(page, recruiter.email, /^Confirm your email address for Kairos/);
  const confirmToken = new URL(confirmation!).searchParams.get("token")!;

  const context = await browser.newContext();
  const other = await context.newPage();
  await other.setExtraHTTPHeaders({ "x-forwarded-for": ownClientAddress() });
  await other.goto("/forgot-password");
  await other.getByLabel("Email").fill(recruiter.email);
  await other.getByRole("button", { name: "Send reset link" }).click();
  await expect(other.getByRole("status")).toContainText("we have sent it a link");
  const reset = await openEmail(other, recruiter.email, /^Reset your Kairos password/);
  const resetToken = new URL(reset!).searchParams.get("token")!;
  await other.goto(reset!);
  await other.getByLabel("New password").fill("another secret passphrase");
  await other.getByRole("button", { name: "Set new password" }).click();
  await expect(other).toHaveURL(/\/sign-in\?reset=1$/);
  await context.close();

  for (const [what, token] of [["confirmation", confirmToken], ["reset", resetToken]] as const) {
    expect(token, what).toMatch(/^[\w-]{43}$/);
    // Once the provider has an email, the outbox scrubs its copy; then only the delivered email holds the token.
    await expect
      .poll(async () => (await databaseMatches(request, token)).filter((m) => m.table !== "DevMailboxMessage"), { timeout: 20_000, message: what })
      .toEqual([]);
    expect((await databaseMatches(request, token)).map((m) => `${m.table}.${m.column}`).sort(), what).toEqual(["DevMailboxMessage.html", "DevMailboxMessage.text"]);
    expect(readFileSync(E2E_SERVER_LOG, "utf8").includes(token), `the server log holds the ${what} token`).toBe(false);
  }
});

test("a share link's token is in the one response that shows it to the recruiter and the 303 hand-off only: not in the database, the outbox, the server log, a Referer or any other response", async ({ page, browser, request, recruiter }) => {
  test.setTimeout(180_000);
  const interviewId = await completedInterview(page, browser, recruiter, `Tao Sharesafe ${randomUUID().slice(0, 4)}`);
  const recruiterSeen = await recordTraffic(page.context());
  await page.goto(`/interviews/${interviewId}`);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share with someone outside Kairos" });
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByLabel("Share link")).toHaveValue(/\/share\?token=[\w-]{43}$/);
  const link = await dialog.getByLabel("Share link").inputValue();
  const token = new URL(link).searchParams.get("token")!;
  await dialog.getByRole("button", { name: "Done" }).click();

  // The hiring manager: open, leave a scorecard, reload.
  const context = await browser.newContext();
  const managerSeen = await recordTraffic(context);
  const manager = await context.newPage();
  await manager.goto(link);
  await expect(manager.getByRole("heading", { level: 1 })).toBeVisible();
  await manager.getByLabel("Your name").fill("Kit Manager");
  await manager.getByLabel("Your email").fill("kit@client.example");
  await manager.getByRole("group", { name: "Your recommendation" }).getByRole("radio", { name: "Strong yes", exact: true }).check();
  await manager.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(manager.getByRole("status")).toHaveText(/Thank you/);
  await manager.reload();
  await context.unrouteAll({ behavior: "wait" });
  await context.close();

  // The first-view email goes to the recruiter; once it is sent, nothing stored holds the token.
  await openEmail(page, recruiter.email, /^Your link to .+'s interview was opened/);
  await page.context().unrouteAll({ behavior: "wait" });
  expect(await storedAt(request, token)).toEqual([]);

  // The manager's browser: the link is the first request, its 303 moves the token into the cookie.
  const handOff = managerSeen[0]!;
  expect(handOff.url).toBe(link);
  expect(handOff.status).toBe(303);
  expect(placesOf(token, handOff)).toEqual(["url", "header set-cookie"]);
  expect(managerSeen.slice(1).flatMap((seen) => placesOf(token, seen).map((place) => `${place} of ${seen.status} ${seen.url}`))).toEqual([]);

  // The recruiter's browser: only the server action that created it answered with it, once.
  const showing = recruiterSeen.filter((seen) => placesOf(token, seen).length > 0);
  expect(showing.map((seen) => [seen.requestHeaders["next-action"] !== undefined, placesOf(token, seen)])).toEqual([[true, ["body"]]]);

  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  expect(log.includes(token), "the server log holds the share token").toBe(false);
});

test("an API key is in the one response that shows it to its creator: not in the database, the server log or any other response", async ({ page, request, recruiter: _ }) => {
  const seen = await recordTraffic(page.context());
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog", { name: "Create API key" });
  const name = `Leak check ${randomUUID().slice(0, 6)}`;
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("checkbox", { name: /interviews:read/ }).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByLabel("API key")).toHaveValue(/^kairos_[\w-]{43}$/);
  const key = await dialog.getByLabel("API key").inputValue();
  await dialog.getByRole("button", { name: "Done" }).click();

  // The list after a reload, and a refused create (its log line, if any, must not carry a key either).
  await page.reload();
  await expect(page.getByRole("row", { name })).toContainText(`${key.slice(0, 11)}…`);
  await page.getByRole("button", { name: "Create API key" }).click();
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByRole("group", { name: "Scopes" })).toContainText("Choose at least one scope.");
  await page.context().unrouteAll({ behavior: "wait" });

  // Stored: only its SHA-256 (and its first characters, which are not the secret).
  expect(await storedAt(request, key)).toEqual([]);
  expect(await storedAt(request, key.slice(11))).toEqual([]);

  // The browser: only the server action that created it answered with it, once.
  const showing = seen.filter((response) => placesOf(key, response).length > 0);
  expect(showing.map((response) => [response.requestHeaders["next-action"] !== undefined, placesOf(key, response)])).toEqual([[true, ["body"]]]);

  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  expect(log.includes(key.slice(11)), "the server log holds the API key").toBe(false);
});

test("a webhook secret is returned when the endpoint is made and when it is rotated, never after, and never logged (a failing delivery included)", async ({ page, recruiter }) => {
  const made = await page.request.post("/api/test/api-keys", { data: { ownerEmail: recruiter.email, scopes: ["webhooks:write"] } });
  const { key } = (await made.json()) as { key: string };
  const headers = { Authorization: `Bearer ${key}` };
  // Nothing listens there: the delivery fails, and a failure is where a secret could slip into a log line.
  const created = await page.request.post("/api/v1/webhook-endpoints", { headers, data: { url: "http://127.0.0.1:9/hooks", events: ["interview.completed"] } });
  expect(created.status()).toBe(201);
  const { id, secret } = (await created.json()) as { id: string; secret: string };
  const rotated = ((await (await page.request.post(`/api/v1/webhook-endpoints/${id}/rotate-secret`, { headers })).json()) as { secret: string }).secret;
  expect((await page.request.post(`/api/v1/webhook-endpoints/${id}/test`, { headers })).status()).toBe(202);
  await expect(async () => {
    const deliveries = (await (await page.request.get(`/api/v1/webhook-endpoints/${id}/deliveries`, { headers })).json()) as { data: Array<{ attempts: number; last_error: string | null }> };
    expect(deliveries.data[0]?.attempts ?? 0).toBeGreaterThan(0);
  }).toPass({ timeout: 30_000 });

  for (const path of [`/api/v1/webhook-endpoints/${id}`, "/api/v1/webhook-endpoints", `/api/v1/webhook-endpoints/${id}/deliveries`]) {
    const text = await (await page.request.get(path, { headers })).text();
    expect(text.includes(secret) || text.includes(rotated), path).toBe(false);
  }
  const log = readFileSync(E2E_SERVER_LOG, "utf8");
  for (const value of [secret, rotated, key]) expect(log.includes(value.slice(6)), "the server log holds a secret").toBe(false);
});
