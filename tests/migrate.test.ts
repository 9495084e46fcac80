import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteConnection } from "@/lib/db";
import { migrate, readMigrations, type Migration, type MigrationConnection } from "@/lib/db-migrate";

// Always its own in-memory PGlite, whatever DATABASE_URL says: the migrator is tested from empty.
let pglite: PGlite;
let conn: MigrationConnection;
let migrations: Migration[];

beforeAll(async () => {
  pglite = await PGlite.create();
  conn = pgliteConnection(pglite);
  migrations = await readMigrations();
});

afterAll(async () => {
  await pglite.close();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function migration(name: string, sql: string): Migration {
  return { name, sql, checksum: sha256(sql) };
}

async function recorded() {
  return conn.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
  );
}

async function tableExists(name: string) {
  const [{ exists }] = await conn.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`public."${name}"`]);
  return exists;
}

// The tests below run in order against the same database.
describe("migrate", () => {
  it("applies every migration to an empty database and records each file's sha256", async () => {
    expect(migrations.length).toBeGreaterThan(0);
    const result = await migrate(conn, migrations);

    expect(result).toEqual({ applied: migrations.map((m) => m.name), fresh: true });
    const files = migrations.map((m) => ({
      migration_name: m.name,
      checksum: sha256(readFileSync(path.join("prisma", "migrations", m.name, "migration.sql"), "utf8")),
    }));
    expect((await recorded()).map(({ migration_name, checksum }) => ({ migration_name, checksum }))).toEqual(files);
    expect((await recorded()).every((row) => row.finished_at instanceof Date)).toBe(true);
    for (const table of ["Organization", "User", "TeamInvite", "Job", "Question", "Candidate"]) {
      expect(await tableExists(table)).toBe(true);
    }
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(conn, migrations)).toEqual({ applied: [], fresh: false });
    expect(await recorded()).toHaveLength(migrations.length);
  });

  it("refuses a migration that was edited after it was applied", async () => {
    const [first, ...rest] = migrations;
    const edited = migration(first.name, `${first.sql}\n-- edited afterwards\n`);
    await expect(migrate(conn, [edited, ...rest])).rejects.toThrow(new RegExp(`${first.name} was changed after it was applied`));
  });

  it("rolls back a failing migration and records nothing for it", async () => {
    const broken = migration("29990101000000_broken", `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "no_such_table";`);
    await expect(migrate(conn, [...migrations, broken])).rejects.toThrow(/Migration 29990101000000_broken failed/);

    expect(await tableExists("Half")).toBe(false);
    expect((await recorded()).map((r) => r.migration_name)).toEqual(migrations.map((m) => m.name));

    // The connection is usable again, and the fixed migration applies.
    const fixed = migration(broken.name, `CREATE TABLE "Half" ("id" INTEGER);`);
    expect(await migrate(conn, [...migrations, fixed])).toEqual({ applied: [fixed.name], fresh: false });
    expect(await tableExists("Half")).toBe(true);
  });
});
