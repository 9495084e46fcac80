-- The emails of a review request: the request, and the day-before reminder.
ALTER TYPE "EmailKind" ADD VALUE 'REVIEW_REQUESTED';
ALTER TYPE "EmailKind" ADD VALUE 'REVIEW_REMINDER';
