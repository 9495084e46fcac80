import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { Badge } from "@/components/ui/badge";
import { LocalDate } from "@/components/local-date";
import { listTeam } from "@/lib/accounts/members";
import { requireMember } from "@/lib/accounts/auth";
import { managesTeam, mayChangeRole, ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "@/lib/accounts/roles";
import { InviteForm } from "./invite-form";
import { RemoveMemberButton, RoleForm } from "./member-controls";
import { RevokeInviteButton } from "./revoke-invite-button";
import { roleOptions } from "./role-options";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const member = await requireMember();
  const { members, invites } = await listTeam(member.organizationId);
  const manages = managesTeam(member.role);
  return (
    <>
      <PageHeader title="Team" description={`Everyone at ${member.organizationName} who schedules and reviews interviews, and what each may do.`} />
      <div className="space-y-8">
        <section aria-labelledby="members-heading">
          <h2 id="members-heading" className="mb-3 text-base font-semibold text-ink-900">
            Members
          </h2>
          <ul className="divide-y divide-ink-200 rounded-lg bg-white ring-1 ring-ink-200">
            {members.map((m) => {
              // The last owner keeps their role and their place (the server refuses it anyway).
              const lastOwner = m.role === "OWNER" && members.filter((other) => other.role === "OWNER").length === 1;
              const editable = manages && !lastOwner && mayChangeRole(member.role, m.role, m.role);
              return (
                <li key={m.id} aria-label={m.name} className="flex flex-wrap items-center justify-between gap-4 px-5 py-3">
                  <div>
                    <p className="font-medium text-ink-900">
                      {m.name} {m.id === member.id && <span className="text-sm font-normal text-ink-500">(you)</span>}
                    </p>
                    <p className="text-sm text-ink-600">{m.email}</p>
                  </div>
                  <div className="flex items-start gap-2">
                    {editable ? (
                      <RoleForm userId={m.id} name={m.name} role={m.role} roles={roleOptions(member.role, m.role)} />
                    ) : (
                      <Badge tone={m.role === "OWNER" ? "accent" : "neutral"}>{ROLE_LABELS[m.role]}</Badge>
                    )}
                    {editable && <RemoveMemberButton userId={m.id} name={m.name} organizationName={member.organizationName} self={m.id === member.id} />}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
        {manages && <InviteForm roles={roleOptions(member.role)} />}
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
                      Joins as {ROLE_LABELS[invite.role].toLowerCase()} · expires <LocalDate value={invite.expiresAt.toISOString()} />
                    </p>
                  </div>
                  {manages && <RevokeInviteButton id={invite.id} email={invite.email} />}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="roles-heading">
          <h2 id="roles-heading" className="mb-3 text-base font-semibold text-ink-900">
            Roles
          </h2>
          <dl className="grid gap-x-6 gap-y-2 rounded-lg bg-white p-5 text-sm ring-1 ring-ink-200 sm:grid-cols-[8rem_1fr]">
            {ROLES.map((role) => (
              <div key={role} className="contents">
                <dt className="font-medium text-ink-900">{ROLE_LABELS[role]}</dt>
                <dd className="text-ink-700">{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}
