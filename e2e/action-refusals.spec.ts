import { randomUUID } from "node:crypto";
import type { APIRequest, APIRequestContext, Browser, Page } from "@playwright/test";
import fc from "fast-check";
import { expect, sessionToken, signIn, signUp, test as base } from "./fixtures";
import { buildWorld, type Answered, type Interview, type LowerRole, type World } from "./refusal-world";
import { actionIds, exportedActions, form, INITIAL, invoke, NO_RESULT, type ActionRef, type Outcome } from "./server-actions";

// Every server action refuses a caller who is not signed in, a recruiter of another organisation
// who sends this one's ids, and its own rightful caller sending arguments of the wrong type. Each
// action is called over HTTP the way the browser calls it (e2e/server-actions.ts), then org A's
// pages show that nothing changed.
//
// Org A and org B are built once per worker (a worker fixture, e2e/refusal-world.ts): A has a job, a
// candidate, a scheduled interview, a completed one, one in progress and an open team invitation;
// B has a job, a completed interview, one in progress and one open but not started.
//
// Adding an action: add one entry to CASES below, keyed by its file and export, with three fields.
// The first test fails until every action in the sources (each actions.ts, and any other "use server"
// module) and in the build has an entry.

/** What each callback gets: the world, callers, org A's and B's signed-in pages, and its own action. */
type Tools = {
  w: World;
  /** No cookies at all. */
  anonymous: APIRequestContext;
  /** Signed in as org B's owner. */
  orgB: APIRequestContext;
  /** Signed in as org A's owner, the world's own recruiter. */
  orgA: APIRequestContext;
  /** Signed in as org A's member of that role. */
  as: (role: LowerRole) => Promise<APIRequestContext>;
  /** The candidate portal's cookie holding `key`. */
  candidate: (key: string) => Promise<APIRequestContext>;
  /** A fresh HTTP client without cookies (e.g. to open a link without touching `anonymous`). */
  api: () => Promise<APIRequestContext>;
  /** A fresh HTTP client with this browser state's cookies (a throwaway organisation's). */
  apiWithState: (state: string) => Promise<APIRequestContext>;
  /** A fresh browser page without cookies. */
  newPage: () => Promise<Page>;
  /** Org A's and org B's signed-in browser pages, made on first use (most checks need one, or none). */
  a: () => Promise<Page>;
  b: () => Promise<Page>;
  call: (client: APIRequestContext, pagePath: string, args: unknown[]) => Promise<Outcome>;
  /** A dashboard action refused to the signed out, both at proxy.ts's gate and by the action itself. */
  signedOut: (pagePath: string, args: unknown[]) => Promise<void>;
};

/**
 * The action's rightful call (its page, who makes it, its arguments): the wrong-types test replaces
 * each argument in turn with values of the wrong type, then `untouched` checks nothing changed.
 */
type RightfulCall = {
  as: "orgA" | "anonymous" | "candidateA";
  page: string | ((w: World) => string);
  args: (w: World) => unknown[];
  untouched: (t: Tools) => Promise<void>;
};

/**
 * Who may call it: anyone, whoever holds a candidate's key, any signed-in member (their own
 * account), or the least role (lib/accounts/roles.ts) — every role below it is refused.
 */
type Least = "anyone" | "candidate" | "member" | "RECRUITER" | "ADMIN";

type Case = { least: Least; unauthenticated: (t: Tools) => Promise<void>; otherOrg: (t: Tools) => Promise<void>; rightful: RightfulCall };

const JOB_NOT_FOUND = "This job was not found. It may have been deleted.";
const CANDIDATE_NOT_FOUND = "This candidate was not found. They may have been deleted.";
const INTERVIEW_NOT_FOUND = "This interview was not found.";
const INVITE_INVALID = "This invitation is no longer valid. Ask for a new one.";
const LINK_NO_LONGER_CREATES = "This link no longer creates an account: it has expired or been used, or the address has an account now. Sign in, or sign up again.";
const RESET_LINK_INVALID = "This link is no longer valid. Ask for a new one.";
const VERIFY_LINK_INVALID = "This link is no longer valid. Send yourself a new one from the top of any page once you are signed in.";
const NOT_CURRENT_PASSWORD = "This is not your current password.";
const LINK_INVALID = "Your link no longer works. Check your latest email from the recruiter.";
const FIX_FIELDS = "Please correct the highlighted fields.";
const MEMBER_NOT_FOUND = "This member was not found. They may have been removed.";
const ANSWER_NOT_FOUND = "This answer was not found.";

const uid = () => randomUUID().slice(0, 8);
const jobForm = (title: string, prompt: string, questionId = "") =>
  form({ title, description: "", location: "", workplaceType: "ONSITE", "question.id": questionId, "question.prompt": prompt, "question.answerType": "TEXT", "question.prepSeconds": "30", "question.answerSeconds": "120", "question.retakes": "0" });
const candidateForm = (name: string, email: string, extra: Record<string, string> = {}) => form({ name, email, phone: "", timeZone: "Europe/Berlin", notes: "", ...extra });
const scheduleForm = (fields: { jobId: string; candidateId?: string; requestToken?: string; notes?: string }) =>
  form({
    candidateMode: fields.candidateId ? "existing" : "new",
    candidateId: fields.candidateId ?? "",
    newCandidateName: fields.candidateId ? "" : `Pat ${uid()}`,
    newCandidateEmail: fields.candidateId ? "" : `pat-${uid()}@example.test`,
    newCandidateTimeZone: "Europe/Berlin",
    jobId: fields.jobId,
    startMode: "now",
    scheduledAtLocal: "",
    recruiterTimeZone: "UTC",
    durationMinutes: "30",
    notes: fields.notes ?? "",
    requestToken: fields.requestToken ?? randomUUID(),
  });
const previewForm = (pasted: string, candidateIds: string[] = []) => form({ pasted, candidateId: candidateIds, defaultTimeZone: "Europe/Berlin" });
const confirmForm = (person: { name: string; email: string } | null, candidateIds: string[] = []) =>
  form({
    batchId: randomUUID(),
    invitees: JSON.stringify({ rows: person ? [{ source: "paste", line: 1, ...person, timeZone: "Europe/Berlin", phone: "", externalId: "" }] : [], candidateIds, defaultTimeZone: null }),
    startMode: "now",
    recruiterTimeZone: "UTC",
    durationMinutes: "30",
  });
/** A batch id nobody has: the rightful and signed-out calls need none to exist. */
const NO_BATCH = randomUUID();
const batchPage = (jobId: string, batchId: string) => `/jobs/${jobId}/invitations/${batchId}`;
/** The date `days` from now, as a date field sends it. */
const dateAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const rescheduleForm = () => form({ scheduledAtLocal: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 13) + ":00", recruiterTimeZone: "UTC", durationMinutes: "45" });
const extendForm = () => form({ dueDate: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10) });
const reopenForm = (answerId: string) => form({ answerId, dueDate: dateAhead(10) });
const ratingForm = () => form({ rating: "1", notes: "Rated by someone else" });
const recommendForm = () => form({ recommendation: "STRONG_NO", comment: "Recommended by someone else" });
const decisionForm = () => form({ decision: "REJECT", comment: "Decided by someone else" });
const reviewRequestForm = (interviewId: string, reviewerId: string) => form({ interviewId, reviewerId, dueDate: "", recruiterTimeZone: "UTC" });
const shareLinkForm = (answerId: string) => form({ answerId, days: "14" });
/** A share link id nobody has. */
const NO_SHARE_LINK = "cm0000000000000000000000a";
const externalScorecardForm = (name: string) => form({ shareLinkId: NO_SHARE_LINK, reviewerName: name, reviewerEmail: `${name.toLowerCase()}@example.test`, recommendation: "STRONG_YES", comment: name });
const SHARE_LINK_GONE = "This link is no longer available, so your scorecard was not saved. Ask whoever shared it for a new one.";
const apiKeyForm = (name: string, extra: Record<string, string> = {}) => form({ name, scope: ["jobs:read", "interviews:read"], expiresInDays: "30", ...extra });
const acceptForm = (token: string) => form({ token, name: `Mallory ${uid()}`, password: "mallory-password" });

/** A string only the wrong-types test's rightful calls carry: finding it in the database means something was written. */
const MARK = `wrongtypes${randomUUID().replaceAll("-", "")}`;

/** Values of the wrong type for any argument an action takes (ids, text, booleans, form data). */
const WRONG_TYPES: unknown[] = [{ id: "x" }, ["x"], 42, null, "x".repeat(100_000)];

// ---- Org A's pages: "unchanged", as A's recruiter sees it ----

/** A's completed answer's transcript is still the FAILED one the world wrote: nothing queued it again. */
async function expectTranscriptFailed(t: Tools) {
  const response = await (await t.api()).get(`/api/test/transcripts?answerId=${t.w.a.completed.answerId}`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "FAILED", attempts: 3 });
}

/** Nothing the wrong-types test sent reached the database. */
async function markAbsent(t: Tools) {
  const response = await (await t.api()).post("/api/test/database/search", { data: { needle: MARK } });
  expect(response.status()).toBe(200);
  expect((await response.json()).matches).toEqual([]);
}

async function expectJobUntouched(t: Tools) {
  const a = await t.a();
  const { job } = t.w.a;
  expect((await a.goto(`/jobs/${job.id}`))?.status()).toBe(200);
  await expect(a.getByRole("heading", { level: 1 })).toHaveText(job.title);
  expect((await a.goto(`/jobs/${job.id}/edit`))?.status()).toBe(200);
  await expect(a.getByLabel("Title")).toHaveValue(job.title);
  await expect(a.locator('input[name="question.id"]')).toHaveValue(job.questionId);
  await expect(a.locator('textarea[name="question.prompt"]')).toHaveValue(job.prompt);
}

