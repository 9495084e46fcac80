-- Greenhouse assessment partner (issue 16): the test instances Greenhouse asked for through
-- send_test (one per interview) and the queue of PATCH callbacks owed to Greenhouse, claimed like
-- webhook deliveries (lib/queue), so it shares their status type.

CREATE TABLE "GreenhouseAssessment" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "credential" TEXT NOT NULL,
    "partnerTestId" TEXT NOT NULL,
    "callbackUrl" TEXT,
    "greenhouseProfileUrl" TEXT,
    "sentBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "GreenhouseAssessment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "GreenhouseAssessment_interviewId_key" ON "GreenhouseAssessment"("interviewId");
CREATE INDEX "GreenhouseAssessment_organizationId_createdAt_idx" ON "GreenhouseAssessment"("organizationId", "createdAt");
ALTER TABLE "GreenhouseAssessment" ADD CONSTRAINT "GreenhouseAssessment_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "GreenhouseAssessment" ADD CONSTRAINT "GreenhouseAssessment_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GreenhouseCallback" (
    "id" TEXT NOT NULL,
    "assessmentId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "dueSince" TIMESTAMP(3) NOT NULL,
    "lastResponseCode" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "GreenhouseCallback_pkey" PRIMARY KEY ("id")
);
-- The sender's claim: due PENDING rows (and SENDING ones whose lease ran out) by nextAttemptAt.
CREATE INDEX "GreenhouseCallback_status_nextAttemptAt_idx" ON "GreenhouseCallback"("status", "nextAttemptAt");
CREATE INDEX "GreenhouseCallback_assessmentId_createdAt_idx" ON "GreenhouseCallback"("assessmentId", "createdAt");
ALTER TABLE "GreenhouseCallback" ADD CONSTRAINT "GreenhouseCallback_assessmentId_fkey" FOREIGN KEY ("assessmentId") REFERENCES "GreenhouseAssessment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
