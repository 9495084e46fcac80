-- Interviews taken by a deadline instead of at a booked time (issue 14). Every existing row and
-- job stays SCHEDULED, exactly as before.
CREATE TYPE "InterviewMode" AS ENUM ('SCHEDULED', 'DEADLINE');

ALTER TABLE "Interview" ADD COLUMN "mode" "InterviewMode" NOT NULL DEFAULT 'SCHEDULED',
ADD COLUMN "opensAt" TIMESTAMP(3),
ADD COLUMN "dueAt" TIMESTAMP(3);

-- A DEADLINE interview without both ends, or due before it opens, could never be judged.
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_deadline_window"
  CHECK ("mode" = 'SCHEDULED' OR ("opensAt" IS NOT NULL AND "dueAt" IS NOT NULL AND "dueAt" > "opensAt"));

ALTER TABLE "Job" ADD COLUMN "defaultInterviewMode" "InterviewMode" NOT NULL DEFAULT 'SCHEDULED',
ADD COLUMN "defaultDaysToComplete" INTEGER NOT NULL DEFAULT 7;

-- The candidate's email when the recruiter extends a deadline (a new link, like every link email).
ALTER TYPE "EmailKind" ADD VALUE 'DEADLINE_EXTENDED';

-- The sweep's look for DEADLINE interviews past due.
CREATE INDEX "Interview_status_dueAt_idx" ON "Interview"("status", "dueAt");
