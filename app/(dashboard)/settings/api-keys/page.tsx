import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { requireRole } from "@/lib/accounts/auth";
import { listApiKeys } from "@/lib/api/keys";
import { Role } from "@/lib/generated/prisma/enums";
import { ApiKeyList, type ApiKeyRow } from "./api-key-list";
import { CreateApiKeyDialog } from "./create-api-key-dialog";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const member = await requireRole(Role.ADMIN);
  const keys = await listApiKeys(member.organizationId);
  // Only what the list shows: never the hash (listApiKeys does not read it anyway).
  const rows: ApiKeyRow[] = keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdByName: key.createdBy?.name ?? null,
    createdAt: key.createdAt.toISOString(),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    status: key.status,
  }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/settings" className="text-accent-700 underline underline-offset-4">
          ← Settings
        </Link>
      </p>
      {/* The create dialog sits in the header whether or not the list is empty, so the page's
          re-render after creating the first key does not unmount it while it shows the key. */}
      <PageHeader
        title="API keys"
        description={`Keys let your ATS or your own scripts use the Kairos API on behalf of ${member.organizationName}. Only owners and admins see this page.`}
        actions={<CreateApiKeyDialog />}
      />
      {rows.length === 0 ? (
        <EmptyState title="No API keys yet">Create one for each integration, with only the scopes it needs, so you can revoke one without stopping the others.</EmptyState>
      ) : (
        <ApiKeyList keys={rows} />
      )}
    </>
  );
}
