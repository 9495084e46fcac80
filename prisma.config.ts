import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI (migrate diff) talks to the database through the same driver adapters as the app.
// Migrations themselves are applied by lib/db/migrate.ts (see README), not by the CLI.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (process.env.DATABASE_URL) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const factory = new PrismaPGlite(new PGlite());
    // `migrate diff --from-migrations` replays each migration.sql into a shadow database as one
    // raw call; PGlite's prepared statements take one command, so send parameterless SQL to exec().
    factory.connectToShadowDb = async () => {
      const shadow = new PGlite();
      const adapter = await new PrismaPGlite(shadow).connect();
      const executeRaw = adapter.executeRaw.bind(adapter);
      adapter.executeRaw = async (query) => (query.args.length === 0 ? (await shadow.exec(query.sql), 0) : executeRaw(query));
      adapter.executeScript = async (script) => void (await shadow.exec(script));
      return adapter;
    };
    return factory;
  },
});
