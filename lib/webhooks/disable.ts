import "server-only";
import { now } from "@/lib/clock";
import { appUrl } from "@/lib/config";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/templates";
import { EmailKind, Role, WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";

/**
 * Disables an endpoint (once: a second call finds it disabled and does nothing), fails what was
 * still queued for it, and — when `notify` — emails the organisation's owners and admins through
 * the outbox, in the same transaction.
 */
export async function disableEndpoint(endpointId: string, { reason, lastError, notify }: { reason: string; lastError: string; notify: boolean }): Promise<boolean> {
  const prisma = await db();
  const endpoint = await prisma.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { url: true, description: true, organizationId: true, organization: { select: { name: true } } },
  });
  if (!endpoint) return false;
  // Rendered before the transaction, so it holds its locks for the writes alone.
  const email = notify
    ? await renderEmail({
        template: "webhook-disabled",
        props: { organizationName: endpoint.organization.name, url: endpoint.url, description: endpoint.description, reason, lastError, settingsUrl: `${appUrl()}/settings/webhooks` },
      })
    : null;
  return prisma.$transaction(async (tx) => {
    const at = now();
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, enabled: true },
      data: { enabled: false, disabledAt: at, disabledReason: reason.replace(/^it /, "It ") },
    });
    if (count === 0) return false;
    await tx.webhookDelivery.updateMany({
      where: { endpointId, status: WebhookDeliveryStatus.PENDING },
      data: { status: WebhookDeliveryStatus.FAILED, lastError: "not sent: the endpoint was disabled" },
    });
    if (email) {
      const admins = await tx.user.findMany({
        where: { organizationId: endpoint.organizationId, role: { in: [Role.OWNER, Role.ADMIN] } },
        select: { email: true, name: true },
      });
      for (const admin of admins) {
        await enqueueEmail(tx, { organizationId: endpoint.organizationId, kind: EmailKind.WEBHOOK_DISABLED, toEmail: admin.email, toName: admin.name, ...email });
      }
    }
    return true;
  });
}
