-- Transcripts of recorded answers (issue 17): the organisation's switch, the transcript table (also the
-- transcription queue, claimed like the outbox: lib/queue), and full-text search over written answers
-- and transcripts (lib/interviews/review/search.ts).
-- CreateEnum
CREATE TYPE "TranscriptStatus" AS ENUM ('QUEUED', 'PROCESSING', 'DONE', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "transcriptionEnabled" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "Transcript" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "TranscriptStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "reason" TEXT,
    "language" TEXT NOT NULL,
    "engine" TEXT,
    "model" TEXT,
    "text" TEXT NOT NULL DEFAULT '',
    "segments" JSONB NOT NULL DEFAULT '[]',
    "parts" JSONB NOT NULL DEFAULT '[]',
    "audioMs" INTEGER,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Transcript_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Transcript_answerId_key" ON "Transcript"("answerId");

-- CreateIndex
CREATE INDEX "Transcript_status_nextAttemptAt_idx" ON "Transcript"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Transcript_interviewId_idx" ON "Transcript"("interviewId");

-- CreateIndex
CREATE INDEX "Transcript_organizationId_idx" ON "Transcript"("organizationId");

-- AddForeignKey
ALTER TABLE "Transcript" ADD CONSTRAINT "Transcript_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "InterviewAnswer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transcript" ADD CONSTRAINT "Transcript_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text search (PostgreSQL and PGlite alike): each text's English tsvector, kept by PostgreSQL in
-- a generated column (so ranking reads it rather than parsing the text again), with a GIN index.
ALTER TABLE "InterviewAnswer" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;
CREATE INDEX "InterviewAnswer_searchVector_idx" ON "InterviewAnswer" USING GIN ("searchVector");
ALTER TABLE "Transcript" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (to_tsvector('english', "text")) STORED;
CREATE INDEX "Transcript_searchVector_idx" ON "Transcript" USING GIN ("searchVector");
