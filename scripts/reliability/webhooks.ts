// The webhook half of the crash run: an endpoint of the seeded organisation on a local receiver,
// so a kill -9 between an interview's commit and its send must lose no interview.scheduled event.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { newSecret } from "@/lib/webhooks/signing";

export interface WebhookWatch {
  endpointId: string;
  /** Event ids the receiver accepted, with how many times each arrived. */
  accepted: Map<string, number>;
  /** Requests whose signature did not verify. */
  badSignatures: number;
  stop(): Promise<void>;
}

/** Registers an endpoint for interview.scheduled on a receiver that verifies every request. */
export async function watchWebhooks(organizationId: string): Promise<WebhookWatch> {
  const secret = newSecret();
  const verifier = new Webhook(secret);
  const accepted = new Map<string, number>();
  const watch = { accepted, badSignatures: 0 } as WebhookWatch;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const h: IncomingHttpHeaders = req.headers;
      try {
        verifier.verify(Buffer.concat(chunks).toString("utf8"), { "webhook-id": String(h["webhook-id"]), "webhook-timestamp": String(h["webhook-timestamp"]), "webhook-signature": String(h["webhook-signature"]) });
        const id = String(h["webhook-id"]);
        accepted.set(id, (accepted.get(id) ?? 0) + 1);
      } catch {
        watch.badSignatures++;
      }
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const prisma = await db();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const endpoint = await prisma.webhookEndpoint.create({ data: { organizationId, url, events: ["interview.scheduled"], secret }, select: { id: true } });
  watch.endpointId = endpoint.id;
  watch.stop = async () => {
    // Later runs schedule for the same organisation: they are not this watch's to deliver.
    await prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return watch;
}

/** The endpoint's deliveries by status (what the kill left behind). */
export async function deliveryStates(endpointId: string): Promise<Record<string, number>> {
  const prisma = await db();
  const groups = await prisma.webhookDelivery.groupBy({ by: ["status"], where: { endpointId }, _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/** Waits until every queued event of the endpoint was accepted by the receiver; the time it happened, or null. */
export async function waitUntilReceived(watch: WebhookWatch, expected: number, timeoutMs: number): Promise<number | null> {
  const prisma = await db();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const events = await prisma.webhookDelivery.findMany({ where: { endpointId: watch.endpointId }, select: { eventId: true } });
    if (events.length >= expected && events.every((e) => watch.accepted.has(e.eventId))) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return null;
}
