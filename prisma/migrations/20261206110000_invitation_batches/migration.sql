-- Bulk invitations: a batch per confirmed invitation (its id chosen by the form, so a retry finds it),
-- and the interviews it created point to it.
-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "invitationBatchId" TEXT;

-- CreateTable
CREATE TABLE "InvitationBatch" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "invitedCount" INTEGER NOT NULL,
    "newCandidateCount" INTEGER NOT NULL,
    "skippedCount" INTEGER NOT NULL,
    "invalidCount" INTEGER NOT NULL,
    "notInvited" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "InvitationBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InvitationBatch_organizationId_createdAt_idx" ON "InvitationBatch"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "InvitationBatch_jobId_createdAt_idx" ON "InvitationBatch"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Interview_invitationBatchId_idx" ON "Interview"("invitationBatchId");

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_invitationBatchId_fkey" FOREIGN KEY ("invitationBatchId") REFERENCES "InvitationBatch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationBatch" ADD CONSTRAINT "InvitationBatch_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationBatch" ADD CONSTRAINT "InvitationBatch_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "Job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvitationBatch" ADD CONSTRAINT "InvitationBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

