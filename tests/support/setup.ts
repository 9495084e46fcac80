import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db";

// Without DATABASE_URL every test file gets its own in-memory PGlite, migrated on first use.
// With DATABASE_URL the suite shares that PostgreSQL (migrated by scripts/test.sh first) and
// every test makes its own organisations, so files can run in parallel without resets.
if (!process.env.DATABASE_URL) {
  process.env.PGLITE_DIR = "memory://";
  // Started from one migrated database (tests/support/pglite-template.ts) rather than from initdb.
  const template = inject("pgliteTemplate");
  if (template) process.env.PGLITE_TEMPLATE = template;
}
process.env.KAIROS_AUTO_SEED = "0";
// The Resend stub enforces no limit unless a test gives it one; pace sends fast so files stay quick.
process.env.EMAIL_RATE_PER_SECOND ??= "1000";

afterAll(async () => {
  await closeDb();
});
