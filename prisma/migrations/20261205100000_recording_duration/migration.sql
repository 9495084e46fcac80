-- A recorded take's length, stored when it finishes: WebM from MediaRecorder carries none.
ALTER TABLE "Recording" ADD COLUMN "durationMs" INTEGER;
