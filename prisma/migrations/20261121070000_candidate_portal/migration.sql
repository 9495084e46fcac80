-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('ADVANCE', 'HOLD', 'REJECT');

-- AlterEnum
ALTER TYPE "EmailKind" ADD VALUE 'RESCHEDULE_REQUESTED';

-- AlterTable
ALTER TABLE "Interview" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "consentedAt" TIMESTAMP(3),
ADD COLUMN     "recommendation" "Recommendation",
ADD COLUMN     "recommendationComment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "rescheduleRequestedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "InterviewAnswer" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "prompt" TEXT NOT NULL,
    "answerType" "AnswerType" NOT NULL,
    "prepSeconds" INTEGER NOT NULL,
    "answerSeconds" INTEGER NOT NULL,
    "presentedAt" TIMESTAMP(3),
    "answerStartedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "text" TEXT NOT NULL DEFAULT '',
    "savedAt" TIMESTAMP(3),
    "rating" INTEGER,
    "reviewNotes" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "InterviewAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "InterviewAnswer_interviewId_position_key" ON "InterviewAnswer"("interviewId", "position");

-- CreateIndex
CREATE INDEX "RateLimitWindow_windowStart_idx" ON "RateLimitWindow"("windowStart");

-- CreateIndex
CREATE INDEX "Interview_status_scheduledAt_idx" ON "Interview"("status", "scheduledAt");

-- AddForeignKey
ALTER TABLE "InterviewAnswer" ADD CONSTRAINT "InterviewAnswer_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

