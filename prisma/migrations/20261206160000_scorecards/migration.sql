-- Independent scorecards (issue 15). Until now one rating and notes per answer and one
-- recommendation per interview were shared by the whole team, so two reviewers overwrote each
-- other. Each reviewer now keeps a scorecard of their own; the interview keeps one hiring decision.

-- The interview's recommendation was, in effect, the decision: renamed, not copied, so nothing is lost.
ALTER TYPE "Recommendation" RENAME TO "Decision";
ALTER TABLE "Interview" RENAME COLUMN "recommendation" TO "decision";
ALTER TABLE "Interview" RENAME COLUMN "recommendationComment" TO "decisionComment";
ALTER TABLE "Interview" RENAME COLUMN "reviewedAt" TO "decidedAt";
ALTER TABLE "Interview" RENAME COLUMN "reviewedById" TO "decidedById";

CREATE TYPE "ScoreRecommendation" AS ENUM ('STRONG_NO', 'NO', 'YES', 'STRONG_YES');

CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "reviewerName" TEXT NOT NULL,
    "recommendation" "ScoreRecommendation",
    "comment" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);
-- Nulls are distinct here: removed members' (and, later, external reviewers') scorecards never collide.
CREATE UNIQUE INDEX "Scorecard_interviewId_reviewerId_key" ON "Scorecard"("interviewId", "reviewerId");
CREATE INDEX "Scorecard_reviewerId_idx" ON "Scorecard"("reviewerId");
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- A removed member's scorecard stays (with reviewerName): the team's record of the review.
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "ScorecardRating" (
    "scorecardId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "rating" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ScorecardRating_pkey" PRIMARY KEY ("scorecardId", "answerId"),
    CONSTRAINT "ScorecardRating_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5)
);
CREATE INDEX "ScorecardRating_answerId_idx" ON "ScorecardRating"("answerId");
ALTER TABLE "ScorecardRating" ADD CONSTRAINT "ScorecardRating_scorecardId_fkey" FOREIGN KEY ("scorecardId") REFERENCES "Scorecard"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ScorecardRating" ADD CONSTRAINT "ScorecardRating_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "InterviewAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The old shared review becomes one scorecard, credited to whoever most plausibly wrote it: the
-- recruiter who scheduled the interview, else the member who recorded the recommendation
-- (reviewedById had no foreign key, so it may name a removed user: joined, not trusted), else the
-- organisation's earliest owner. Only interviews with something to keep get one. With a
-- recommendation it was submitted when it was recorded; without one it stays a draft.
INSERT INTO "Scorecard" ("id", "organizationId", "interviewId", "reviewerId", "reviewerName", "recommendation", "comment", "submittedAt", "createdAt", "updatedAt")
SELECT
    gen_random_uuid()::text,
    i."organizationId",
    i."id",
    r."id",
    COALESCE(r."name", 'Former member'),
    CASE i."decision" WHEN 'ADVANCE' THEN 'YES'::"ScoreRecommendation" WHEN 'REJECT' THEN 'NO'::"ScoreRecommendation" END,
    i."decisionComment",
    i."decidedAt",
    COALESCE(i."decidedAt", i."completedAt", CURRENT_TIMESTAMP),
    COALESCE(i."decidedAt", i."completedAt", CURRENT_TIMESTAMP)
FROM "Interview" i
LEFT JOIN LATERAL (
    SELECT u."id", u."name" FROM "User" u
    WHERE u."organizationId" = i."organizationId"
      AND (u."id" = i."createdById" OR u."id" = i."decidedById" OR u."role" = 'OWNER')
    ORDER BY (u."id" IS NOT DISTINCT FROM i."createdById") DESC,
             (u."id" IS NOT DISTINCT FROM i."decidedById") DESC,
             u."createdAt", u."id"
    LIMIT 1
) r ON TRUE
WHERE i."decision" IS NOT NULL
   OR EXISTS (SELECT 1 FROM "InterviewAnswer" a WHERE a."interviewId" = i."id" AND (a."rating" IS NOT NULL OR a."reviewNotes" <> ''));

-- Every scorecard so far is a migrated one, one per interview: the answers' ratings and notes go onto it.
INSERT INTO "ScorecardRating" ("scorecardId", "answerId", "rating", "notes", "updatedAt")
SELECT s."id", a."id", a."rating", a."reviewNotes", s."updatedAt"
FROM "InterviewAnswer" a
JOIN "Scorecard" s ON s."interviewId" = a."interviewId"
WHERE a."rating" IS NOT NULL OR a."reviewNotes" <> '';

ALTER TABLE "InterviewAnswer" DROP COLUMN "rating", DROP COLUMN "reviewNotes";
