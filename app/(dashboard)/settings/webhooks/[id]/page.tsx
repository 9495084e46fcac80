import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { LocalDate } from "@/components/local-date";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { requireMember } from "@/lib/accounts/auth";
import { managesTeam } from "@/lib/accounts/roles";
import { NotFoundError } from "@/lib/errors";
import { recordId } from "@/lib/fields";
import { WebhookDeliveryStatus } from "@/lib/generated/prisma/enums";
import { listDeliveries } from "@/lib/webhooks/deliveries";
import { findEndpoint } from "@/lib/webhooks/endpoints";
import { EndpointActions, RedeliverButton, SecretField } from "./endpoint-controls";

export const metadata: Metadata = { title: "Webhook endpoint" };

const STATUS: Record<WebhookDeliveryStatus, { label: string; tone: "neutral" | "accent" | "success" | "danger" }> = {
  PENDING: { label: "Queued", tone: "neutral" },
  SENDING: { label: "Sending", tone: "accent" },
  DELIVERED: { label: "Delivered", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
};

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const member = await requireMember();
  const { id } = await params;
  if (!managesTeam(member.role) || !recordId.safeParse(id).success) notFound();
  const actor = { userId: member.id, organizationId: member.organizationId };
  const found = await Promise.all([findEndpoint(actor, id), listDeliveries(actor, id)]).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!found) notFound();
  const [endpoint, deliveries] = found;
  const now = new Date();
  const previousUntil = endpoint.previousSecretUntil && endpoint.previousSecretUntil > now ? endpoint.previousSecretUntil : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings/webhooks" className="text-accent-700 underline-offset-2 hover:underline">
          ← Webhooks
        </Link>
      </p>
      <PageHeader title={endpoint.url} description={endpoint.description || "A webhook endpoint"} />
      <div className="max-w-4xl space-y-8">
        <section aria-labelledby="endpoint-heading" className="space-y-4 rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="endpoint-heading" className="flex items-center gap-2 text-base font-semibold text-ink-900">
            Endpoint {endpoint.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
          </h2>
          {!endpoint.enabled && endpoint.disabledReason && (
            <p className="text-sm text-danger-700">
              {endpoint.disabledReason}
              {endpoint.disabledAt && (
                <>
                  {" "}
                  (<LocalDate value={endpoint.disabledAt.toISOString()} />)
                </>
              )}
            </p>
          )}
          <div className="text-sm text-ink-700">
            <p id="events-label">Events</p>
            <ul aria-labelledby="events-label" className="mt-1 flex flex-wrap gap-1.5">
              {endpoint.events.map((e) => (
                <li key={e}>
                  <code className="rounded bg-ink-100 px-1">{e}</code>
                </li>
              ))}
            </ul>
          </div>
          <SecretField secret={endpoint.secret} previousUntil={previousUntil?.toISOString() ?? null} />
          <EndpointActions id={endpoint.id} enabled={endpoint.enabled} />
        </section>
        <section aria-labelledby="log-heading">
          <h2 id="log-heading" className="mb-3 text-base font-semibold text-ink-900">
            Deliveries
          </h2>
          {deliveries.length === 0 ? (
            <EmptyState title="Nothing sent yet">Events you subscribed to appear here as they happen. “Send test event” sends one now.</EmptyState>
          ) : (
            <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Deliveries to this endpoint, newest first</caption>
                <thead className="border-b border-ink-200 text-ink-600">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">Event</th>
                    <th scope="col" className="px-4 py-2 font-medium">Status</th>
                    <th scope="col" className="px-4 py-2 font-medium">Response</th>
                    <th scope="col" className="px-4 py-2 font-medium">Latency</th>
                    <th scope="col" className="px-4 py-2 font-medium">Last attempt</th>
                    <th scope="col" className="px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-ink-200">
                  {deliveries.map((d) => (
                    <tr key={d.id} aria-label={`${d.event.type} ${d.event.id}`}>
                      <td className="px-4 py-2 align-top">
                        <code className="text-ink-900">{d.event.type}</code>
                        <div className="text-xs break-all text-ink-500">{d.event.id}</div>
                      </td>
                      <td className="px-4 py-2 align-top">
                        <Badge tone={STATUS[d.status].tone}>{STATUS[d.status].label}</Badge>
                        <div className="text-xs text-ink-500">{d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}</div>
                      </td>
                      <td className="px-4 py-2 align-top">
                        <div>{d.lastAttempt?.statusCode ?? (d.lastAttempt ? "No response" : "—")}</div>
                        {d.lastAttempt?.error && <div className="text-xs text-danger-700">{d.lastAttempt.error}</div>}
                        {d.lastAttempt?.responseBody && <pre className="mt-1 max-w-xs overflow-hidden text-xs whitespace-pre-wrap text-ink-600">{d.lastAttempt.responseBody.slice(0, 200)}</pre>}
                      </td>
                      <td className="px-4 py-2 align-top">{d.lastAttempt ? `${d.lastAttempt.latencyMs} ms` : "—"}</td>
                      <td className="px-4 py-2 align-top">{d.lastAttempt ? <LocalDate value={d.lastAttempt.at.toISOString()} /> : "—"}</td>
                      <td className="px-4 py-2 text-right align-top">
                        {endpoint.enabled && d.status !== WebhookDeliveryStatus.SENDING && <RedeliverButton endpointId={endpoint.id} deliveryId={d.id} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </>
  );
}
