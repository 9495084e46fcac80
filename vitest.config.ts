import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(__dirname)}/` },
      // lib/ modules guard against client bundles with `server-only`; tests are server code.
      { find: /^server-only$/, replacement: path.resolve(__dirname, "tests/support/empty.ts") },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/support/pglite-template.ts"],
    setupFiles: ["tests/support/setup.ts"],
    pool: "forks",
    // Generous: the first test of a file may pay for a fresh database, and CI machines have 2 busy cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
