// npm run db:migrate | db:seed | db:reset — for either database mode (see README).
import fs from "node:fs";
import pg from "pg";
import { closeDb, db, pgliteDir } from "@/lib/db";
import { migrate, readMigrations } from "@/lib/db-migrate";
import { acquirePgliteLock } from "@/lib/pglite-lock";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "@/lib/seed";

const command = process.argv[2];
const url = process.env.DATABASE_URL;

async function migratePostgres(connectionString: string) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const result = await migrate(
      {
        shared: true,
        exec: async (sql) => void (await client.query(sql)),
        query: async <T,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
      },
      await readMigrations(),
    );
    return result.applied;
  } finally {
    await client.end();
  }
}

async function resetPostgres(connectionString: string) {
  const host = new URL(connectionString).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && !process.argv.includes("--force")) {
    throw new Error(`Refusing to reset the non-local database at ${host}; add --force if you mean it.`);
  }
  const client = new pg.Client({ connectionString });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  await client.end();
}

async function main() {
  switch (command) {
    case "migrate": {
      if (url) {
        const applied = await migratePostgres(url);
        console.log(applied.length ? `Applied ${applied.join(", ")}` : "Database is up to date.");
      } else {
        process.env.KAIROS_AUTO_SEED = "0";
        await db(); // the embedded database migrates itself when opened
        console.log(`Embedded database in ${pgliteDir()} is up to date.`);
      }
      return;
    }
    case "seed": {
      if (url) await migratePostgres(url);
      else process.env.KAIROS_AUTO_SEED = "0";
      const { created } = await seedDemo(await db());
      console.log(created ? `Seeded Acme Robotics. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}` : "Demo data already present.");
      return;
    }
    case "reset": {
      if (url) {
        await resetPostgres(url);
        await migratePostgres(url);
      } else {
        const dir = pgliteDir();
        const release = acquirePgliteLock(dir); // refuses while the app has it open
        fs.rmSync(dir, { recursive: true, force: true });
        release();
        process.env.KAIROS_AUTO_SEED = "0";
      }
      await seedDemo(await db());
      console.log(`Database reset and seeded. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
      return;
    }
    default:
      throw new Error("Usage: tsx scripts/db.ts migrate|seed|reset");
  }
}

main()
  .then(() => closeDb())
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb().catch(() => {});
    process.exit(1);
  });