/** A's job has no hiring team (so A's reviewer still sees only what they were asked to review). */
async function expectNoHiringTeam(t: Tools) {
  const a = await t.a();
  expect((await a.goto(`/jobs/${t.w.a.job.id}`))?.status()).toBe(200);
  await expect(a.getByRole("region", { name: "Hiring team" })).toContainText("No one yet.");
}

async function expectCandidateUntouched(t: Tools) {
  const a = await t.a();
  const { candidate } = t.w.a;
  expect((await a.goto(`/candidates/${candidate.id}`))?.status()).toBe(200);
  await expect(a.getByLabel("Name")).toHaveValue(candidate.name);
  await expect(a.getByLabel("Email")).toHaveValue(candidate.email);
}

/** Still scheduled, and its link still opens (a reschedule or resend would have replaced it: 410). */
async function expectScheduledUntouched(t: Tools) {
  const a = await t.a();
  const { scheduled } = t.w.a;
  await a.goto(`/interviews/${scheduled.id}`);
  await expect(a.getByRole("heading", { level: 1 })).toContainText("Scheduled");
  const opened = await (await t.api()).get(scheduled.link);
  expect(opened.status()).toBe(200);
}

async function expectCompletedUnreviewed(t: Tools) {
  const a = await t.a();
  const { completed } = t.w.a;
  await a.goto(`/interviews/${completed.id}`);
  await expect(a.getByRole("heading", { level: 1 })).toContainText("Completed");
  const answer = a.locator(`article[aria-labelledby="answer-${completed.answerId}-heading"]`);
  await expect(answer.getByRole("radio", { name: "Not rated" })).toBeChecked();
  await expect(answer.getByRole("textbox")).toHaveValue("");
  // No recommendation on A's own scorecard, none submitted, no decision.
  await expect(a.getByRole("region", { name: "Your scorecard" }).getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(a.getByRole("region", { name: "Scorecard summary" })).toContainText("No scorecard has been submitted yet.");
  await expect(a.getByRole("region", { name: "Decision" })).toContainText("Not decided yet.");
}

async function expectInviteOpen(t: Tools) {
  const a = await t.a();
  await a.goto("/team");
  await expect(a.getByRole("region", { name: "Open invitations" })).toContainText(t.w.a.invite.email);
  await expect(a.getByRole("region", { name: "Members" }).getByRole("listitem")).toHaveCount(t.w.a.teamSize);
}

/** A's team as it was built: each member in their role (the owner sees each role's choice). */
async function expectRolesUntouched(t: Tools) {
  const a = await t.a();
  await a.goto("/team");
  const members = a.getByRole("region", { name: "Members" });
  await expect(members.getByRole("listitem")).toHaveCount(t.w.a.teamSize);
  for (const role of ["ADMIN", "RECRUITER", "REVIEWER"] as const) {
    const { name } = t.w.a.members[role];
    // The trigger's text is the chosen role (and the ▾ beside it).
    await expect(members.getByRole("combobox", { name: `Role of ${name}` }), name).toHaveText(new RegExp(`^${role.charAt(0)}${role.slice(1).toLowerCase()}\\W*$`));
  }
}

/** Nobody was asked to review A's completed interview, and A's reviewer still sees no interview. */
async function expectNoReviewRequested(t: Tools) {
  const a = await t.a();
  await a.goto(`/interviews/${t.w.a.completed.id}`);
  await expect(a.getByRole("heading", { level: 1 })).toContainText("Completed");
  await expect(a.getByRole("heading", { name: "Review requested from" })).toHaveCount(0);
  const reviewer = await t.as("REVIEWER");
  const page = await reviewer.get(`/interviews/${t.w.a.completed.id}`);
  expect(page.status()).toBe(404);
}

/** An interview in progress whose (only) answer is still empty, seen by its own organisation. */
async function expectUnanswered(page: Page, interview: Answered) {
  await page.goto(`/interviews/${interview.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In progress");
  await expect(page.locator(`article[aria-labelledby="answer-${interview.answerId}-heading"]`)).toContainText("No answer");
}

async function expectNotStarted(page: Page, interview: Interview) {
  await page.goto(`/interviews/${interview.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText(/In progress|Completed/);
  await expect(page.getByRole("region", { name: "Timeline" })).not.toContainText("The candidate started the interview");
}

/** A candidate action refused without a cookie, and with a well-formed key nobody was given. */
async function expectNoKeyRefused(t: Tools, args: unknown[]) {
  for (const client of [t.anonymous, await t.candidate("k".repeat(43))]) {
    const outcome = await t.call(client, "/interview", args);
    expect(outcome.status).toBe(200);
    expect(outcome.result).toEqual({ ok: false, reason: "invalid", message: LINK_INVALID });
  }
}

/** The scheduled interview's accommodations are still none (the form shows zeros). */
async function expectNoAccommodations(t: Tools) {
  const a = await t.a();
  await a.goto(`/interviews/${t.w.a.scheduled.id}`);
  await expect(a.getByLabel("Extra time (%)")).toHaveValue("0");
  await expect(a.getByLabel("Extra retakes")).toHaveValue("0");
}

/** Org A's team is as it was built (its owner first, nobody added), and no organisation was made with A's address. */
async function expectOwnerAlone(t: Tools) {
  const a = await t.a();
  await a.goto("/team");
  const members = a.getByRole("region", { name: "Members" }).getByRole("listitem");
  await expect(members).toHaveCount(t.w.a.teamSize);
  await expect(members.first()).toContainText(t.w.a.owner.email);
}

/** A's owner still signs in with their own password (and nobody's MARK became it). */
async function expectPasswordUnchanged(t: Tools) {
  await signIn(await t.newPage(), t.w.a.owner.email, t.w.a.owner.password);
  await expectStillSignedIn(t);
}

/** A's signed-in browser (the world's session) still opens the dashboard. */
async function expectStillSignedIn(t: Tools) {
  const a = await t.a();
  await a.goto("/settings");
  await expect(a.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

/** A zone nobody in the world uses: finding it on A's settings means a refused call changed A's time zone. */
const FOREIGN_ZONE = "Pacific/Chatham";

/** A's owner's time zone is still not FOREIGN_ZONE. */
async function expectTimeZoneUntouched(t: Tools) {
  const a = await t.a();
  await a.goto("/settings");
  await expect(a.getByLabel("Time zone", { exact: true })).toBeVisible();
  await expect(a.getByLabel("Time zone", { exact: true })).not.toHaveValue(FOREIGN_ZONE);
}

/** Org A still keeps answers for the default 180 days. */
async function expectRetentionUntouched(t: Tools) {
  const a = await t.a();
  await a.goto("/settings");
  await expect(a.getByLabel("Keep answers and recordings for (days)")).toHaveValue("180");
}

/** Org A still transcribes recorded answers (the default). */
async function expectTranscriptionUntouched(t: Tools) {
  const a = await t.a();
  await a.goto("/settings");
  await expect(a.getByRole("switch", { name: "Transcribe recorded answers" })).toHaveAttribute("aria-checked", "true");
}

/** An interview's page shows no candidate request of either kind. */
async function expectNoCandidateRequests(page: Page, interview: Interview) {
  await page.goto(`/interviews/${interview.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(/The candidate asked on|for their answers and recordings to be deleted/)).toHaveCount(0);
}

/** A's completed interview has no share link (the page lists none). */
async function expectNoShareLinks(t: Tools) {
  const a = await t.a();
  expect((await a.goto(`/interviews/${t.w.a.completed.id}`))?.status()).toBe(200);
  await expect(a.getByRole("heading", { level: 2, name: "Answers", exact: true })).toBeVisible();
  await expect(a.getByRole("region", { name: "Share links" })).toHaveCount(0);
}

/** A's one API key is still listed and active, and no other was made. */
async function expectApiKeysUntouched(t: Tools) {
  const a = await t.a();
  expect((await a.goto("/settings/api-keys"))?.status()).toBe(200);
  await expect(a.getByRole("region", { name: "Keys" }).getByRole("row")).toHaveCount(2); // the header and A's key
  await expect(a.getByRole("row", { name: t.w.a.apiKey.name }).getByText("Active", { exact: true })).toBeVisible();
}

/** A's one webhook endpoint is still there, enabled, with the same secret, and no other was made. */
async function expectWebhooksUntouched(t: Tools) {
  const a = await t.a();
  expect((await a.goto("/settings/webhooks"))?.status()).toBe(200);
  await expect(a.getByRole("link", { name: /^http/ })).toHaveCount(1);
  expect((await a.goto(`/settings/webhooks/${t.w.a.webhook.endpointId}`))?.status()).toBe(200);
  await expect(a.getByRole("button", { name: "Disable" })).toBeVisible();
  await a.getByRole("button", { name: "Reveal" }).click();
  await expect(a.locator("code[aria-labelledby=secret-label]")).toHaveText(t.w.a.webhook.secret);
}

const WEBHOOK_NOT_FOUND = "This webhook endpoint was not found. It may have been deleted.";

/** A webhook action on A's endpoint (`args` from the world), refused signed out and for organisation B like a missing one. */
function webhookCase(args: (w: World) => unknown[], notFound = WEBHOOK_NOT_FOUND): Case {
  const page = (w: World) => `/settings/webhooks/${w.a.webhook.endpointId}`;
  return {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/settings/webhooks", args, untouched: expectWebhooksUntouched },
    async unauthenticated(t) {
      await t.signedOut(page(t.w), args(t.w));
      await expectWebhooksUntouched(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/settings/webhooks", args(t.w))).result).toBe(notFound);
      await expectWebhooksUntouched(t);
    },
  };
}

// ---- One entry per action ----

const CASES: Record<ActionRef, Case> = {
  "app/(auth)/sign-up/actions.ts#signUpAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/sign-up", args: () => [INITIAL, form({ name: MARK, organizationName: MARK, email: `${MARK}@example.test`, password: "wrong-types-password" })], untouched: markAbsent },
    // Public by design (it starts a new organisation): an existing account's address gets the same
    // answer as a new one, and nothing of the account changes.
    async unauthenticated(t) {
      const { owner } = t.w.a;
      const fresh = `fresh-${uid()}@example.test`;
      const answers = [];
      for (const email of [fresh, owner.email]) {
        const outcome = await t.call(t.anonymous, "/sign-up", [INITIAL, form({ name: "Mallory", organizationName: "Takeover Ltd", email, password: "mallory-password" })]);
        answers.push(JSON.stringify(outcome.result).replace(email, "ADDRESS"));
      }
      expect(answers[1]).toBe(answers[0]);
      expect(JSON.parse(answers[0]!)).toMatchObject({ ok: true });
      await signIn(await t.newPage(), owner.email, owner.password);
      await expectOwnerAlone(t);
    },
    async otherOrg(t) {
      const { owner } = t.w.a;
      const outcome = await t.call(t.orgB, "/sign-up", [INITIAL, form({ name: "Mallory", organizationName: owner.organizationName, email: owner.email.toUpperCase(), password: "mallory-password" })]);
      expect(outcome.result).toMatchObject({ ok: true, message: expect.stringContaining(owner.email) });
      await signIn(await t.newPage(), owner.email, owner.password);
      await expectOwnerAlone(t);
    },
  },
  "app/(auth)/sign-up/confirm/actions.ts#confirmSignUpAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/sign-up/confirm", args: (w) => [INITIAL, form({ token: w.a.invite.id, password: MARK })], untouched: markAbsent },
    // Public (the emailed link's token is the credential): another link's id, or a made-up token, creates nothing.
    async unauthenticated(t) {
      for (const token of [t.w.a.invite.id, "t".repeat(43)]) {
        expect((await t.call(t.anonymous, "/sign-up/confirm", [INITIAL, form({ token, password: "mallory-password" })])).result).toEqual({ ok: false, message: LINK_NO_LONGER_CREATES });
      }
      await expectOwnerAlone(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/sign-up/confirm", [INITIAL, form({ token: t.w.a.invite.id, password: t.w.a.owner.password })])).result).toEqual({ ok: false, message: LINK_NO_LONGER_CREATES });
      await expectOwnerAlone(t);
    },
  },
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/forgot-password", args: () => [INITIAL, form({ email: `${MARK}@example.test` })], untouched: markAbsent },
    // Public by design: asking for an account's reset link says no more than asking for a stranger's, and changes nothing.
    async unauthenticated(t) {
      const { owner } = t.w.a;
      const answers = [];
      for (const email of [`nobody-${uid()}@example.test`, owner.email]) {
        const outcome = await t.call(t.anonymous, "/forgot-password", [INITIAL, form({ email })]);
        answers.push(JSON.stringify(outcome.result).replace(email, "ADDRESS"));
      }
      expect(answers[1]).toBe(answers[0]);
      await signIn(await t.newPage(), owner.email, owner.password);
    },
    async otherOrg(t) {
      const { owner } = t.w.a;
      const outcome = await t.call(t.orgB, "/forgot-password", [INITIAL, form({ email: owner.email })]);
      expect(outcome.result).toMatchObject({ ok: true });
      await signIn(await t.newPage(), owner.email, owner.password);
    },
  },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/reset-password", args: (w) => [INITIAL, form({ token: w.a.invite.id, password: "wrong-types-password" })], untouched: expectPasswordUnchanged },
    // Public (the emailed link's token is the credential): another link's id, or a made-up token, changes no password.
    async unauthenticated(t) {
      for (const token of [t.w.a.invite.id, "t".repeat(43)]) {
        expect((await t.call(t.anonymous, "/reset-password", [INITIAL, form({ token, password: "mallory-password" })])).result).toEqual({ ok: false, message: RESET_LINK_INVALID });
      }
      await expectPasswordUnchanged(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/reset-password", [INITIAL, form({ token: t.w.a.invite.id, password: "mallory-password" })])).result).toEqual({ ok: false, message: RESET_LINK_INVALID });
      await expectPasswordUnchanged(t);
    },
  },
  "app/(auth)/verify-email/actions.ts#verifyEmailAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/verify-email", args: (w) => [INITIAL, form({ token: w.a.invite.id })], untouched: expectInviteOpen },
    async unauthenticated(t) {
      for (const token of [t.w.a.invite.id, "t".repeat(43)]) {
        expect((await t.call(t.anonymous, "/verify-email", [INITIAL, form({ token })])).result).toEqual({ ok: false, message: VERIFY_LINK_INVALID });
      }
      await expectInviteOpen(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/verify-email", [INITIAL, form({ token: t.w.a.invite.id })])).result).toEqual({ ok: false, message: VERIFY_LINK_INVALID });
      await expectInviteOpen(t);
    },
  },
  "app/(auth)/invite/actions.ts#acceptInviteAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/invite", args: (w) => [INITIAL, form({ token: w.a.invite.id, name: MARK, password: "wrong-types-password" })], untouched: async (t) => (await markAbsent(t), expectInviteOpen(t)) },
    // Public too (the link's token is the credential): an invitation's id, or a made-up token, is not one.
    async unauthenticated(t) {
      for (const token of [t.w.a.invite.id, "t".repeat(43)]) {
        expect((await t.call(t.anonymous, "/invite", [INITIAL, acceptForm(token)])).result).toEqual({ ok: false, message: INVITE_INVALID });
      }
      await expectInviteOpen(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/invite", [INITIAL, acceptForm(t.w.a.invite.id)])).result).toEqual({ ok: false, message: INVITE_INVALID });
      await expectInviteOpen(t);
    },
  },
  "app/(dashboard)/jobs/actions.ts#createJobAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: "/jobs/new", args: () => [INITIAL, jobForm(MARK, MARK)], untouched: markAbsent },
    async unauthenticated(t) {
      const title = `Unauthorised job ${uid()}`;
      await t.signedOut("/jobs/new", [INITIAL, jobForm(title, "Who let me in?")]);
      const pageA = await t.a();
      await pageA.goto("/jobs");
      await expect(pageA.getByRole("link", { name: t.w.a.job.title })).toBeVisible();
      await expect(pageA.getByText(title)).toHaveCount(0);
    },
    // No id to pass but the question's: org A's question id in the form must not make it B's.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/jobs/new", [INITIAL, jobForm(`B job ${uid()}`, "B's question", t.w.a.job.questionId)]);
      expect(outcome.redirect).toMatch(/^\/jobs\/[^/?]+\?saved=1$/);
      expect(outcome.redirect).not.toContain(t.w.a.job.id);
      // The job's own question ids are on its edit form.
      const pageB = await t.b();
      await pageB.goto(`${outcome.redirect!.split("?")[0]}/edit`);
      await expect(pageB.locator('input[name="question.id"]')).toHaveCount(1);
      await expect(pageB.locator('input[name="question.id"]')).not.toHaveValue(t.w.a.job.questionId);
      await expectJobUntouched(t);
    },
  },
  "app/(dashboard)/jobs/actions.ts#updateJobAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/jobs/${w.a.job.id}/edit`, args: (w) => [w.a.job.id, INITIAL, jobForm(MARK, MARK, w.a.job.questionId)], untouched: async (t) => (await markAbsent(t), expectJobUntouched(t)) },
    async unauthenticated(t) {
      const { job } = t.w.a;
      await t.signedOut(`/jobs/${job.id}/edit`, [job.id, INITIAL, jobForm("Hijacked", "Hijacked?", job.questionId)]);
      await expectJobUntouched(t);
    },
    async otherOrg(t) {
      const { job } = t.w.a;
      const outcome = await t.call(t.orgB, `/jobs/${job.id}/edit`, [job.id, INITIAL, jobForm("Hijacked", "Hijacked?", job.questionId)]);
      expect(outcome.result).toEqual({ ok: false, message: JOB_NOT_FOUND });
      // B's own job, naming A's question: that id is treated as a new question, A's stays A's.
      const own = await t.call(t.orgB, `/jobs/${t.w.b.job.id}/edit`, [t.w.b.job.id, INITIAL, jobForm(t.w.b.job.title, "Hijacked?", job.questionId)]);
      expect(own.redirect).toBe(`/jobs/${t.w.b.job.id}?saved=1`);
      await expectJobUntouched(t);
    },
  },
  "app/(dashboard)/jobs/actions.ts#setJobArchivedAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/jobs/${w.a.job.id}`, args: (w) => [w.a.job.id, true], untouched: expectJobUntouched },
    async unauthenticated(t) {
      await t.signedOut(`/jobs/${t.w.a.job.id}`, [t.w.a.job.id, true]);
      await expectJobUntouched(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/jobs/${t.w.a.job.id}`, [t.w.a.job.id, true])).result).toBe(JOB_NOT_FOUND);
      await expectJobUntouched(t);
    },
  },
  "app/(dashboard)/jobs/actions.ts#setHiringTeamAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/jobs/${w.a.job.id}`, args: (w) => [w.a.job.id, w.a.members.REVIEWER.userId, true], untouched: expectNoHiringTeam },
    async unauthenticated(t) {
      await t.signedOut(`/jobs/${t.w.a.job.id}`, [t.w.a.job.id, t.w.a.members.REVIEWER.userId, true]);
      await expectNoHiringTeam(t);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      expect((await t.call(t.orgB, `/jobs/${a.job.id}`, [a.job.id, a.members.REVIEWER.userId, true])).result).toBe(JOB_NOT_FOUND);
      // B's own job, with A's reviewer: not B's teammate.
      expect((await t.call(t.orgB, `/jobs/${b.job.id}`, [b.job.id, a.members.REVIEWER.userId, true])).result).toBe("This teammate is not on your team any more.");
      await expectNoHiringTeam(t);
      const page = await t.b();
      await page.goto(`/jobs/${b.job.id}`);
      await expect(page.getByRole("region", { name: "Hiring team" })).toContainText("No one yet.");
    },
  },
  "app/(dashboard)/jobs/[id]/invite/actions.ts#previewInvitationsAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/jobs/${w.a.job.id}/invite`, args: (w) => [w.a.job.id, INITIAL, previewForm(`${MARK} <${MARK}@example.test>`)], untouched: markAbsent },
    async unauthenticated(t) {
      await t.signedOut(`/jobs/${t.w.a.job.id}/invite`, [t.w.a.job.id, INITIAL, previewForm(`Pat <pat-${uid()}@example.test>`)]);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      const outcome = await t.call(t.orgB, `/jobs/${a.job.id}/invite`, [a.job.id, INITIAL, previewForm(`Pat <pat-${uid()}@example.test>`)]);
      expect(outcome.result).toEqual({ ok: false, message: JOB_NOT_FOUND });
      // B's own job, choosing A's candidate by id: a row that names nobody, and nothing of A's in it.
      const own = await t.call(t.orgB, `/jobs/${b.job.id}/invite`, [b.job.id, INITIAL, previewForm("", [a.candidate.id])]);
      expect(own.result).toMatchObject({ ok: true, preview: { counts: { new: 0, existing: 0, skipped: 0, invalid: 1 } } });
      expect(JSON.stringify(own.result)).not.toContain(a.candidate.email);
    },
  },
  "app/(dashboard)/jobs/[id]/invite/actions.ts#confirmInvitationsAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/jobs/${w.a.job.id}/invite`, args: (w) => [w.a.job.id, INITIAL, confirmForm({ name: MARK, email: `${MARK}@example.test` })], untouched: markAbsent },
    async unauthenticated(t) {
      const name = `Unauthorised ${uid()}`;
      await t.signedOut(`/jobs/${t.w.a.job.id}/invite`, [t.w.a.job.id, INITIAL, confirmForm({ name, email: `${uid()}@example.test` })]);
      const page = await t.a();
      await page.goto(`/jobs/${t.w.a.job.id}`);
      await expect(page.getByText(name)).toHaveCount(0);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      const name = `Intruder ${uid()}`;
      const outcome = await t.call(t.orgB, `/jobs/${a.job.id}/invite`, [a.job.id, INITIAL, confirmForm({ name, email: `${uid()}@example.test` })]);
      expect(outcome.result).toEqual({ ok: false, message: JOB_NOT_FOUND });
      // B's own job with A's candidate's id: nobody to invite, A's candidate gets nothing.
      const own = await t.call(t.orgB, `/jobs/${b.job.id}/invite`, [b.job.id, INITIAL, confirmForm(null, [a.candidate.id])]);
      expect(own.result).toMatchObject({ ok: false, fieldErrors: { _form: ["Nobody on this list can be invited: every row is skipped or invalid. Nothing was sent."] } });
      const page = await t.a();
      await page.goto(`/jobs/${a.job.id}`);
      await expect(page.getByText(name)).toHaveCount(0);
      await expectCandidateUntouched(t);
    },
  },
  // Another organisation's batch is not found, whichever job is named; A's batch keeps its date.
  "app/(dashboard)/jobs/[id]/invitations/[batchId]/actions.ts#extendBatchAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => batchPage(w.a.job.id, NO_BATCH), args: (w) => [w.a.job.id, NO_BATCH, INITIAL, form({ dueDate: dateAhead(20) })], untouched: markAbsent },
    async unauthenticated(t) {
      await t.signedOut(batchPage(t.w.a.job.id, NO_BATCH), [t.w.a.job.id, NO_BATCH, INITIAL, form({ dueDate: dateAhead(20) })]);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      // A's batch, to complete in 5 days, sent from A's page.
      const pageA = await t.a();
      await pageA.goto(`/jobs/${a.job.id}/invite`);
      await pageA.getByLabel("Paste names and emails").fill(`Extend Me <${uid()}@example.test>`);
      await pageA.getByLabel("Time zone for rows without one (optional)").fill("UTC");
      await pageA.getByRole("button", { name: "Preview" }).click();
      await pageA.getByLabel("Any time before a deadline").check();
      await pageA.getByLabel("Complete by").fill(dateAhead(5));
      await pageA.getByRole("button", { name: "Send 1 invitation" }).click();
      await expect(pageA).toHaveURL(/\/invitations\/[0-9a-f-]{36}$/);
      const batchId = new URL(pageA.url()).pathname.split("/").pop()!;
      for (const jobId of [a.job.id, b.job.id]) {
        const outcome = await t.call(t.orgB, batchPage(jobId, batchId), [jobId, batchId, INITIAL, form({ dueDate: dateAhead(20) })]);
        expect(outcome.result).toEqual({ ok: false, message: "These invitations were not found. They may have been deleted." });
      }
      // Still due in 5 days: A can move it to 6 (had B's 20 gone through, 6 would be refused as earlier).
      const own = await t.call(t.orgA, batchPage(a.job.id, batchId), [a.job.id, batchId, INITIAL, form({ dueDate: dateAhead(6) })]);
      expect(own.result).toMatchObject({ ok: true, message: expect.stringMatching(/^Extended 1 interview: /) });
    },
  },
  "app/(dashboard)/jobs/[id]/invite/actions.ts#searchUninvitedCandidatesAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/jobs/${w.a.job.id}/invite`, args: (w) => [w.a.job.id, MARK], untouched: markAbsent },
    async unauthenticated(t) {
      await t.signedOut(`/jobs/${t.w.a.job.id}/invite`, [t.w.a.job.id, "a"]);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      expect((await t.call(t.orgB, `/jobs/${a.job.id}/invite`, [a.job.id, ""])).result).toEqual({ ok: false, rows: [], more: false, message: JOB_NOT_FOUND });
      // B's own job lists B's candidates only.
      const own = await t.call(t.orgB, `/jobs/${b.job.id}/invite`, [b.job.id, a.candidate.email]);
      expect(own.result).toEqual({ ok: true, rows: [], more: false });
    },
  },
  "app/(dashboard)/candidates/actions.ts#createCandidateAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: "/candidates/new", args: () => [INITIAL, candidateForm(MARK, `${MARK}@example.test`)], untouched: markAbsent },
    async unauthenticated(t) {
      const name = `Unauthorised ${uid()}`;
      await t.signedOut("/candidates/new", [INITIAL, candidateForm(name, `${uid()}@example.test`)]);
      const pageA = await t.a();
      await pageA.goto("/candidates");
      await expect(pageA.getByRole("link", { name: t.w.a.candidate.name })).toBeVisible();
      await expect(pageA.getByText(name)).toHaveCount(0);
    },
    // An id in the form is ignored: the new candidate is B's, with its own id.
    async otherOrg(t) {
      const name = `B candidate ${uid()}`;
      const outcome = await t.call(t.orgB, "/candidates/new", [INITIAL, candidateForm(name, `${uid()}@example.test`, { id: t.w.a.candidate.id })]);
      expect(outcome.redirect).toMatch(/^\/candidates\/[^/?]+\?saved=1$/);
      expect(outcome.redirect).not.toContain(t.w.a.candidate.id);
      await expectCandidateUntouched(t);
      const pageA = await t.a();
      await pageA.goto("/candidates");
      await expect(pageA.getByText(name)).toHaveCount(0);
    },
  },
  "app/(dashboard)/candidates/actions.ts#updateCandidateAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/candidates/${w.a.candidate.id}`, args: (w) => [w.a.candidate.id, INITIAL, candidateForm(MARK, w.a.candidate.email)], untouched: async (t) => (await markAbsent(t), expectCandidateUntouched(t)) },
    async unauthenticated(t) {
      const { candidate } = t.w.a;
      await t.signedOut(`/candidates/${candidate.id}`, [candidate.id, INITIAL, candidateForm("Hijacked", candidate.email)]);
      await expectCandidateUntouched(t);
    },
    async otherOrg(t) {
      const { candidate } = t.w.a;
      const outcome = await t.call(t.orgB, `/candidates/${candidate.id}`, [candidate.id, INITIAL, candidateForm("Hijacked", candidate.email)]);
      expect(outcome.result).toEqual({ ok: false, message: CANDIDATE_NOT_FOUND });
      await expectCandidateUntouched(t);
    },
  },
  "app/(dashboard)/candidates/actions.ts#deleteCandidateAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/candidates/${w.a.candidate.id}`, args: (w) => [w.a.candidate.id], untouched: expectCandidateUntouched },
    async unauthenticated(t) {
      await t.signedOut(`/candidates/${t.w.a.candidate.id}`, [t.w.a.candidate.id]);
      await expectCandidateUntouched(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/candidates/${t.w.a.candidate.id}`, [t.w.a.candidate.id])).result).toBe(CANDIDATE_NOT_FOUND);
      await expectCandidateUntouched(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#scheduleInterviewAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: "/interviews/new", args: (w) => [INITIAL, scheduleForm({ jobId: w.a.job.id, candidateId: w.a.candidate.id, notes: MARK })], untouched: markAbsent },
    async unauthenticated(t) {
      await t.signedOut("/interviews/new", [INITIAL, scheduleForm({ jobId: t.w.a.job.id, candidateId: t.w.a.candidate.id })]);
      const pageA = await t.a();
      await pageA.goto("/interviews");
      await expect(pageA.getByRole("link", { name: t.w.a.candidate.name })).toHaveCount(0);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      const withAJob = await t.call(t.orgB, "/interviews/new", [INITIAL, scheduleForm({ jobId: a.job.id })]);
      expect(withAJob.result).toMatchObject({ ok: false, fieldErrors: { jobId: ["Choose a job from the list."] } });
      const withACandidate = await t.call(t.orgB, "/interviews/new", [INITIAL, scheduleForm({ jobId: b.job.id, candidateId: a.candidate.id })]);
      expect(withACandidate.result).toMatchObject({ ok: false, fieldErrors: { candidateId: ["Choose a candidate from the list."] } });
      // A's form token (a double submit finds the first interview) must not find A's interview for B.
      const withAToken = await t.call(t.orgB, "/interviews/new", [INITIAL, scheduleForm({ jobId: b.job.id, requestToken: a.scheduled.requestToken })]);
      expect(withAToken.redirect).toMatch(/^\/interviews\/[^/?]+\?scheduled=1$/);
      expect(withAToken.redirect).not.toContain(a.scheduled.id);
      const pageA = await t.a();
      await pageA.goto("/interviews");
      await expect(pageA.getByRole("link", { name: a.candidate.name })).toHaveCount(0);
      await expectScheduledUntouched(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#rescheduleInterviewAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.scheduled.id}`, args: (w) => [w.a.scheduled.id, INITIAL, rescheduleForm()], untouched: expectScheduledUntouched },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, rescheduleForm()]);
      await expectScheduledUntouched(t);
    },
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, `/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, rescheduleForm()]);
      expect(outcome.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectScheduledUntouched(t);
    },
  },
  // A's scheduled interview is taken at a time: its own recruiter's Extend is refused, and B's is "not found".
  "app/(dashboard)/interviews/actions.ts#extendDeadlineAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.scheduled.id}`, args: (w) => [w.a.scheduled.id, INITIAL, extendForm()], untouched: expectScheduledUntouched },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, extendForm()]);
      await expectScheduledUntouched(t);
    },
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, `/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, extendForm()]);
      expect(outcome.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectScheduledUntouched(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#reopenAnswersAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, INITIAL, reopenForm(w.a.completed.answerId)], untouched: expectCompletedUnreviewed },
    async unauthenticated(t) {
      const { completed } = t.w.a;
      await t.signedOut(`/interviews/${completed.id}`, [completed.id, INITIAL, reopenForm(completed.answerId)]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      const onA = await t.call(t.orgB, `/interviews/${a.completed.id}`, [a.completed.id, INITIAL, reopenForm(a.completed.answerId)]);
      expect(onA.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      // B's own completed interview passes the organisation check; A's answer id must still not.
      const viaB = await t.call(t.orgB, `/interviews/${b.completed.id}`, [b.completed.id, INITIAL, reopenForm(a.completed.answerId)]);
      expect(viaB.result).toMatchObject({ ok: false });
      await expectCompletedUnreviewed(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#resendInvitationAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.scheduled.id}`, args: (w) => [w.a.scheduled.id], untouched: expectScheduledUntouched },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id]);
      await expectScheduledUntouched(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id])).result).toBe(INTERVIEW_NOT_FOUND);
      await expectScheduledUntouched(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#cancelInterviewAction": {
    least: "RECRUITER",
    rightful: {
      as: "orgA",
      page: (w) => `/interviews/${w.a.scheduled.id}`,
      args: (w) => [w.a.scheduled.id, INITIAL, form({ reason: MARK })],
      untouched: async (t) => (await markAbsent(t), expectScheduledUntouched(t)),
    },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, form({ reason: "Cancelled by nobody" })]);
      await expectScheduledUntouched(t);
    },
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, `/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, form({ reason: "Cancelled by someone else" })]);
      expect(outcome.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectScheduledUntouched(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#saveRatingAction": {
    least: "member",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, w.a.completed.answerId, INITIAL, form({ rating: "1", notes: MARK })], untouched: async (t) => (await markAbsent(t), expectCompletedUnreviewed(t)) },
    async unauthenticated(t) {
      const { completed } = t.w.a;
      await t.signedOut(`/interviews/${completed.id}`, [completed.id, completed.answerId, INITIAL, ratingForm()]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      const onA = await t.call(t.orgB, `/interviews/${a.completed.id}`, [a.completed.id, a.completed.answerId, INITIAL, ratingForm()]);
      expect(onA.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      // B's own completed interview passes the organisation check; A's answer id must still not.
      const viaB = await t.call(t.orgB, `/interviews/${b.completed.id}`, [b.completed.id, a.completed.answerId, INITIAL, ratingForm()]);
      expect(viaB.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectCompletedUnreviewed(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#saveRecommendationAction": {
    least: "member",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, INITIAL, form({ recommendation: "STRONG_NO", comment: MARK })], untouched: async (t) => (await markAbsent(t), expectCompletedUnreviewed(t)) },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, recommendForm()]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, recommendForm()])).result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectCompletedUnreviewed(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#submitScorecardAction": {
    least: "member",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, INITIAL, form({ recommendation: "YES", comment: MARK })], untouched: async (t) => (await markAbsent(t), expectCompletedUnreviewed(t)) },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, recommendForm()]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, recommendForm()])).result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectCompletedUnreviewed(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#reopenScorecardAction": {
    least: "member",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, INITIAL, form({})], untouched: expectCompletedUnreviewed },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, form({})]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, form({})])).result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectCompletedUnreviewed(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#decideAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, INITIAL, form({ decision: "REJECT", comment: MARK })], untouched: async (t) => (await markAbsent(t), expectCompletedUnreviewed(t)) },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, decisionForm()]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, decisionForm()])).result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectCompletedUnreviewed(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#setAccommodationsAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.scheduled.id}`, args: (w) => [w.a.scheduled.id, INITIAL, form({ extraTimePercent: "100", extraRetakes: "5" })], untouched: expectNoAccommodations },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, form({ extraTimePercent: "100", extraRetakes: "5" })]);
      await expectNoAccommodations(t);
    },
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, `/interviews/${t.w.a.scheduled.id}`, [t.w.a.scheduled.id, INITIAL, form({ extraTimePercent: "100", extraRetakes: "5" })]);
      expect(outcome.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      await expectNoAccommodations(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#deleteInterviewContentAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id], untouched: expectCompletedUnreviewed },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id]);
      await expectCompletedUnreviewed(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id])).result).toBe(INTERVIEW_NOT_FOUND);
      await expectCompletedUnreviewed(t);
    },
  },
  // A's completed answer has a FAILED transcript (the refusal world writes it through a test hook).
  "app/(dashboard)/interviews/[id]/actions.ts#retryTranscriptionAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.answerId], untouched: expectTranscriptFailed },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.answerId]);
      await expectTranscriptFailed(t);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      expect((await t.call(t.orgB, `/interviews/${a.completed.id}`, [a.completed.answerId])).result).toBe(ANSWER_NOT_FOUND);
      // From B's own interview's page: the page is no key, A's answer is still not B's.
      expect((await t.call(t.orgB, `/interviews/${b.completed.id}`, [a.completed.answerId])).result).toBe(ANSWER_NOT_FOUND);
      await expectTranscriptFailed(t);
    },
  },
  "app/(dashboard)/settings/actions.ts#setRetentionAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/settings", args: () => [INITIAL, form({ retentionDays: "45" })], untouched: expectRetentionUntouched },
    async unauthenticated(t) {
      await t.signedOut("/settings", [INITIAL, form({ retentionDays: "30" })]);
      await expectRetentionUntouched(t);
    },
    // No id to pass: B's owner changes B's setting, never A's.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/settings", [INITIAL, form({ retentionDays: "31", organizationId: "ignored" })]);
      expect(outcome.result).toMatchObject({ ok: true });
      await expectRetentionUntouched(t);
    },
  },
  "app/(dashboard)/settings/actions.ts#setTranscriptionAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/settings", args: () => [INITIAL, form({ enabled: "off" })], untouched: expectTranscriptionUntouched },
    async unauthenticated(t) {
      await t.signedOut("/settings", [INITIAL, form({ enabled: "off" })]);
      await expectTranscriptionUntouched(t);
    },
    // No id to pass: B's owner switches B's transcription, never A's.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/settings", [INITIAL, form({ enabled: "off", organizationId: "ignored" })]);
      expect(outcome.result).toMatchObject({ ok: true });
      await expectTranscriptionUntouched(t);
    },
  },
  "app/(dashboard)/settings/api-keys/actions.ts#createApiKeyAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/settings/api-keys", args: () => [INITIAL, apiKeyForm(MARK)], untouched: async (t) => (await markAbsent(t), expectApiKeysUntouched(t)) },
    async unauthenticated(t) {
      await t.signedOut("/settings/api-keys", [INITIAL, apiKeyForm(`Mallory ${uid()}`)]);
      await expectApiKeysUntouched(t);
    },
    // No id to pass: B's owner makes a key of B's, never one of A's.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/settings/api-keys", [INITIAL, apiKeyForm(`Bravo ${uid()}`, { organizationId: "ignored" })]);
      expect(outcome.result).toMatchObject({ ok: true, key: expect.stringMatching(/^kairos_/) });
      await expectApiKeysUntouched(t);
    },
  },
  "app/(dashboard)/settings/api-keys/actions.ts#revokeApiKeyAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/settings/api-keys", args: (w) => [w.a.apiKey.id], untouched: expectApiKeysUntouched },
    async unauthenticated(t) {
      await t.signedOut("/settings/api-keys", [t.w.a.apiKey.id]);
      await expectApiKeysUntouched(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/settings/api-keys", [t.w.a.apiKey.id])).result).toBe("This API key was not found.");
      await expectApiKeysUntouched(t);
    },
  },
  "app/(dashboard)/settings/webhooks/actions.ts#createEndpointAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/settings/webhooks", args: () => [INITIAL, form({ url: `http://127.0.0.1:9/${MARK}`, description: "", events: ["interview.completed"] })], untouched: async (t) => (await markAbsent(t), expectWebhooksUntouched(t)) },
    async unauthenticated(t) {
      await t.signedOut("/settings/webhooks", [INITIAL, form({ url: "http://127.0.0.1:9/mallory", description: "", events: ["interview.completed"] })]);
      await expectWebhooksUntouched(t);
    },
    // No id to pass: B's owner registers an endpoint of B's, never one of A's.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/settings/webhooks", [INITIAL, form({ url: "http://127.0.0.1:9/bravo", description: "", events: ["interview.completed"], organizationId: "ignored" })]);
      expect(outcome.redirect ?? "").toMatch(/^\/settings\/webhooks\//);
      await expectWebhooksUntouched(t);
    },
  },
  "app/(dashboard)/settings/webhooks/actions.ts#setEndpointEnabledAction": webhookCase((w) => [w.a.webhook.endpointId, false]),
  "app/(dashboard)/settings/webhooks/actions.ts#deleteEndpointAction": webhookCase((w) => [w.a.webhook.endpointId]),
  "app/(dashboard)/settings/webhooks/actions.ts#rotateSecretAction": webhookCase((w) => [w.a.webhook.endpointId]),
  "app/(dashboard)/settings/webhooks/actions.ts#sendTestEventAction": webhookCase((w) => [w.a.webhook.endpointId]),
  "app/(dashboard)/settings/webhooks/actions.ts#redeliverAction": webhookCase((w) => [w.a.webhook.endpointId, w.a.webhook.deliveryId], "This delivery was not found."),
  "app/(dashboard)/settings/actions.ts#setTimeZoneAction": {
    least: "member",
    rightful: { as: "orgA", page: "/settings", args: () => [INITIAL, form({ timeZone: FOREIGN_ZONE })], untouched: expectTimeZoneUntouched },
    async unauthenticated(t) {
      await t.signedOut("/settings", [INITIAL, form({ timeZone: FOREIGN_ZONE })]);
      await expectTimeZoneUntouched(t);
    },
    // No id to pass: the session decides whose zone changes. B, naming A in the form, changes only its own.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/settings", [INITIAL, form({ timeZone: FOREIGN_ZONE, userId: t.w.a.owner.email })]);
      expect(outcome.result).toMatchObject({ ok: true });
      await expectTimeZoneUntouched(t);
    },
  },
  "app/(dashboard)/settings/actions.ts#changePasswordAction": {
    least: "member",
    rightful: { as: "orgA", page: "/settings", args: (w) => [INITIAL, form({ currentPassword: w.a.owner.password, newPassword: MARK })], untouched: expectPasswordUnchanged },
    async unauthenticated(t) {
      await t.signedOut("/settings", [INITIAL, form({ currentPassword: t.w.a.owner.password, newPassword: "hijacked-password" })]);
      await expectPasswordUnchanged(t);
    },
    // No id to pass: the session decides whose password changes. B, naming A in the form, changes
    // only B's own (every recruiter the fixture makes has the same password, so it is also B's
    // current one), and only with B's current password.
    async otherOrg(t) {
      const wrong = await t.call(t.orgB, "/settings", [INITIAL, form({ currentPassword: "not anyone's password", newPassword: "hijacked-password", userId: t.w.a.owner.email })]);
      expect(wrong.result).toEqual({ ok: false, message: FIX_FIELDS, fieldErrors: { currentPassword: [NOT_CURRENT_PASSWORD] } });
      const own = await t.call(t.orgB, "/settings", [INITIAL, form({ currentPassword: t.w.a.owner.password, newPassword: "b-changed-its-own", userId: t.w.a.owner.email })]);
      expect(own.result).toMatchObject({ ok: true });
      await expectPasswordUnchanged(t);
    },
  },
  "app/(dashboard)/settings/actions.ts#signOutEverywhereAction": {
    least: "member",
    rightful: { as: "orgA", page: "/settings", args: () => [], untouched: expectStillSignedIn },
    async unauthenticated(t) {
      await t.signedOut("/settings", []);
      await expectStillSignedIn(t);
    },
    // A throwaway organisation (B's session is needed by later tests) signs itself out everywhere: only its own sessions end.
    async otherOrg(t) {
      const c = await t.newPage();
      await signUp(c, "Charlie");
      const charlie = await t.apiWithState(JSON.stringify(await c.context().storageState()));
      expect((await t.call(charlie, "/settings", [])).result).toBeUndefined();
      await c.goto("/settings");
      await expect(c.getByRole("heading", { name: "Sign in to Kairos" })).toBeVisible();
      await expectStillSignedIn(t);
    },
  },
  "app/(dashboard)/actions.ts#sendVerificationEmailAction": {
    least: "member",
    rightful: { as: "orgA", page: "/interviews", args: () => [], untouched: expectStillSignedIn },
    async unauthenticated(t) {
      await t.signedOut("/interviews", []);
      await expectStillSignedIn(t);
    },
    // No id to pass: B asks for B's own address (already confirmed), never A's.
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/interviews", [])).result).toBe("Your email address is already confirmed.");
      await expectStillSignedIn(t);
    },
  },
  "app/interview/request-actions.ts#requestAccommodationAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: () => [INITIAL, form({ message: MARK })], untouched: markAbsent },
    async unauthenticated(t) {
      for (const client of [t.anonymous, await t.candidate("k".repeat(43))]) {
        const outcome = await t.call(client, "/interview", [INITIAL, form({ message: "From a stranger", interviewId: t.w.b.open.id })]);
        expect(outcome.result).toEqual({ ok: false, message: LINK_INVALID });
      }
      await expectNoCandidateRequests(await t.b(), t.w.b.open);
    },
    // The cookie decides which interview: A's (in progress, so closed to requests), never B's named one.
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", [INITIAL, form({ message: "For B's interview", interviewId: t.w.b.open.id })]);
      expect(outcome.result).toMatchObject({ ok: false, message: expect.stringContaining("can no longer take requests") });
      await expectNoCandidateRequests(await t.b(), t.w.b.open);
      await expectNoCandidateRequests(await t.a(), t.w.a.inProgress);
    },
  },
  "app/interview/request-actions.ts#requestDeletionAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: () => [], untouched: async (t) => expectNoCandidateRequests(await t.a(), t.w.a.inProgress) },
    async unauthenticated(t) {
      for (const client of [t.anonymous, await t.candidate("k".repeat(43))]) {
        expect((await t.call(client, "/interview", [])).result).toEqual({ ok: false, message: LINK_INVALID });
      }
      await expectNoCandidateRequests(await t.b(), t.w.b.completed);
    },
    // A's in-progress cookie asks for A's own interview only (not complete: refused); B's completed one is untouched.
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", []);
      expect(outcome.result).toMatchObject({ ok: false });
      await expectNoCandidateRequests(await t.b(), t.w.b.completed);
    },
  },
  "app/(dashboard)/team/actions.ts#inviteTeammateAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/team", args: () => [INITIAL, form({ email: `${MARK}@example.test` })], untouched: async (t) => (await markAbsent(t), expectInviteOpen(t)) },
    async unauthenticated(t) {
      const email = `unauthorised-${uid()}@example.test`;
      await t.signedOut("/team", [INITIAL, form({ email })]);
      await expectInviteOpen(t);
      const pageA = await t.a();
      await expect(pageA.getByText(email)).toHaveCount(0);
    },
    // No id to pass; inviting the address A invited (which revokes an earlier link) must leave A's link alone.
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/team", [INITIAL, form({ email: t.w.a.invite.email })]);
      expect(outcome.result).toMatchObject({ ok: true });
      await expectInviteOpen(t);
    },
  },
  "app/(dashboard)/team/actions.ts#revokeInviteAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/team", args: (w) => [w.a.invite.id], untouched: expectInviteOpen },
    async unauthenticated(t) {
      await t.signedOut("/team", [t.w.a.invite.id]);
      await expectInviteOpen(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/team", [t.w.a.invite.id])).result).toBe("This invitation was not found.");
      await expectInviteOpen(t);
    },
  },
  "app/(dashboard)/team/actions.ts#changeRoleAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/team", args: (w) => [w.a.members.REVIEWER.userId, INITIAL, form({ role: "ADMIN" })], untouched: expectRolesUntouched },
    async unauthenticated(t) {
      await t.signedOut("/team", [t.w.a.members.REVIEWER.userId, INITIAL, form({ role: "OWNER" })]);
      await expectRolesUntouched(t);
    },
    async otherOrg(t) {
      const outcome = await t.call(t.orgB, "/team", [t.w.a.members.REVIEWER.userId, INITIAL, form({ role: "OWNER" })]);
      expect(outcome.result).toEqual({ ok: false, message: MEMBER_NOT_FOUND });
      await expectRolesUntouched(t);
    },
  },
  "app/(dashboard)/team/actions.ts#removeMemberAction": {
    least: "ADMIN",
    rightful: { as: "orgA", page: "/team", args: (w) => [w.a.members.RECRUITER.userId], untouched: expectRolesUntouched },
    async unauthenticated(t) {
      await t.signedOut("/team", [t.w.a.members.RECRUITER.userId]);
      await expectRolesUntouched(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/team", [t.w.a.members.RECRUITER.userId])).result).toBe(MEMBER_NOT_FOUND);
      await expectRolesUntouched(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#requestReviewsAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [INITIAL, reviewRequestForm(w.a.completed.id, w.a.members.REVIEWER.userId)], untouched: expectNoReviewRequested },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [INITIAL, reviewRequestForm(t.w.a.completed.id, t.w.a.members.REVIEWER.userId)]);
      await expectNoReviewRequested(t);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      const onA = await t.call(t.orgB, `/interviews/${a.completed.id}`, [INITIAL, reviewRequestForm(a.completed.id, a.members.REVIEWER.userId)]);
      expect(onA.result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      // B's own interview, to A's reviewer: not one of B's teammates.
      const toA = await t.call(t.orgB, `/interviews/${b.completed.id}`, [INITIAL, reviewRequestForm(b.completed.id, a.members.REVIEWER.userId)]);
      expect(toA.result).toMatchObject({ ok: false, message: FIX_FIELDS, fieldErrors: { reviewerIds: ["Choose teammates from your organisation."] } });
      await expectNoReviewRequested(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#createShareLinkAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, INITIAL, shareLinkForm(w.a.completed.answerId)], untouched: expectNoShareLinks },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, INITIAL, shareLinkForm(t.w.a.completed.answerId)]);
      await expectNoShareLinks(t);
    },
    async otherOrg(t) {
      const { a, b } = t.w;
      expect((await t.call(t.orgB, `/interviews/${a.completed.id}`, [a.completed.id, INITIAL, shareLinkForm(a.completed.answerId)])).result).toEqual({ ok: false, message: INTERVIEW_NOT_FOUND });
      // B's own interview with A's answer: not one of its questions.
      const mixed = await t.call(t.orgB, `/interviews/${b.completed.id}`, [b.completed.id, INITIAL, shareLinkForm(a.completed.answerId)]);
      expect(mixed.result).toMatchObject({ ok: false, message: FIX_FIELDS, fieldErrors: { answerIds: ["Choose questions of this interview."] } });
      await expectNoShareLinks(t);
    },
  },
  "app/(dashboard)/interviews/actions.ts#revokeShareLinkAction": {
    least: "RECRUITER",
    rightful: { as: "orgA", page: (w) => `/interviews/${w.a.completed.id}`, args: (w) => [w.a.completed.id, NO_SHARE_LINK], untouched: expectNoShareLinks },
    async unauthenticated(t) {
      await t.signedOut(`/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, NO_SHARE_LINK]);
      await expectNoShareLinks(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, `/interviews/${t.w.a.completed.id}`, [t.w.a.completed.id, NO_SHARE_LINK])).result).toBe("This share link was not found.");
      await expectNoShareLinks(t);
    },
  },
  // A share link's page: the caller is whoever holds the `kairos_share` cookie; nobody here does.
  "app/share/actions.ts#submitExternalScorecardAction": {
    least: "anyone",
    rightful: { as: "anonymous", page: "/share", args: () => [INITIAL, externalScorecardForm(MARK)], untouched: markAbsent },
    // Nothing names a link but the cookie: none, or a made-up token, writes nothing.
    async unauthenticated(t) {
      for (const client of [t.anonymous, await t.apiWithState(JSON.stringify({ cookies: [{ name: "kairos_share", value: "s".repeat(43), domain: "127.0.0.1", path: "/share", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }], origins: [] }))]) {
        expect((await t.call(client, "/share", [INITIAL, externalScorecardForm("Mallory")])).result).toEqual({ ok: false, message: SHARE_LINK_GONE });
      }
      await markAbsent(t);
    },
    async otherOrg(t) {
      expect((await t.call(t.orgB, "/share", [INITIAL, externalScorecardForm("Mallory")])).result).toEqual({ ok: false, message: SHARE_LINK_GONE });
      await markAbsent(t);
    },
  },
  // The candidate portal: the caller is whoever holds the `kairos_interview` cookie.
  "app/interview/actions.ts#startInterviewAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: () => [INITIAL, form({ consent: "yes" })], untouched: async (t) => expectUnanswered(await t.a(), t.w.a.inProgress) },
    // Nothing names an interview but the cookie: an interview id in the form is ignored.
    async unauthenticated(t) {
      for (const client of [t.anonymous, await t.candidate("k".repeat(43))]) {
        const outcome = await t.call(client, "/interview", [INITIAL, form({ consent: "yes", interviewId: t.w.b.open.id })]);
        expect(outcome.redirect).toBe("/interview");
        expect(outcome.result).toBe(NO_RESULT);
      }
      await expectNotStarted(await t.b(), t.w.b.open);
    },
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", [INITIAL, form({ consent: "yes", interviewId: t.w.b.open.id })]);
      expect(outcome.redirect).toBe("/interview");
      expect(outcome.result).toBe(NO_RESULT);
      await expectNotStarted(await t.b(), t.w.b.open);
    },
  },
  // Continuing a DEADLINE interview after a break: the cookie alone names the interview, and A's
  // (a scheduled one, in progress) has no break to continue from, so nothing opens anywhere.
  "app/interview/actions.ts#openNextQuestionAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: () => [INITIAL, form({})], untouched: async (t) => expectUnanswered(await t.a(), t.w.a.inProgress) },
    async unauthenticated(t) {
      for (const client of [t.anonymous, await t.candidate("k".repeat(43))]) {
        const outcome = await t.call(client, "/interview", [INITIAL, form({ interviewId: t.w.b.inProgress.id })]);
        expect(outcome.redirect).toBe("/interview");
        expect(outcome.result).toBe(NO_RESULT);
      }
      await expectUnanswered(await t.b(), t.w.b.inProgress);
    },
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", [INITIAL, form({ interviewId: t.w.b.inProgress.id })]);
      expect(outcome.result).toMatchObject({ ok: false, message: "This question is no longer open." });
      await expectUnanswered(await t.b(), t.w.b.inProgress);
      await expectUnanswered(await t.a(), t.w.a.inProgress);
    },
  },
  "app/interview/actions.ts#saveAnswerAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: (w) => [w.a.inProgress.answerId, MARK], untouched: async (t) => (await markAbsent(t), expectUnanswered(await t.a(), t.w.a.inProgress)) },
    async unauthenticated(t) {
      await expectNoKeyRefused(t, [t.w.a.inProgress.answerId, "Written by a stranger"]);
      await expectUnanswered(await t.a(), t.w.a.inProgress);
    },
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", [t.w.b.inProgress.answerId, "Written by another candidate"]);
      expect(outcome.result).toMatchObject({ ok: false, reason: "not_current" });
      await expectUnanswered(await t.b(), t.w.b.inProgress);
    },
  },
  "app/interview/actions.ts#skipPreparationAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: (w) => [w.a.inProgress.answerId], untouched: async (t) => expectUnanswered(await t.a(), t.w.a.inProgress) },
    async unauthenticated(t) {
      await expectNoKeyRefused(t, [t.w.a.inProgress.answerId]);
      await expectUnanswered(await t.a(), t.w.a.inProgress);
    },
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", [t.w.b.inProgress.answerId]);
      expect(outcome.result).toMatchObject({ ok: false, reason: "not_current" });
      await expectUnanswered(await t.b(), t.w.b.inProgress);
    },
  },
  "app/interview/actions.ts#submitAnswerAction": {
    least: "candidate",
    rightful: { as: "candidateA", page: "/interview", args: (w) => [w.a.inProgress.answerId, MARK], untouched: async (t) => (await markAbsent(t), expectUnanswered(await t.a(), t.w.a.inProgress)) },
    async unauthenticated(t) {
      await expectNoKeyRefused(t, [t.w.a.inProgress.answerId, "Submitted by a stranger"]);
      await expectUnanswered(await t.a(), t.w.a.inProgress);
    },
    async otherOrg(t) {
      const outcome = await t.call(await t.candidate(t.w.a.inProgress.key), "/interview", [t.w.b.inProgress.answerId, "Submitted by another candidate"]);
      expect(outcome.result).toMatchObject({ ok: false, reason: "not_current" });
      await expectUnanswered(await t.b(), t.w.b.inProgress);
    },
  },
};

// One world per worker, shared by both describes below (a refusal changes nothing, which each case checks).
const test = base.extend<object, { world: World }>({
  world: [async ({ browser }, use) => use(await buildWorld(browser)), { scope: "worker", timeout: 240_000 }],
});

test("every server action, in the sources and in the build, has a case here", () => {
  const cases = Object.keys(CASES) as ActionRef[];
  const inSources = exportedActions();
  const inBuild = [...actionIds().keys()];
  expect(inSources.length).toBeGreaterThan(0);
  expect(inSources.filter((ref) => !cases.includes(ref)), "exported actions without a case in CASES").toEqual([]);
  expect(inBuild.filter((ref) => !cases.includes(ref)), "actions in the build (.next) without a case in CASES").toEqual([]);
  expect(cases.filter((ref) => !inSources.includes(ref)), "cases for actions that no longer exist").toEqual([]);
});

test.describe("each server action refuses", () => {

  for (const [ref, check] of Object.entries(CASES) as Array<[ActionRef, Case]>) {
    for (const who of ["unauthenticated", "otherOrg", "badArguments"] as const) {
      const title = {
        unauthenticated: "a caller who is not signed in",
        otherOrg: "another organisation's ids",
        badArguments: "its own caller's arguments of the wrong type, and arbitrary ones (property-based)",
      }[who];
      test(`${ref.split("#")[1]}: ${title}`, async ({ world, browser, playwright, baseURL }) => {
        const contexts: Closable[] = [];
        const tools = await toolsFor(world, ref, { browser, playwright, baseURL }, contexts);
        try {
          if (who === "badArguments") {
            await wrongTypes(tools, check.rightful);
            await arbitrary(tools, check.rightful);
            // Once for both: nothing either sent changed anything.
            await check.rightful.untouched(tools);
          } else await check[who](tools);
        } finally {
          await closeAll(contexts);
        }
      });
    }
  }
});

type Closable = { dispose(): Promise<void> } | { close(): Promise<void> };
type Fixtures = { browser: Browser; playwright: { request: APIRequest }; baseURL: string | undefined };

async function closeAll(contexts: Closable[]) {
  for (const context of contexts) await ("dispose" in context ? context.dispose() : context.close());
}

/** The callers and pages a case's checks use, for one test (whatever it opens goes into `contexts`, closed by the test). */
async function toolsFor(world: World, ref: ActionRef, { browser, playwright, baseURL }: Fixtures, contexts: Closable[]): Promise<Tools> {
  const api = async (options: Parameters<typeof playwright.request.newContext>[0] = {}) => {
    const client = await playwright.request.newContext({ baseURL, ...options });
    contexts.push(client);
    return client;
  };
  const page = async (state?: string) => {
    const context = await browser.newContext(state ? { storageState: JSON.parse(state) } : {});
    contexts.push(context);
    return context.newPage();
  };
  // Each test its own client address, so its deliberate bad keys use up no other test's budget.
  const client = { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}` };
  const anonymous = await api({ extraHTTPHeaders: client });
  // A validly signed session whose user does not exist (a deleted account): it passes
  // proxy.ts's gate, so only the action's own requireMember() stands in the way.
  const stale = await api({ extraHTTPHeaders: { cookie: `next-auth.session-token=${await sessionToken(`gone-${uid()}`)}` } });
  return {
    w: world,
    anonymous,
    orgB: await api({ storageState: JSON.parse(world.b.state) }),
    orgA: await api({ storageState: JSON.parse(world.a.state) }),
    as: (role) => api({ storageState: JSON.parse(world.a.members[role].state) }),
    candidate: (key) => api({ extraHTTPHeaders: { ...client, cookie: `kairos_interview=${key}` } }),
    api: () => api(),
    apiWithState: (state) => api({ storageState: JSON.parse(state) }),
    newPage: () => page(),
    a: once(() => page(world.a.state)),
    b: once(() => page(world.b.state)),
    call: (caller, pagePath, args) => invoke(caller, ref, pagePath, args),
    async signedOut(pagePath, args) {
      const gated = await invoke(anonymous, ref, pagePath, args);
      expect(gated.status, "no session: proxy.ts redirects to sign-in").toBe(307);
      expect(gated.headers.location).toBe(`/sign-in?callbackUrl=${encodeURIComponent(pagePath)}`);
      expect(gated.result).toBe(NO_RESULT);
      const gone = await invoke(stale, ref, pagePath, args);
      expect(gone.status).toBe(200);
      expect(gone.redirect, "a session without a user: the action redirects to sign-in").toBe("/sign-in");
      expect(gone.result).toBe(NO_RESULT);
    },
  };
}

/** What a member below the action's least role is told (lib/actions.ts forbiddenFor, or the action's own words). */
const FORBIDDEN: Partial<Record<ActionRef, string>> = {
  "app/(dashboard)/settings/actions.ts#setRetentionAction": "Only an admin or owner can change how long answers are kept.",
  "app/(dashboard)/settings/actions.ts#setTranscriptionAction": "Only an admin or owner can change whether answers are transcribed.",
  "app/(dashboard)/settings/api-keys/actions.ts#createApiKeyAction": "Only an owner or admin can manage API keys.",
  "app/(dashboard)/settings/api-keys/actions.ts#revokeApiKeyAction": "Only an owner or admin can manage API keys.",
  "app/(dashboard)/settings/webhooks/actions.ts#createEndpointAction": "Only an admin or owner can manage webhooks.",
  "app/(dashboard)/settings/webhooks/actions.ts#setEndpointEnabledAction": "Only an admin or owner can manage webhooks.",
  "app/(dashboard)/settings/webhooks/actions.ts#deleteEndpointAction": "Only an admin or owner can manage webhooks.",
  "app/(dashboard)/settings/webhooks/actions.ts#rotateSecretAction": "Only an admin or owner can manage webhooks.",
  "app/(dashboard)/settings/webhooks/actions.ts#sendTestEventAction": "Only an admin or owner can manage webhooks.",
  "app/(dashboard)/settings/webhooks/actions.ts#redeliverAction": "Only an admin or owner can manage webhooks.",
};
const forbidden = (ref: ActionRef, least: "RECRUITER" | "ADMIN") =>
  FORBIDDEN[ref] ??
  (ref.startsWith("app/(dashboard)/team/")
    ? "Only an admin or owner can manage the team."
    : least === "ADMIN"
      ? "Only an admin or above can do this. Ask an admin of your organisation if you need to."
      : "Only a recruiter or above can do this. Ask an admin of your organisation if you need to.");
const BELOW: Record<"RECRUITER" | "ADMIN", LowerRole[]> = { RECRUITER: ["REVIEWER"], ADMIN: ["RECRUITER", "REVIEWER"] };

// The role dimension: each action that needs a role, called rightfully by each member of org A
// whose role is below it, is refused with words that say which role it takes — and changes nothing.
test.describe("each server action refuses the roles below its own", () => {

  for (const [ref, check] of Object.entries(CASES) as Array<[ActionRef, Case]>) {
    const least = check.least;
    if (least !== "RECRUITER" && least !== "ADMIN") continue;
    test(`${ref.split("#")[1]}: ${BELOW[least].map((r) => r.toLowerCase()).join(" and ")}`, async ({ world, browser, playwright, baseURL }) => {
      const contexts: Closable[] = [];
      const t = await toolsFor(world, ref, { browser, playwright, baseURL }, contexts);
      try {
        const page = typeof check.rightful.page === "string" ? check.rightful.page : check.rightful.page(world);
        for (const role of BELOW[least]) {
          const outcome = await t.call(await t.as(role), page, check.rightful.args(world));
          expect(outcome.status, role).toBe(200);
          expect(outcome.redirect, role).toBeNull();
          if (typeof outcome.result === "string") expect(outcome.result, role).toBe(forbidden(ref, least));
          else expect(outcome.result, role).toMatchObject({ ok: false, message: forbidden(ref, least) });
        }
        await check.rightful.untouched(t);
      } finally {
        await closeAll(contexts);
      }
    });
  }
});

/** `make`'s result, made on the first call and shared by the later ones. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/**
 * The rightful caller sends each argument in turn as a value of the wrong type (the page's own
 * previous-state argument aside, which is never read): every call is refused without a crash. An
 * action without arguments gets unexpected ones.
 */
async function wrongTypes(t: Tools, rightful: RightfulCall) {
  const client = rightful.as === "orgA" ? t.orgA : rightful.as === "anonymous" ? t.anonymous : await t.candidate(t.w.a.inProgress.key);
  const valid = rightful.args(t.w);
  const calls = valid.length === 0 ? WRONG_TYPES.map((wrong) => [wrong]) : valid.flatMap((value, i) => (value === INITIAL ? [] : WRONG_TYPES.map((wrong) => valid.with(i, wrong))));
  for (const args of calls) {
    const outcome = await t.call(client, typeof rightful.page === "string" ? rightful.page : rightful.page(t.w), args);
    const what = `arguments ${JSON.stringify(args).slice(0, 120)}`;
    expect(outcome.status, what).toBe(200);
    expect(outcome.redirect, what).toBeNull();
    // A refusal: form state or an answer result with ok false, or a dialog's message.
    if (typeof outcome.result === "string") expect(outcome.result, what).not.toBe("");
    else expect(outcome.result, what).toMatchObject({ ok: false });
  }
}

/** Anything a client could send as one argument: any JSON-like value, control characters, NUL, huge text. */
const anyArgument = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ maxLength: 20 }).map((text) => `${text}\u0000${text}`),
  fc.constant("x".repeat(200_000)),
);

/**
 * Arbitrary argument lists from the rightful caller (fast-check): every one is refused, as an
 * answer and never a crash — no 5xx, no stack trace, no database error.
 */
async function arbitrary(t: Tools, rightful: RightfulCall) {
  const client = rightful.as === "orgA" ? t.orgA : rightful.as === "anonymous" ? t.anonymous : await t.candidate(t.w.a.inProgress.key);
  const page = typeof rightful.page === "string" ? rightful.page : rightful.page(t.w);
  await fc.assert(
    // At least one argument: an action that takes none would otherwise be called rightfully, and act.
    fc.asyncProperty(fc.array(anyArgument, { minLength: 1, maxLength: Math.max(1, rightful.args(t.w).length + 1) }), async (args) => {
      const outcome = await t.call(client, page, args);
      expect(outcome.status).toBe(200);
      expect(outcome.redirect).toBeNull();
      if (typeof outcome.result === "string") expect(outcome.result).not.toBe("");
      else expect(outcome.result).toMatchObject({ ok: false });
    }),
    { numRuns: 12 },
  );
}
