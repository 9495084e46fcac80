-- Share links (issue 15): chosen answers of a completed interview shown to someone without an
-- account (a hiring manager) until the link expires or is revoked. Only the token's SHA-256 is kept.

-- The first opening tells the link's creator; whoever holds a link can leave an external scorecard.
ALTER TYPE "EmailKind" ADD VALUE 'SHARE_LINK_VIEWED';
ALTER TYPE "ActorType" ADD VALUE 'SHARE_LINK';

CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "createdById" TEXT,
    "tokenHash" TEXT NOT NULL,
    "answerIds" TEXT[],
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "firstViewedAt" TIMESTAMP(3),
    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_interviewId_idx" ON "ShareLink"("interviewId");
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A link outlives its creator's account (it is the organisation's); the list then says so.
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ShareLinkView" (
    "id" TEXT NOT NULL,
    "shareLinkId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "clientAddress" TEXT NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ShareLinkView_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ShareLinkView_shareLinkId_at_idx" ON "ShareLinkView"("shareLinkId", "at");
ALTER TABLE "ShareLinkView" ADD CONSTRAINT "ShareLinkView_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- External scorecards: reviewerId stays null (no account); the link and the typed-in address say who.
ALTER TABLE "Scorecard" ADD COLUMN "shareLinkId" TEXT;
ALTER TABLE "Scorecard" ADD COLUMN "reviewerEmail" TEXT;
-- One scorecard per address per link (members have null here: nulls are distinct).
CREATE UNIQUE INDEX "Scorecard_shareLinkId_reviewerEmail_key" ON "Scorecard"("shareLinkId", "reviewerEmail");
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
