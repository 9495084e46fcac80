-- The email that reopens chosen answers of a completed DEADLINE interview: which questions to
-- answer again, by when, and a new link.
ALTER TYPE "EmailKind" ADD VALUE 'ANSWERS_REOPENED';
