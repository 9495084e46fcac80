import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { requireMember } from "@/lib/accounts/auth";
import { managesTeam } from "@/lib/accounts/roles";
import { listEndpoints } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { EndpointForm } from "./endpoint-form";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const member = await requireMember();
  // Recruiters and reviewers have nothing here: the same 404 as a page that does not exist.
  if (!managesTeam(member.role)) notFound();
  const endpoints = await listEndpoints({ userId: member.id, organizationId: member.organizationId });
  return (
    <>
      <PageHeader title="Webhooks" description="Signed events sent to your ATS or your own systems as interviews progress (Standard Webhooks)." />
      <div className="max-w-3xl space-y-8">
        <section aria-labelledby="endpoints-heading">
          <h2 id="endpoints-heading" className="mb-3 text-base font-semibold text-ink-900">
            Endpoints
          </h2>
          {endpoints.length === 0 ? (
            <EmptyState title="No endpoints yet">Add one below: Kairos then POSTs each event you choose to it, signed with its own secret.</EmptyState>
          ) : (
            <ul className="divide-y divide-ink-200 rounded-lg bg-white ring-1 ring-ink-200">
              {endpoints.map((endpoint) => (
                <li key={endpoint.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                  <div className="min-w-0">
                    <Link href={`/settings/webhooks/${endpoint.id}`} className="font-medium break-all text-accent-700 underline-offset-2 hover:underline">
                      {endpoint.url}
                    </Link>
                    <p className="text-sm text-ink-600">
                      {endpoint.description ? `${endpoint.description} · ` : ""}
                      {endpoint.events.length} {endpoint.events.length === 1 ? "event" : "events"}
                    </p>
                  </div>
                  {endpoint.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="danger">Disabled</Badge>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="add-heading" className="rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="add-heading" className="mb-4 text-base font-semibold text-ink-900">
            Add an endpoint
          </h2>
          <EndpointForm events={WEBHOOK_EVENT_TYPES} />
        </section>
      </div>
    </>
  );
}
