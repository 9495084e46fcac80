import { currentCandidateAccess } from "@/lib/http/candidate";
import { findDeletionRequestState } from "@/lib/interviews/candidate/requests";
import { DeletionRequestOnDemand } from "./deletion-request-on-demand";

/**
 * The thank-you page's deletion request, with its state read for the candidate's own key (the
 * proxy's verdict when there is one, as the page does), so the page that renders ThankYou need
 * not pass it.
 */
export async function DeletionRequestSection({ companyName }: { companyName: string }) {
  const access = await currentCandidateAccess();
  if (access.state !== "completed" && access.state !== "in_progress") return null;
  const { deletionRequestedAt, contentDeletedAt } = await findDeletionRequestState(access.interviewId);
  return <DeletionRequestOnDemand companyName={companyName} requestedAt={deletionRequestedAt?.toISOString() ?? null} deleted={Boolean(contentDeletedAt)} />;
}
