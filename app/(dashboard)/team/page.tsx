import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { LocalDate } from "@/components/local-date";
import { listTeam } from "@/lib/accounts/members";
import { requireMember } from "@/lib/accounts/auth";
import { InviteForm } from "./invite-form";
import { RevokeInviteButton } from "./revoke-invite-button";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await requireMember();
  const { members, invites } = await listTeam(member.organizationId);
  const isOwner = member.role === "OWNER";
  return (
    <>
      <PageHeader title="Team" description={`Everyone at ${member.organizationName} who can schedule and review interviews.`} />
      <div className="space-y-8">
        <section aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-3 text-base font-semibold text-ink-900">
            Members
          </h2>
          <ul className="divide-y divide-ink-200 rounded-lg bg-white ring-1 ring-ink-200">
            {members.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-4 px-5 py-3">
                <div>
                  <p className="font-medium text-ink-900">
                    {m.name} {m.id === member.id && <span className="text-sm font-normal text-ink-500">(you)</span>}
                  </p>
                  <p className="text-sm text-ink-600">{m.email}</p>
                </div>
                <Badge tone={m.role === "OWNER" ? "accent" : "neutral"}>{m.role === "OWNER" ? "Owner" : "Member"}</Badge>
              </li>
            ))}
          </ul>
        </section>
        {isOwner && <InviteForm />}
        {invites.length > 0 && (
          <section aria-labelledby="invites-heading">
            <h2 id="invites-heading" className="mb-3 text-base font-semibold text-ink-900">
              Open invitations
            </h2>
            <ul className="divide-y divide-ink-200 rounded-lg bg-white ring-1 ring-ink-200">
              {invites.map((invite) => (
                <li key={invite.id} className="flex items-center justify-between gap-4 px-5 py-3">
                  <div>
                    <p className="font-medium text-ink-900">{invite.email}</p>
                    <p className="text-sm text-ink-600">
                      Expires <LocalDate value={invite.expiresAt.toISOString()} />
                    </p>
                  </div>
                  {isOwner && <RevokeInviteButton id={invite.id} email={invite.email} />}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
