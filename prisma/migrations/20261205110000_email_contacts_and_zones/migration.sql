-- Candidates' confirmation once they finish an interview.
ALTER TYPE "EmailKind" ADD VALUE 'ANSWERS_RECEIVED';

-- Reply-To of an email (candidates' emails: the recruiter who scheduled), kept in the dev mailbox too.
ALTER TABLE "OutboxEmail" ADD COLUMN "replyTo" TEXT;
ALTER TABLE "DevMailboxMessage" ADD COLUMN "replyTo" TEXT;

-- A recruiter's own time zone, for the emails they get. Unknown for existing accounts.
ALTER TABLE "User" ADD COLUMN "timeZone" TEXT;
