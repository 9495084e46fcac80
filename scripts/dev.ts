// npm run dev (and npm run email): on a fresh clone, creates the embedded database with the demo
// organisation and its history first (the same `scripts/db.ts seed` as npm run db:seed); then runs
// `next dev` and, once it answers, says where to go, how to sign in and where email lands.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { loadEnvConfig } from "@next/env";
import { DEMO_EMAIL, DEMO_ORGANIZATION, DEMO_PASSWORD } from "@/lib/seed";
import { devBanner } from "./support/dev-banner";

// The same .env files next dev reads, so DATABASE_URL, PGLITE_DIR or PORT set there count here too.
loadEnvConfig(process.cwd(), true);
const port = Number(process.env.PORT || 3000);
// Sign-in works only at NEXTAUTH_URL, and email links use it: follow PORT unless it is set.
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

/** A fresh clone: no PostgreSQL configured and no embedded database yet. */
function firstRun(): boolean {
  if (process.env.DATABASE_URL || process.env.KAIROS_AUTO_SEED === "0") return false;
  const dir = process.env.PGLITE_DIR || ".data/pglite";
  return !dir.startsWith("memory://") && !fs.existsSync(path.resolve(dir));
}

/** Runs `node <args>` with this terminal, resolving to its exit code. */
function node(args: string[]): Promise<number> {
  return new Promise((resolve) => spawn(process.execPath, args, { stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1)));
}

/** Resolves once something accepts connections on the port (next dev listens before it says "Ready"). */
async function listening(): Promise<void> {
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "localhost", () => socket.end(() => resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main() {
  if (firstRun()) {
    console.log("First run: creating the embedded database with the demo organisation and its interviews …");
    const code = await node(["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/db.ts", "seed"]);
    if (code !== 0) process.exit(code);
  }
  const next = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--port", String(port), ...process.argv.slice(2).filter((a) => a !== "--emails")], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  next.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  // Ctrl-C reaches next dev too (same terminal); this process just waits for it to exit.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  await listening();
  console.log(
    devBanner({
      url: process.env.NEXTAUTH_URL!,
      demo: { email: DEMO_EMAIL, password: DEMO_PASSWORD, organization: DEMO_ORGANIZATION },
      resend: Boolean(process.env.RESEND_API_KEY),
      postgres: Boolean(process.env.DATABASE_URL),
      emails: process.argv.includes("--emails"),
    }),
  );
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
