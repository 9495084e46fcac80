import { cookies, headers } from "next/headers";
import { now } from "@/lib/clock";
import { decodeAccess, resolveAccess } from "@/lib/interviews/access";
import { findDeletionRequestState } from "@/lib/interviews/deletion";
import { ACCESS_HEADER, PORTAL_COOKIE } from "@/lib/interviews/portal";
import { DeletionRequest } from "./deletion-request-lazy";

/**
 * The thank-you page's deletion request, with its state read for the candidate's own key (the
 * proxy's verdict when there is one, as the page does), so the page that renders ThankYou need
 * not pass it.
 */
export async function DeletionRequestSection({ companyName }: { companyName: string }) {
  const access = decodeAccess((await headers()).get(ACCESS_HEADER)) ?? (await resolveAccess((await cookies()).get(PORTAL_COOKIE)?.value, now()));
  if (access.state !== "completed" && access.state !== "in_progress") return null;
  const { deletionRequestedAt, contentDeletedAt } = await findDeletionRequestState(access.interviewId);
  return <DeletionRequest companyName={companyName} requestedAt={deletionRequestedAt?.toISOString() ?? null} deleted={Boolean(contentDeletedAt)} />;
}
