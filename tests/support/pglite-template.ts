import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrate, readMigrations } from "@/lib/db-migrate";

// Vitest's global setup, on PGlite only: every test file gets its own in-memory database, and a
// fresh PGlite spends seconds in initdb before the first migration runs. One migrated database is
// made here, once, and dumped; each file's database starts from that dump instead (PGLITE_TEMPLATE,
// read by lib/db.ts), and the migrator then finds nothing left to apply.

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide("pgliteTemplate", null);
    return;
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pgliteConnection } = await import("@/lib/db");
  const pglite = await PGlite.create();
  await migrate(pgliteConnection(pglite), await readMigrations());
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kairos-pglite-")), "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
