"use client";

import { LocalDate } from "@/components/local-date";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeApiKeyAction } from "./actions";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdByName: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  status: "active" | "expired" | "revoked";
};

const STATUS = { active: ["Active", "success"], expired: ["Expired", "neutral"], revoked: ["Revoked", "danger"] } as const;
const DATE = { dateStyle: "medium", timeStyle: undefined } as const;

/** The organisation's API keys: which is which (name, first characters), what each may do, its dates and use; Revoke for an active one. */
export function ApiKeyList({ keys }: { keys: ApiKeyRow[] }) {
  return (
    // Focusable so keyboard users can scroll the table sideways on a narrow screen.
    <section
      aria-labelledby="api-keys-heading"
      tabIndex={0}
      className="overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
    >
      <h2 id="api-keys-heading" className="sr-only">
        Keys
      </h2>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-ink-200 bg-ink-50 text-xs font-semibold tracking-wide text-ink-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">Name</th>
            <th scope="col" className="px-4 py-2">Scopes</th>
            <th scope="col" className="px-4 py-2">Created</th>
            <th scope="col" className="px-4 py-2">Expires</th>
            <th scope="col" className="px-4 py-2">Last used</th>
            <th scope="col" className="px-4 py-2">Status</th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-200">
          {keys.map((key) => (
            <tr key={key.id} aria-label={key.name}>
              <td className="px-4 py-3">
                <span className="block font-medium text-ink-900">{key.name}</span>
                <code className="font-mono text-xs text-ink-600">{key.prefix}…</code>
              </td>
              <td className="px-4 py-3">
                <ul className="flex max-w-xs flex-wrap gap-1">
                  {key.scopes.map((scope) => (
                    <li key={scope}>
                      <code className="rounded bg-ink-100 px-1.5 py-0.5 font-mono text-xs text-ink-800">{scope}</code>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-ink-700">
                <LocalDate value={key.createdAt} options={DATE} />
                <span className="block text-xs text-ink-600">by {key.createdByName ?? "a former member"}</span>
              </td>
              <td className="px-4 py-3 whitespace-nowrap text-ink-700">{key.expiresAt ? <LocalDate value={key.expiresAt} options={DATE} /> : "Never"}</td>
              <td className="px-4 py-3 whitespace-nowrap text-ink-700">{key.lastUsedAt ? <RelativeTime value={key.lastUsedAt} /> : "Never used"}</td>
              <td className="px-4 py-3">
                <Badge tone={STATUS[key.status][1]}>{STATUS[key.status][0]}</Badge>
              </td>
              <td className="px-4 py-3 text-right">{key.status === "active" && <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      }
      title={`Revoke the API key “${name}”?`}
      description="Every request that sends it is refused from now on; the integration using it stops working. This cannot be undone: create a new key if you need one."
      confirmLabel="Revoke key"
      onConfirm={() => revokeApiKeyAction(id)}
    />
  );
}
