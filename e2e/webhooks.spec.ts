import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { axeViolations, createJob, expect, scheduleAndGetLink, sessionToken, test } from "./fixtures";
import { E2E_BASE_URL } from "./env";

type Received = { headers: IncomingHttpHeaders; body: string };

/** A receiver on 127.0.0.1 (the e2e server runs with KAIROS_WEBHOOKS_ALLOW_LOOPBACK=1) that keeps what it gets. */
async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, close: () => new Promise((r) => server.close(r)) };
}

/** Verifies a request as a receiver would, with the standardwebhooks library; returns the envelope. */
function verified(secret: string, request: Received) {
  const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
  return new Webhook(secret).verify(request.body, headers) as { id: string; type: string; data: { interview?: { id: string; status: string } } };
}

test("an admin registers an endpoint, sends a test event, receives signed events from real actions and redelivers", async ({ page, recruiter, browser }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    await page.goto("/settings");
    await page.getByRole("link", { name: "Manage webhooks" }).click();
    await expect(page.getByRole("heading", { name: "No endpoints yet" })).toBeVisible();
    expect(await axeViolations(page), "/settings/webhooks empty").toEqual([]);

    // A refused URL says why, beside the field.
    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByText("Enter a full URL")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill("Our ATS");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(receiver.url);
    const endpointPage = page.url();
    await page.getByRole("button", { name: "Reveal" }).click();
    const secret = (await page.locator("code[aria-labelledby=secret-label]").textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    await expect(page.getByRole("heading", { name: "Nothing sent yet" })).toBeVisible();
    expect(await axeViolations(page), "endpoint page").toEqual([]);

    // Send test event: delivered, and the log shows it with its code.
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    expect(verified(secret, receiver.received[0])).toMatchObject({ type: "webhook.test" });
    await expect(async () => {
      await page.reload();
      const row = page.getByRole("row", { name: /webhook\.test/ });
      await expect(row.getByText("Delivered")).toBeVisible({ timeout: 1_000 });
      await expect(row.getByRole("cell", { name: "200" })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.screenshot({ path: "test-results/webhooks-endpoint.png", fullPage: true });

    // A real action: scheduling and cancelling through the UI produce signed events.
    await createJob(page, `Webhooks ${randomUUID().slice(0, 6)}`, [{ prompt: "Why us?", prep: 0, answer: 60 }]);
    const { interviewId } = await scheduleAndGetLink(page, { name: "Wes Hook", email: `wes-${randomUUID().slice(0, 8)}@example.test` });
    await page.goto(`/interviews/${interviewId}`);
    await page.getByRole("button", { name: "Cancel interview" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel interview" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
    await expect.poll(() => receiver.received.map((r) => verified(secret, r).type), { timeout: 30_000 }).toEqual(["webhook.test", "interview.scheduled", "interview.cancelled"]);
    const cancelled = verified(secret, receiver.received[2]);
    expect(cancelled.data.interview).toMatchObject({ id: interviewId, status: "cancelled" });

    // Redeliver the cancellation: the same event id again.
    await page.goto("/settings/webhooks");
    await page.getByRole("link", { name: receiver.url }).click();
    await page.getByRole("row", { name: new RegExp(`interview\\.cancelled ${cancelled.id}`) }).getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(4);
    expect(verified(secret, receiver.received[3]).id).toBe(cancelled.id);

    // Recruiters and reviewers find nothing here.
    for (const role of ["RECRUITER", "REVIEWER"]) {
      const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
      const made = await page.request.post("/api/test/members", { data: { ownerEmail: recruiter.email, role, name: `A ${role}`, email, password: "member-password" } });
      expect(made.status()).toBe(201);
      const { userId, sessionId } = (await made.json()) as { userId: string; sessionId: string };
      const context = await browser.newContext();
      await context.addCookies([{ name: "next-auth.session-token", value: await sessionToken(userId, sessionId), url: E2E_BASE_URL, httpOnly: true, sameSite: "Lax" }]);
      const other = await context.newPage();
      for (const path of ["/settings/webhooks", new URL(endpointPage).pathname]) {
        const response = await other.goto(path);
        expect(response?.status(), `${role} ${path}`).toBe(404);
      }
      await context.close();
    }
  } finally {
    await receiver.close();
  }
});
