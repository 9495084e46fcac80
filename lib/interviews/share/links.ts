import "server-only";
import { addDays } from "date-fns";
import { managesInterviews } from "@/lib/accounts/roles";
import { appUrl } from "@/lib/config";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError, StateError } from "@/lib/errors";
import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { hashToken, newSecretToken } from "@/lib/tokens";
import { member, recordEvent } from "../audit";
import { withInterviewLock } from "../model/guard";
import type { Viewer } from "../recruiter/manager";
import { visibleInterviews } from "../recruiter/visibility";

/** A link lasts this long unless its creator chooses otherwise. */
export const SHARE_LINK_DEFAULT_DAYS = 14;
/** The expiries a creator may choose, in days. */
export const SHARE_LINK_DAY_CHOICES = [1, 3, 7, 14, 30] as const;

export interface ShareLinkInput {
  answerIds: string[];
  days: number;
  blind: boolean;
}

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** Where a share link's holder opens it; the token travels only in this URL (the page moves it into a cookie at once). */
export const shareLinkUrl = (token: string) => `${appUrl()}/share?token=${token}`;

/** A link's state at `at`: revoked wins over expired; a link is expired from its expiry instant on. */
export function shareLinkStatus(link: { revokedAt: Date | null; expiresAt: Date }, at: Date): ShareLinkStatus {
  if (link.revokedAt) return "revoked";
  return at.getTime() >= link.expiresAt.getTime() ? "expired" : "active";
}

const FORBIDDEN = "Only a recruiter or above can share an interview.";

/**
 * Creates a share link for chosen answers of a completed interview and returns its URL, the one
 * time it exists: only the token's SHA-256 is stored, and nothing logs it.
 */
export async function createShareLink(viewer: Viewer, interviewId: string, input: ShareLinkInput): Promise<{ id: string; url: string; expiresAt: Date }> {
  if (!managesInterviews(viewer.role)) throw new StateError(FORBIDDEN);
  if (!SHARE_LINK_DAY_CHOICES.includes(input.days as (typeof SHARE_LINK_DAY_CHOICES)[number])) throw new FieldError("days", "Choose one of the offered expiries.");
  const chosen = [...new Set(input.answerIds)];
  if (chosen.length === 0) throw new FieldError("answerIds", "Choose at least one question to share.");
  const token = newSecretToken();
  const link = await withInterviewLock(
    interviewId,
    { organizationId: viewer.organizationId },
    () => {},
    async (tx, interview, at) => {
      const visible = await tx.interview.findFirst({ where: { id: interviewId, ...visibleInterviews(viewer) }, select: { contentDeletedAt: true } });
      if (!visible) throw new NotFoundError("Interview");
      if (interview.status !== InterviewStatus.COMPLETED) throw new StateError("Only a completed interview can be shared.");
      if (visible.contentDeletedAt) throw new StateError("This interview's answers were deleted, so there is nothing to share.");
      const answers = await tx.interviewAnswer.findMany({ where: { interviewId, id: { in: chosen } }, orderBy: { position: "asc" }, select: { id: true } });
      if (answers.length !== chosen.length) throw new FieldError("answerIds", "Choose questions of this interview.");
      const created = await tx.shareLink.create({
        data: {
          organizationId: viewer.organizationId,
          interviewId,
          createdById: viewer.userId,
          tokenHash: hashToken(token),
          answerIds: answers.map((a) => a.id),
          blind: input.blind,
          expiresAt: addDays(at, input.days),
        },
        select: { id: true, expiresAt: true },
      });
      await recordEvent(tx, {
        organizationId: viewer.organizationId,
        interviewId,
        actor: member(viewer.userId),
        type: "share_link.created",
        data: { shareLinkId: created.id, questions: answers.length, blind: input.blind, expiresAt: created.expiresAt.toISOString() },
        at,
      });
      return created;
    },
  );
  return { ...link, url: shareLinkUrl(token) };
}

/** Revokes a share link of an interview the viewer manages: from now on it answers 410. */
export async function revokeShareLink(viewer: Viewer, interviewId: string, shareLinkId: string): Promise<void> {
  if (!managesInterviews(viewer.role)) throw new StateError("Only a recruiter or above can revoke a share link.");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const link = await tx.shareLink.findFirst({ where: { id: shareLinkId, interviewId, interview: visibleInterviews(viewer) }, select: { id: true, revokedAt: true } });
    if (!link) throw new NotFoundError("Share link");
    if (link.revokedAt) throw new StateError("This link is already revoked.");
    const at = now();
    // Conditional: of two revocations at once, one records it.
    const { count } = await tx.shareLink.updateMany({ where: { id: link.id, revokedAt: null }, data: { revokedAt: at } });
    if (count === 0) throw new StateError("This link is already revoked.");
    await recordEvent(tx, { organizationId: viewer.organizationId, interviewId, actor: member(viewer.userId), type: "share_link.revoked", data: { shareLinkId: link.id }, at });
  });
}

/** The share links of an interview the viewer manages, newest first, with who made each and how often it was opened. */
export async function listShareLinks(viewer: Viewer, interviewId: string) {
  if (!managesInterviews(viewer.role)) return [];
  const prisma = await db();
  const at = now();
  const links = await prisma.shareLink.findMany({
    where: { interviewId, interview: visibleInterviews(viewer) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      answerIds: true,
      blind: true,
      expiresAt: true,
      revokedAt: true,
      createdAt: true,
      firstViewedAt: true,
      createdBy: { select: { name: true } },
      _count: { select: { views: true, scorecards: { where: { submittedAt: { not: null } } } } },
    },
  });
  return links.map(({ _count, createdBy, answerIds, ...link }) => ({
    ...link,
    questions: answerIds.length,
    createdByName: createdBy?.name ?? null,
    views: _count.views,
    scorecards: _count.scorecards,
    status: shareLinkStatus(link, at),
  }));
}

export type ShareLinkRow = Awaited<ReturnType<typeof listShareLinks>>[number];
