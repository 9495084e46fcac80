import fs from "node:fs";
import path from "node:path";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { migrate, readMigrations, type MigrationConnection } from "@/lib/db-migrate";
import { acquirePgliteLock } from "@/lib/pglite-lock";

/** A transaction's client: what every write that must commit with others takes. */
export type Tx = Prisma.TransactionClient;

interface Handle {
  prisma: PrismaClient;
  close(): Promise<void>;
}

const globalForDb = globalThis as unknown as { __kairosDb?: Promise<Handle> };

/** Where the embedded database lives; `memory://` keeps it in memory (tests). */
export function pgliteDir(): string {
  const dir = process.env.PGLITE_DIR || ".data/pglite";
  return dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir);
}

/** The one Prisma client: PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite. */
export async function db(): Promise<PrismaClient> {
  globalForDb.__kairosDb ??= open().catch((error) => {
    globalForDb.__kairosDb = undefined;
    throw error;
  });
  return (await globalForDb.__kairosDb).prisma;
}

/** Closes the client (scripts and tests; a server keeps it for its lifetime). */
export async function closeDb(): Promise<void> {
  const handle = globalForDb.__kairosDb;
  globalForDb.__kairosDb = undefined;
  if (handle) await (await handle).close();
}

async function open(): Promise<Handle> {
  if (process.env.DATABASE_URL) return openPostgres(process.env.DATABASE_URL);
  return openPglite(pgliteDir());
}

async function openPostgres(connectionString: string): Promise<Handle> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }) });
  return { prisma, close: () => prisma.$disconnect() };
}

async function openPglite(dir: string): Promise<Handle> {
  const inMemory = dir.startsWith("memory://");
  let release = () => {};
  if (!inMemory) {
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    release = acquirePgliteLock(dir);
  }
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const pglite = inMemory ? await PGlite.create(inMemoryOptions()) : await PGlite.create(dir);
    // The embedded database migrates itself on open: it belongs to this process alone, so no
    // separate migrate step could reach it while the app runs.
    const { fresh } = await migrate(pgliteConnection(pglite), await readMigrations());
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    if (fresh && !inMemory && process.env.KAIROS_AUTO_SEED !== "0") {
      const { seedDemo } = await import("@/lib/seed");
      await seedDemo(prisma);
    }
    return {
      prisma,
      async close() {
        await prisma.$disconnect();
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * An in-memory database starts empty, or from PGLITE_TEMPLATE: a data directory dumped by
 * PGlite's dumpDataDir (the tests make one migrated database and start every file's from it).
 */
function inMemoryOptions(): import("@electric-sql/pglite").PGliteOptions | undefined {
  const template = process.env.PGLITE_TEMPLATE;
  return template ? { loadDataDir: new Blob([fs.readFileSync(template)]) } : undefined;
}

/** Adapts a PGlite instance to the migrator. */
export function pgliteConnection(pglite: import("@electric-sql/pglite").PGlite): MigrationConnection {
  return {
    shared: false,
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T,>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
  };
}
