-- A job's hiring team: members who see and score every completed interview of the job.
CREATE TABLE "JobReviewer" (
    "jobId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "JobReviewer_pkey" PRIMARY KEY ("jobId", "userId")
);
CREATE INDEX "JobReviewer_userId_idx" ON "JobReviewer"("userId");
ALTER TABLE "JobReviewer" ADD CONSTRAINT "JobReviewer_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "JobReviewer" ADD CONSTRAINT "JobReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
