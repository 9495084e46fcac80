-- An email withdrawn while a dispatcher is sending it: the dispatcher, not the withdrawal, records
-- its outcome, and this says it must not go back to the queue.
ALTER TABLE "OutboxEmail" ADD COLUMN "withdrawnBecause" TEXT;
