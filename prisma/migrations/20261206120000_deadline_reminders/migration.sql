-- Reminders of a DEADLINE interview's due time (72, 24 and 2 hours before), to candidates who have
-- not finished; each is composed when it is sent, so it says what is left then.
ALTER TYPE "EmailKind" ADD VALUE 'DEADLINE_REMINDER';
