import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { expect, openEmail, test } from "./fixtures";

// One URL of each response family. HSTS: the test server is production but plain http, so it must
// not be there; behind a TLS proxy (X-Forwarded-Proto: https) it must.

function nonceOf(response: APIResponse): string | undefined {
  return /'nonce-([A-Za-z0-9+/_-]+={0,2})'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
}

function expectSecurityHeaders(response: APIResponse, referrer = "strict-origin-when-cross-origin") {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, response.url()).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(nonceOf(response)).toBeTruthy();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe(referrer);
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** An HTML page: the headers, and every script in it carries the response's nonce. */
async function expectPage(request: APIRequestContext, path: string, { status = 200, referrer }: { status?: number; referrer?: string } = {}) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBe(status);
  expectSecurityHeaders(response, referrer);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonceOf(response)}"`);
  return { response, html, scripts };
}

/** Fails the test on any CSP violation the page reports. */
function failOnCspViolations(page: Page) {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
  });
  return () => expect(violations).toEqual([]);
}

test("auth pages, the dashboard, API routes and static assets carry the security headers", async ({ page, request, recruiter }) => {
  expect(recruiter.email).toBeTruthy();
  const signIn = await expectPage(request, "/sign-in");
  expect(signIn.scripts.length).toBeGreaterThan(0);
  await expectPage(request, "/sign-up");
  // A fresh nonce per response.
  expect(nonceOf((await expectPage(request, "/sign-in")).response)).not.toBe(nonceOf(signIn.response));

  // Signed in (the fixture's session lives in the page's context).
  await expectPage(page.request, "/interviews");
  await expectPage(page.request, "/jobs/new");
  // Signed out, the dashboard's redirect to sign-in carries them too.
  await expectPage(request, "/interviews", { status: 307 });

  const session = await request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expectSecurityHeaders(session);

  // The dev mailbox: its members' page, and signed out the redirect to sign-in.
  await expectPage(page.request, "/dev/mailbox");
  await expectPage(request, "/dev/mailbox", { status: 307 });

  const asset = /src="(\/_next\/static\/[^"]+\.js)"/.exec(signIn.html)?.[1];
  expect(asset).toBeTruthy();
  const assetResponse = await request.get(asset!);
  expect(assetResponse.status()).toBe(200);
  expect(assetResponse.headers()["x-content-type-options"]).toBe("nosniff");
  expect(assetResponse.headers()["x-frame-options"]).toBe("DENY");
  expect(assetResponse.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(assetResponse.headers()["strict-transport-security"]).toBeUndefined();

  // Behind a TLS proxy: HSTS, and mixed content upgraded.
  const https = { "x-forwarded-proto": "https" };
  const securePage = await request.get("/sign-in", { headers: https });
  expect(securePage.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(securePage.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
  expect((await request.get(asset!, { headers: https })).headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("the candidate portal keeps no-referrer, on its proxy-rendered pages too", async ({ request }) => {
  const invalid = await expectPage(request, "/interview", { status: 404, referrer: "no-referrer" });
  expect(invalid.html).toContain("This link is not valid");
  const moved = await request.get("/interview?session_key=x", { maxRedirects: 0 });
  expect(moved.status()).toBe(303);
  expectSecurityHeaders(moved, "no-referrer");
});

test("pages run under the CSP: sign-in, a form, and the mailbox's sandboxed email", async ({ page, recruiter }) => {
  const assertNoViolations = failOnCspViolations(page);
  // Signing in needs the page's scripts (the form posts through next-auth's client).
  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(recruiter.email);
  await page.getByLabel("Password").fill(recruiter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/interviews$/);

  // The team invitation lands in the mailbox, whose message view renders the HTML in a srcdoc iframe.
  await page.goto("/team");
  const email = `csp-${Date.now()}@example.test`;
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await openEmail(page, email, new RegExp(`Join ${recruiter.organizationName} on Kairos`));
  // Rendered, with the email's inline styles applied (the srcdoc document inherits this CSP).
  const accept = page.frameLocator("iframe[title^='Email:']").getByRole("link", { name: "Accept the invitation" });
  await expect(accept).toBeVisible();
  await expect(accept).not.toHaveCSS("background-color", "rgba(0, 0, 0, 0)");
  assertNoViolations();
});
