import "server-only";
import { db, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox";
import { renderEmail } from "@/lib/email/templates";
import { EmailKind, InterviewStatus } from "@/lib/generated/prisma/enums";
import { hashToken, isTokenShaped } from "@/lib/tokens";
import { candidateContact, interviewDashboardUrl } from "../notify";
import { shareLinkStatus } from "./links";

// "What does this share token open?" — asked by proxy.ts (which answers the end states with their
// own status codes and logs the view), the share page, its media route and its scorecard action.

/** An open link: what its holder may see. */
export interface ShareAccess {
  state: "active";
  shareLinkId: string;
  organizationId: string;
  interviewId: string;
  answerIds: string[];
  blind: boolean;
  expiresAt: Date;
}

/** Unknown and malformed tokens look the same ("invalid": 404); revoked and expired ones are "gone" (410). */
export type ShareVerdict = ShareAccess | { state: "invalid" } | { state: "gone" };

/**
 * The verdict on a token at `at`. A link whose interview is no longer completed (reopened) or whose
 * answers were deleted shows nothing any more: gone, like a revoked one.
 */
export async function resolveShareToken(token: string | undefined | null, at: Date): Promise<ShareVerdict> {
  if (!isTokenShaped(token)) return { state: "invalid" };
  const prisma = await db();
  const link = await prisma.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      organizationId: true,
      interviewId: true,
      answerIds: true,
      blind: true,
      expiresAt: true,
      revokedAt: true,
      interview: { select: { status: true, contentDeletedAt: true } },
    },
  });
  if (!link) return { state: "invalid" };
  if (shareLinkStatus(link, at) !== "active" || link.interview.status !== InterviewStatus.COMPLETED || link.interview.contentDeletedAt) return { state: "gone" };
  return { state: "active", shareLinkId: link.id, organizationId: link.organizationId, interviewId: link.interviewId, answerIds: link.answerIds, blind: link.blind, expiresAt: link.expiresAt };
}

/** Who opened the page: their address as the rate limiter sees it, and their browser. */
export interface ShareClient {
  address: string;
  userAgent: string;
}

const USER_AGENT_MAX = 512;

/**
 * Logs one opening of a share link and, on its first, tells whoever created it (an email through
 * the outbox, composed without the token). The link's row is locked first, so two first views at
 * the same moment send one email.
 */
export async function recordShareView(shareLinkId: string, client: ShareClient, at: Date): Promise<{ first: boolean }> {
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ firstViewedAt: Date | null }>>`SELECT "firstViewedAt" FROM "ShareLink" WHERE id = ${shareLinkId} FOR UPDATE`;
    if (!locked) return { first: false };
    await tx.shareLinkView.create({ data: { shareLinkId, at, clientAddress: client.address.slice(0, 100), userAgent: client.userAgent.slice(0, USER_AGENT_MAX) } });
    if (locked.firstViewedAt) return { first: false };
    await tx.shareLink.update({ where: { id: shareLinkId }, data: { firstViewedAt: at } });
    await tellCreator(tx, shareLinkId, at);
    return { first: true };
  });
}

/** The first-view email, to the link's creator — or, their account gone, the organisation's first owner (the recruiter notices' rule). */
async function tellCreator(tx: Tx, shareLinkId: string, at: Date): Promise<void> {
  const link = await tx.shareLink.findUniqueOrThrow({
    where: { id: shareLinkId },
    select: {
      organizationId: true,
      interviewId: true,
      blind: true,
      answerIds: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true, timeZone: true } },
      interview: { select: { organization: { select: { name: true } }, candidate: { select: { name: true } }, job: { select: { title: true } } } },
    },
  });
  const to = await candidateContact(tx, link.organizationId, link.createdBy);
  if (!to) return;
  const props = {
    recipientName: to.name,
    organizationName: link.interview.organization.name,
    candidateName: link.interview.candidate.name,
    jobTitle: link.interview.job.title,
    questionCount: link.answerIds.length,
    blind: link.blind,
    sharedAt: link.createdAt.toISOString(),
    viewedAt: at.toISOString(),
    timeZone: link.createdBy?.timeZone ?? "UTC",
    interviewUrl: interviewDashboardUrl(link.interviewId),
  };
  await enqueueEmail(tx, {
    organizationId: link.organizationId,
    interviewId: link.interviewId,
    kind: EmailKind.SHARE_LINK_VIEWED,
    toEmail: to.email,
    toName: to.name,
    ...(await renderEmail({ template: "share-link-viewed", props })),
  });
}
