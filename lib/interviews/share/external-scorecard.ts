import "server-only";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { ExpectedError, FieldError, isUniqueViolation } from "@/lib/errors";
import type { ScoreRecommendation } from "@/lib/generated/prisma/enums";
import { recordEvent, shareLinkHolder } from "../audit";
import { shareLinkStatus } from "./links";
import { resolveShareToken } from "./open";

export interface ExternalScorecardInput {
  /** The link the page was rendered for: the cookie may hold another one opened since. */
  shareLinkId: string;
  reviewerName: string;
  /** Lower-cased by the schema. */
  reviewerEmail: string;
  ratings: Array<{ answerId: string; rating: number | null; notes: string }>;
  recommendation: ScoreRecommendation;
  comment: string;
}

/** What the holder of a link that stopped working is told (the page itself then answers 404 or 410). */
export const LINK_NO_LONGER_AVAILABLE = "This link is no longer available, so your scorecard was not saved. Ask whoever shared it for a new one.";
/** This browser opened another share link after rendering the page (one link's cookie at a time). */
export const ANOTHER_LINK_OPENED = "You opened another share link in this browser after this page. Open this link again from where you received it, then submit your scorecard.";
const ALREADY = "A scorecard from this email address is already in for this link. Each person submits once.";

/**
 * A scorecard left through a share link by someone without an account: their typed-in name and
 * address, a rating and notes per shown answer, a recommendation. Submitted at once (there is no
 * draft to come back to), all of it in one transaction, and once per address per link. It joins
 * the interview's summary marked as external. The token is judged again here, under the link's
 * row lock, so a link revoked or expired while the form was open takes nothing.
 */
export async function submitExternalScorecard(token: string | undefined, input: ExternalScorecardInput): Promise<void> {
  const prisma = await db();
  try {
    const access = await resolveShareToken(token, now());
    if (access.state !== "active") throw new ExpectedError(LINK_NO_LONGER_AVAILABLE, "link_gone");
    if (access.shareLinkId !== input.shareLinkId) throw new ExpectedError(ANOTHER_LINK_OPENED, "another_link");
    await prisma.$transaction(async (tx) => {
      // The link's row lock, then the time: a revocation committed meanwhile is seen here, and the
      // expiry is judged at the moment of writing.
      const [link] = await tx.$queryRaw<Array<{ revokedAt: Date | null; expiresAt: Date }>>`SELECT "revokedAt", "expiresAt" FROM "ShareLink" WHERE id = ${access.shareLinkId} FOR UPDATE`;
      const at = now();
      if (!link || shareLinkStatus(link, at) !== "active") throw new ExpectedError(LINK_NO_LONGER_AVAILABLE, "link_gone");
      const shown = new Set(access.answerIds);
      const ratings = input.ratings.filter((r) => r.rating !== null || r.notes !== "");
      if (ratings.some((r) => !shown.has(r.answerId))) throw new FieldError("ratings", "Rate only the answers shown on this page.");
      const existing = await tx.scorecard.findFirst({ where: { shareLinkId: access.shareLinkId, reviewerEmail: input.reviewerEmail }, select: { id: true } });
      if (existing) throw new FieldError("reviewerEmail", ALREADY);
      const card = await tx.scorecard.create({
        data: {
          organizationId: access.organizationId,
          interviewId: access.interviewId,
          reviewerId: null,
          reviewerName: input.reviewerName,
          reviewerEmail: input.reviewerEmail,
          shareLinkId: access.shareLinkId,
          recommendation: input.recommendation,
          comment: input.comment,
          submittedAt: at,
          ratings: { create: ratings.map((r) => ({ answerId: r.answerId, rating: r.rating, notes: r.notes })) },
        },
        select: { id: true },
      });
      await recordEvent(tx, {
        organizationId: access.organizationId,
        interviewId: access.interviewId,
        actor: shareLinkHolder(access.shareLinkId),
        type: "share_link.scorecard_submitted",
        data: { scorecardId: card.id, shareLinkId: access.shareLinkId, reviewerName: input.reviewerName, recommendation: input.recommendation },
        at,
      });
    });
  } catch (error) {
    // Two submissions from one address at once: the unique index lets one in.
    if (isUniqueViolation(error)) throw new FieldError("reviewerEmail", ALREADY);
    throw error;
  }
}
