import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireMember } from "@/lib/accounts/auth";
import { managesTeam } from "@/lib/accounts/roles";
import { findRetentionSetting } from "@/lib/interviews/lifecycle/retention";
import { deploymentTranscription, findTranscriptionSetting, type DeploymentTranscription } from "@/lib/interviews/transcripts/settings";
import { findTimeZone } from "@/lib/accounts/time-zone";
import { timeZones } from "@/lib/time-zones";
import { ChangePasswordForm } from "./change-password-form";
import { RetentionForm } from "./retention-form";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";
import { TimeZoneForm } from "./time-zone-form";
import { TranscriptionForm } from "./transcription-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const member = await requireMember();
  const [{ retentionDays }, timeZone, { transcriptionEnabled }, deployment] = await Promise.all([
    findRetentionSetting(member.organizationId),
    findTimeZone(member.id),
    findTranscriptionSetting(member.organizationId),
    deploymentTranscription(),
  ]);
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
      <section aria-labelledby="transcripts-heading" className="mt-8 max-w-3xl rounded-lg bg-white p-6 ring-1 ring-ink-200">
        <h2 id="transcripts-heading" className="text-base font-semibold text-ink-900">
          Transcripts
        </h2>
        <p className="mt-2 text-sm text-ink-700">
          Video and audio answers can be transcribed so the hiring team can read and search them. Candidates are told before they start; a transcript is
          never used to score anyone.
        </p>
        <TranscriptionEngine deployment={deployment} />
        <div className="mt-5">
          {managesSettings ? (
            <TranscriptionForm enabled={transcriptionEnabled} />
          ) : (
            <>
              <dl className="text-sm">
                <dt className="text-ink-500">Transcribe recorded answers</dt>
                <dd className="mt-1 font-medium text-ink-900">{transcriptionEnabled ? "On" : "Off"}</dd>
              </dl>
              <p className="mt-3 text-sm text-ink-600">Only an admin or owner of the organisation can change this.</p>
            </>
          )}
        </div>
      </section>
      {/* Keys act for the organisation, so only those who manage it see them (the page is a 404 for others). */}
      {managesSettings && (
        <section aria-labelledby="api-keys-heading" className="mt-8 max-w-3xl rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="api-keys-heading" className="text-base font-semibold text-ink-900">
            API keys
          </h2>
          <p className="mt-2 text-sm text-ink-700">Let your ATS or your own scripts use the Kairos API: create a key for each integration, see when each was last used, and revoke them.</p>
          <p className="mt-4 text-sm">
            <Link href="/settings/api-keys" className="font-medium text-accent-700 underline underline-offset-4">
              Manage API keys
            </Link>
          </p>
        </section>
      )}
      {managesSettings && (
        <section aria-labelledby="webhooks-heading" className="mt-8 max-w-3xl rounded-lg bg-white p-6 ring-1 ring-ink-200">
          <h2 id="webhooks-heading" className="text-base font-semibold text-ink-900">
            Webhooks
          </h2>
          <p className="mt-2 text-sm text-ink-700">Send signed events to your ATS or your own systems as interviews are scheduled, completed and decided.</p>
          <p className="mt-4 text-sm">
            <Link href="/settings/webhooks" className="font-medium text-accent-700 underline underline-offset-4">
              Manage webhooks
            </Link>
          </p>
        </section>
      )}
    </>
  );
}

/** Which engine this deployment uses (TRANSCRIPTION_ENGINE), and what to do when this server cannot run it. */
function TranscriptionEngine({ deployment: { engine, model, processor, problem } }: { deployment: DeploymentTranscription }) {
  const where =
    engine === "none"
      ? "Transcription is off for this deployment (TRANSCRIPTION_ENGINE=none)."
      : engine === "offline"
        ? "On this server (pocketsphinx); recordings never leave your deployment."
        : processor
          ? `By ${processor} (${model}).`
          : `On your own OpenAI-compatible server (${model}); recordings never leave your deployment.`;
  return (
    <>
      <dl className="mt-4 text-sm">
        <dt className="text-ink-500">Engine</dt>
        <dd className="mt-1 font-medium text-ink-900">{where}</dd>
      </dl>
      {problem && (
        <div role="status" className="mt-4 rounded-md bg-warning-50 px-4 py-3 text-sm text-warning-800 ring-1 ring-warning-200 ring-inset">
          <p className="font-medium">This server cannot transcribe recordings.</p>
          <p className="mt-1">{problem}</p>
          <p className="mt-1">
            {engine === "offline" ? (
              <>
                To fix it, run <code className="font-mono">npm run worker</code> on a Node host with the Debian packages (pocketsphinx, pocketsphinx-en-us,
                ffmpeg), or set <code className="font-mono">TRANSCRIPTION_ENGINE=openai</code>.
              </>
            ) : (
              <>
                To fix it, run <code className="font-mono">npm run worker</code> on a Node host with ffmpeg installed.
              </>
            )}{" "}
            Until then, no transcript is written.
          </p>
        </div>
      )}
    </>
  );
}
