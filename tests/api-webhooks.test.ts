import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sendDueWebhooks } from "@/lib/webhooks/sender";
import { api, makeApiKey } from "./support/api";
import { makeOrg } from "./support/factories";
import { startReceiver, verifyAt } from "./support/webhook-receiver";

// Webhook endpoints through the API: the same functions as Settings → Webhooks. The secret is
// returned on creation and rotation only; a test event reaches the receiver signed with it.

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe("webhook endpoints", () => {
  it("registers, lists, reads without the secret, tests, pages deliveries, redelivers, updates, rotates and deletes", async () => {
    const org = await makeOrg("API webhooks");
    const { key } = await makeApiKey(org, ["webhooks:write"]);
    const created = await api("createWebhookEndpoint", { key, body: { url: receiver.url, events: ["interview.completed", "decision.made"], description: "ATS" } });
    expect(created.status).toBe(201);
    const { id, secret } = created.json;
    expect(secret).toMatch(/^whsec_/);
    expect(created.json).toMatchObject({ url: receiver.url, events: ["interview.completed", "decision.made"], enabled: true });

    const listed = await api("listWebhookEndpoints", { key });
    expect(listed.json.data.map((e: { id: string }) => e.id)).toEqual([id]);
    const read = await api("getWebhookEndpoint", { key, params: { id } });
    for (const response of [listed, read]) expect(response.text).not.toContain(secret);

    // A test event, signed with the secret the creation returned.
    expect((await api("testWebhookEndpoint", { key, params: { id } })).status).toBe(202);
    await sendDueWebhooks();
    const test = receiver.received.find((r) => JSON.parse(r.body).type === "webhook.test");
    expect(verifyAt(secret, test!)).toMatchObject({ type: "webhook.test" });
    await api("testWebhookEndpoint", { key, params: { id } });
    await sendDueWebhooks();

    const first = await api("listWebhookDeliveries", { key, params: { id }, query: { limit: "1" } });
    expect(first.json.data[0]).toMatchObject({ status: "delivered", last_response_code: 200, event: { type: "webhook.test" } });
    const second = await api("listWebhookDeliveries", { key, params: { id }, query: { limit: "1", cursor: first.json.next_cursor } });
    expect(second.json.data).toHaveLength(1);
    expect(second.json.next_cursor).toBeNull();
    expect((await api("redeliverWebhook", { key, params: { id: second.json.data[0].id } })).status).toBe(202);
    await sendDueWebhooks();
    const again = receiver.received.filter((r) => JSON.parse(r.body).id === second.json.data[0].event.id);
    expect(again).toHaveLength(2);

    const updated = await api("updateWebhookEndpoint", { key, params: { id }, body: { events: ["interview.completed"], enabled: false } });
    expect(updated.json).toMatchObject({ events: ["interview.completed"], enabled: false });
    const refused = await api("updateWebhookEndpoint", { key, params: { id }, body: { url: "ftp://example.test" } });
    expect(refused.status).toBe(422);
    expect(refused.json.errors[0].pointer).toBe("/url");

    const rotated = await api("rotateWebhookSecret", { key, params: { id } });
    expect(rotated.json.secret).toMatch(/^whsec_/);
    expect(rotated.json.secret).not.toBe(secret);
    expect((await api("getWebhookEndpoint", { key, params: { id } })).json.previous_secret_expires_at).toBe(rotated.json.previous_secret_expires_at);

    expect((await api("deleteWebhookEndpoint", { key, params: { id } })).status).toBe(204);
    expect((await api("getWebhookEndpoint", { key, params: { id } })).status).toBe(404);
  });

  it("refuses unknown events, another organisation's endpoint, and keys without the scope", async () => {
    const [org, other] = await Promise.all([makeOrg("API webhooks A"), makeOrg("API webhooks B")]);
    const { key } = await makeApiKey(org, ["webhooks:write"]);
    const badEvent = await api("createWebhookEndpoint", { key, body: { url: receiver.url, events: ["interview.exploded"] } });
    expect(badEvent.status).toBe(400);
    expect(badEvent.json.errors[0].pointer).toBe("/events/0");
    const theirs = await api("createWebhookEndpoint", { key: (await makeApiKey(other, ["webhooks:write"])).key, body: { url: receiver.url, events: ["interview.completed"] } });
    for (const op of ["getWebhookEndpoint", "deleteWebhookEndpoint", "rotateWebhookSecret", "testWebhookEndpoint"]) {
      expect((await api(op, { key, params: { id: theirs.json.id } })).status).toBe(404);
    }
    const prisma = await db();
    expect(await prisma.webhookEndpoint.count({ where: { id: theirs.json.id } })).toBe(1);
    expect((await api("listWebhookEndpoints", { key: (await makeApiKey(org, ["jobs:read"])).key })).status).toBe(403);
  });
});
