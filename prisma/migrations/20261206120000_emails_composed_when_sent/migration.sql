-- Reminders of a DEADLINE interview's due time (72, 24 and 2 hours before), to candidates who have
-- not finished; each is composed when it is sent, so it says what is left then.
ALTER TYPE "EmailKind" ADD VALUE 'DEADLINE_REMINDER';

-- Emails queued with their subject alone and composed by the dispatcher as it sends them: those
-- reminders, and a bulk invitation's emails (rendering thousands of them inside the confirm would
-- hold the recruiter and the server's memory for what the outbox sends over minutes anyway).
ALTER TABLE "OutboxEmail" ADD COLUMN "composeOnSend" BOOLEAN NOT NULL DEFAULT false;
