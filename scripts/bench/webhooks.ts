// 10,000 webhook events to a local receiver that answers 500 for a fifth of the requests: every
// event delivered, none lost or marked delivered without a 2xx, and the throughput.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sleep } from "../support/harness";

export async function benchWebhooks({ count = 10_000, failRate = 0.2, budgetMs = 600_000 } = {}) {
  const { db } = await import("@/lib/db");
  const { enqueueWebhookEvents } = await import("@/lib/webhooks/events");
  const { newSecret } = await import("@/lib/webhooks/signing");
  const { drainWebhooks } = await import("@/lib/webhooks/sender");
  const prisma = await db();

  // What the receiver accepted (2xx), per event id, and how many it refused.
  const accepted = new Map<string, number>();
  let refused = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (Math.random() < failRate) {
        refused++;
        res.statusCode = 500;
        res.end("bench says no");
        return;
      }
      const id = String(req.headers["webhook-id"]);
      accepted.set(id, (accepted.get(id) ?? 0) + 1);
      res.end("ok");
    });
  });
  server.keepAliveTimeout = 70_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;

  const orgId = "org_webhooks";
  await prisma.organization.create({ data: { id: orgId, name: "Bench webhooks" } });
  await prisma.webhookEndpoint.create({ data: { organizationId: orgId, url, events: ["interview.scheduled"], secret: newSecret() } });
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => ({ organizationId: orgId, type: "interview.scheduled" as const, data: { n: start + i } }));
    await prisma.$transaction((tx) => enqueueWebhookEvents(tx, batch));
  }

  // The receiver is on loopback over http: the production guard with the test opt-in.
  const guard = { https: false, publicOnly: true, allowLoopback: true };
  const mine = { endpoint: { organizationId: orgId } };
  const started = Date.now();
  let attempts = 0;
  try {
    while (Date.now() - started < budgetMs) {
      const stats = await drainWebhooks({ budgetMs: 30_000, limit: 50, guard });
      attempts += stats.claimed;
      const open = await prisma.webhookDelivery.count({ where: { ...mine, status: { in: ["PENDING", "SENDING"] } } });
      if (open === 0) break;
      // Retries wait out their backoff (2.5–5 s at first): look again shortly, as the poller would.
      await sleep(250);
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  const elapsedS = (Date.now() - started) / 1000;
  const rows = await prisma.webhookDelivery.findMany({ where: mine, select: { eventId: true, status: true, attempts: true } });
  const delivered = rows.filter((r) => r.status === "DELIVERED");
  // Lost: marked delivered without the receiver accepting it, or never delivered at all.
  const lost = delivered.filter((r) => !accepted.has(r.eventId)).length + (count - delivered.length);
  const duplicated = [...accepted.values()].filter((n) => n > 1).length;
  return {
    count,
    failRate,
    delivered: delivered.length,
    lost,
    duplicated,
    attempts,
    refused,
    maxAttempts: Math.max(0, ...rows.map((r) => r.attempts)),
    elapsedS,
    perSecond: delivered.length / elapsedS,
  };
}
