// Child-process helper for tests/pglite-lock.test.ts: opens the embedded database in PGLITE_DIR
// the way the app does, prints "open", and holds it until SIGTERM.
import { closeDb, db } from "@/lib/db";

async function main() {
  await db();
  // Listen before announcing "open": the parent may send SIGTERM as soon as it reads it.
  process.on("SIGTERM", () => {
    closeDb().finally(() => process.exit(0));
  });
  console.log("open");
  setInterval(() => {}, 60_000);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
