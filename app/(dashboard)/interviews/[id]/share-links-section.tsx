"use client";

import { LocalDate } from "@/components/local-date";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeShareLinkAction } from "../actions";

export type ShareLinkListRow = {
  id: string;
  createdAt: string;
  createdByName: string | null;
  expiresAt: string;
  revokedAt: string | null;
  firstViewedAt: string | null;
  questions: number;
  blind: boolean;
  views: number;
  scorecards: number;
  status: "active" | "expired" | "revoked";
};

const STATUS = { active: ["Active", "success"], expired: ["Expired", "neutral"], revoked: ["Revoked", "danger"] } as const;

/** The interview's share links: who made each, what it shows, until when, how often it was opened; Revoke for an active one. */
export function ShareLinksSection({ interviewId, links }: { interviewId: string; links: ShareLinkListRow[] }) {
  return (
    <section
      aria-labelledby="share-links-heading"
      tabIndex={0}
      className="mt-6 overflow-x-auto rounded-lg bg-white ring-1 ring-ink-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
    >
      <h2 id="share-links-heading" className="px-6 pt-5 text-base font-semibold text-ink-900">
        Share links
      </h2>
      <p className="px-6 text-sm text-ink-600">Links for people without an account. Scorecards left through them appear in the summary marked External.</p>
      <table className="mt-3 w-full text-left text-sm">
        <thead className="border-y border-ink-200 bg-ink-50 text-xs font-semibold tracking-wide text-ink-600 uppercase">
          <tr>
            <th scope="col" className="px-6 py-2">Created</th>
            <th scope="col" className="px-6 py-2">Shows</th>
            <th scope="col" className="px-6 py-2">Expires</th>
            <th scope="col" className="px-6 py-2">Views</th>
            <th scope="col" className="px-6 py-2">Status</th>
            <th scope="col" className="px-6 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-ink-200">
          {links.map((link) => (
            <tr key={link.id}>
              <td className="px-6 py-3 text-ink-900">
                <LocalDate value={link.createdAt} />
                <span className="block text-xs text-ink-600">by {link.createdByName ?? "a former member"}</span>
              </td>
              <td className="px-6 py-3 text-ink-700">
                {link.questions} {link.questions === 1 ? "question" : "questions"}
                {link.blind && <span className="block text-xs text-ink-600">Blind</span>}
              </td>
              <td className="px-6 py-3 text-ink-700">
                <LocalDate value={link.expiresAt} />
              </td>
              <td className="px-6 py-3 text-ink-700">
                <span className="tabular-nums">{link.views === 1 ? "1 view" : `${link.views} views`}</span>
                <span className="block text-xs text-ink-600">
                  {link.firstViewedAt ? (
                    <>
                      first <LocalDate value={link.firstViewedAt} />
                    </>
                  ) : (
                    "not opened yet"
                  )}
                  {link.scorecards > 0 && ` · ${link.scorecards} ${link.scorecards === 1 ? "scorecard" : "scorecards"}`}
                </span>
              </td>
              <td className="px-6 py-3">
                <Badge tone={STATUS[link.status][1]}>{STATUS[link.status][0]}</Badge>
              </td>
              <td className="px-6 py-3 text-right">
                {link.status === "active" && (
                  <ConfirmDialog
                    trigger={
                      <Button variant="secondary" size="sm">
                        Revoke
                      </Button>
                    }
                    title="Revoke this share link?"
                    description="Whoever has it will see “This link is no longer available” from now on. Scorecards already left through it stay."
                    confirmLabel="Revoke link"
                    onConfirm={() => revokeShareLinkAction(interviewId, link.id)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
