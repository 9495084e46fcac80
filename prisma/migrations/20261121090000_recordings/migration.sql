-- CreateEnum
CREATE TYPE "RecordingStatus" AS ENUM ('RECORDING', 'FINISHED', 'DISCARDED');

-- CreateEnum
CREATE TYPE "IntegritySignalKind" AS ENUM ('LEFT_PAGE', 'PASTE', 'MULTIPLE_DEVICES');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "EmailKind" ADD VALUE 'ACCOMMODATION_REQUESTED';
ALTER TYPE "EmailKind" ADD VALUE 'DELETION_REQUESTED';

-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "accommodationRequest" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "accommodationRequestedAt" TIMESTAMP(3),
ADD COLUMN     "contentDeletedAt" TIMESTAMP(3),
ADD COLUMN     "deletionRequestedAt" TIMESTAMP(3),
ADD COLUMN     "deviceId" TEXT,
ADD COLUMN     "deviceSeenAt" TIMESTAMP(3),
ADD COLUMN     "extraRetakes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "extraTimePercent" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "InterviewAnswer" ADD COLUMN     "retakes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "takeStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "retentionDays" INTEGER NOT NULL DEFAULT 180;

-- CreateTable
CREATE TABLE "Recording" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "take" INTEGER NOT NULL,
    "segment" INTEGER NOT NULL DEFAULT 1,
    "status" "RecordingStatus" NOT NULL DEFAULT 'RECORDING',
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL DEFAULT 0,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Recording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecordingChunk" (
    "recordingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecordingChunk_pkey" PRIMARY KEY ("recordingId","seq")
);

-- CreateTable
CREATE TABLE "IntegritySignal" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "position" INTEGER,
    "kind" "IntegritySignalKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "IntegritySignal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Recording_interviewId_idx" ON "Recording"("interviewId");

-- CreateIndex
CREATE UNIQUE INDEX "Recording_answerId_take_segment_key" ON "Recording"("answerId", "take", "segment");

-- CreateIndex
CREATE INDEX "IntegritySignal_interviewId_at_idx" ON "IntegritySignal"("interviewId", "at");

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recording" ADD CONSTRAINT "Recording_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "InterviewAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecordingChunk" ADD CONSTRAINT "RecordingChunk_recordingId_fkey" FOREIGN KEY ("recordingId") REFERENCES "Recording"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegritySignal" ADD CONSTRAINT "IntegritySignal_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

