// The database side of the script harnesses (npm run bench, npm run reliability) and npm run db:*:
// which PostgreSQL a harness may wipe, wiping it, and migrating it.
import pg from "pg";
import { migrate, readMigrations } from "@/lib/db-migrate";

export const LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"];

export const isLocalDatabase = (url: string) => LOCAL_HOSTS.includes(new URL(url).hostname);

/** What a harness accepts as a database it may wipe, and what it tells the user otherwise. */
export interface WipeableDatabase {
  /** The database's name must match this, so a harness never wipes a database meant for something else. */
  name: RegExp;
  /** Why, ending the refusal: "the benchmark resets its database, so its name must contain …". */
  why: string;
  /** How to get such a database, shown with every refusal. */
  howTo: string;
}

/** Refuses anything but a local database whose name says it is for this harness. */
export function checkDatabaseUrl(url: string | undefined, rule: WipeableDatabase): string {
  if (!url) throw new Error(`DATABASE_URL is not set.\n\n${rule.howTo}`);
  const parsed = new URL(url);
  if (!LOCAL_HOSTS.includes(parsed.hostname)) throw new Error(`Refusing the non-local database at ${parsed.hostname}.`);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  if (!rule.name.test(name)) throw new Error(`Refusing to wipe database "${name}": ${rule.why}\n\n${rule.howTo}`);
  return url;
}

/** Drops everything in the public schema. */
export async function resetSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  } finally {
    await client.end();
  }
}

/** Applies the migrations (npm run db:migrate); returns the names of those it applied. */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
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

/** Drops everything in the public schema and applies the migrations. */
export async function resetAndMigrate(url: string): Promise<void> {
  await resetSchema(url);
  await migratePostgres(url);
}
