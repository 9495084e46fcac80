import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireMember } from "@/lib/accounts/auth";
import { managesTeam } from "@/lib/accounts/roles";
import { findRetentionSetting } from "@/lib/interviews/lifecycle/retention";
import { findTimeZone } from "@/lib/accounts/time-zone";
import { timeZones } from "@/lib/time-zones";
import { ChangePasswordForm } from "./change-password-form";
import { RetentionForm } from "./retention-form";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";
import { TimeZoneForm } from "./time-zone-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const member = await requireMember();
  const [{ retentionDays }, timeZone] = await Promise.all([findRetentionSetting(member.organizationId), findTimeZone(member.id)]);
  const managesSettings = managesTeam(member.role);
  return (
    <>
      <PageHeader title="Settings" description={`How ${member.organizationName} works in Kairos.`} />
      <section aria-labelledby="account-heading" className="mb-8 max-w-3xl rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="account-heading" className="text-base font-semibold text-ink-900">
          Your account
        </h2>
        <p className="mt-2 text-sm text-ink-700">
          Signed in as <strong className="font-medium text-ink-900">{member.email}</strong>.
        </p>
        <div className="mt-5">
          <TimeZoneForm timeZone={timeZone} zones={timeZones()} />
        </div>
        <div className="mt-8 border-t border-ink-200 pt-5">
          <ChangePasswordForm email={member.email} />
        </div>
        <div className="mt-8 border-t border-ink-200 pt-5">
          <h3 className="text-sm font-semibold text-ink-900">Sign out everywhere</h3>
          <p className="mt-1 mb-3 text-sm text-ink-700">
            Signs out every browser signed in to your account, this one too — for a lost laptop, or a computer you used once.
          </p>
          <SignOutEverywhereButton />
        </div>
      </section>
      <section aria-labelledby="retention-heading" className="max-w-3xl rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="retention-heading" className="text-base font-semibold text-ink-900">
          Data retention
        </h2>
        <div className="mt-2 space-y-2 text-sm text-ink-700">
          <p>
            Candidates&apos; answers and recordings are deleted automatically this many days after their interview ends (when it is completed, or
            its scheduled end when it expired or was cancelled). The interview itself, its decision, the reviewers’ recommendations and its history are kept.
          </p>
          <p>Candidates are told about this before they start, and can ask you to delete their answers sooner.</p>
        </div>
        <div className="mt-5">
          {managesSettings ? (
            <RetentionForm retentionDays={retentionDays} />
          ) : (
            <>
              <dl className="text-sm">
                <dt className="text-ink-500">Keep answers and recordings for</dt>
                <dd className="mt-1 font-medium text-ink-900">{retentionDays} days</dd>
              </dl>
              <p className="mt-3 text-sm text-ink-600">Only an admin or owner of the organisation can change this.</p>
            </>
          )}
        </div>
      </section>
      {managesSettings && (
        <section aria-labelledby="webhooks-heading" className="mt-8 max-w-3xl rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="webhooks-heading" className="text-base font-semibold text-ink-900">
            Webhooks
          </h2>
          <p className="mt-2 text-sm text-ink-700">Send signed events to your ATS or your own systems as interviews are scheduled, completed and decided.</p>
          <p className="mt-3 text-sm">
            <Link href="/settings/webhooks" className="font-medium text-accent-700 underline-offset-2 hover:underline">
              Manage webhooks
            </Link>
          </p>
        </section>
      )}
    </>
  );
}
