-- Roles: every member who was not the owner was a recruiter in all but name.
ALTER TYPE "Role" RENAME VALUE 'MEMBER' TO 'RECRUITER';
ALTER TYPE "Role" ADD VALUE 'ADMIN' BEFORE 'RECRUITER';
ALTER TYPE "Role" ADD VALUE 'REVIEWER' AFTER 'RECRUITER';
ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'RECRUITER';

-- The role an invited teammate joins with.
ALTER TABLE "TeamInvite" ADD COLUMN "role" "Role" NOT NULL DEFAULT 'RECRUITER';

-- A member asked to review an interview (a reviewer sees only these).
CREATE TABLE "ReviewRequest" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "requestedById" TEXT,
    "dueAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewRequest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReviewRequest_interviewId_reviewerId_key" ON "ReviewRequest"("interviewId", "reviewerId");
CREATE INDEX "ReviewRequest_reviewerId_organizationId_idx" ON "ReviewRequest"("reviewerId", "organizationId");
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
