// npm run db:migrate | db:seed | db:reset — for either database mode (see README). Seeding adds the
// demo organisation and, in development, its history of interviews; `--demo-only` leaves the
// history out (the test suites' databases).
import fs from "node:fs";
import { closeDb, db, pgliteDir } from "@/lib/db";
import { demoHistoryRefusal, seedDemoHistory } from "@/lib/demo-history";
import { acquirePgliteLock } from "@/lib/pglite-lock";
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemo } from "@/lib/seed";
import { isLocalDatabase, migratePostgres, resetSchema } from "./support/database";

const command = process.argv[2];
const url = process.env.DATABASE_URL;

/** Seeds the demo history unless told not to or it may not be written here; says what it did. */
async function seedHistory() {
  if (process.argv.includes("--demo-only")) return;
  const refusal = demoHistoryRefusal() ?? (url && !isLocalDatabase(url) ? "the database is not local" : null);
  if (refusal) {
    console.log(`Demo history not seeded: ${refusal}.`);
    return;
  }
  const history = await seedDemoHistory(DEMO_EMAIL);
  if (history.created === 0) {
    console.log("Demo history already present.");
    return;
  }
  const seconds = (history.ms / 1000).toFixed(1);
  console.log(`Seeded the demo history: ${history.created} interviews in ${seconds} s${history.recordings ? ", with recorded answers" : ""}.`);
  if (!history.recordings) {
    console.log("  ffmpeg was not found, so its video and audio questions have no recordings (sudo apt-get install ffmpeg, then npm run db:reset).");
  }
}

/** Drops everything in a local database's public schema (a non-local one only with --force). */
async function resetPostgres(connectionString: string) {
  if (!isLocalDatabase(connectionString) && !process.argv.includes("--force")) {
    throw new Error(`Refusing to reset the non-local database at ${new URL(connectionString).hostname}; add --force if you mean it.`);
  }
  await resetSchema(connectionString);
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
      console.log(created ? `Seeded Acme Robotics. Sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}` : "Demo organisation already present.");
      await seedHistory();
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
      await seedHistory();
      return;
    }
    default:
      throw new Error("Usage: tsx scripts/db.ts migrate | seed [--demo-only] | reset [--demo-only]");
  }
}

main()
  .then(() => closeDb())
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb().catch(() => {});
    process.exit(1);
  });
