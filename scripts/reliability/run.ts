// npm run reliability [-- --build] [-- --count=500] [-- --outage-seconds=30] [-- --provider-rate=25]: the reliability runs of
// issue #6 against real `next start` processes and `npm run worker` loops on one PostgreSQL, with
// the Resend stub (scripts/support/resend-stub.ts) as the provider. Prints the figures; exits 1 when
// an invariant fails. Needs DATABASE_URL to a local PostgreSQL it may wipe (see setup.ts).
import fs from "node:fs";
import os from "node:os";
import { closeDb, db } from "@/lib/db";
import { EmailKind } from "@/lib/generated/prisma/enums";
import { checkDatabaseUrl, resetAndMigrate } from "../support/database";
import { cleanUpOnSignals, machineSummary, nextBuild, progressLog } from "../support/harness";
import { rollingRateLimit, startResendStub, type ResendStub } from "../support/resend-stub";
import { strayRequests } from "./delivery";
import { crash, outage, startFleet, stopFleet, twoInstances, type Context, type Result } from "./scenarios";
import { RELIABILITY_DATABASE, seed } from "./setup";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.split("=")[1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const COUNT = option("count", 500);
const OUTAGE_COUNT = option("outage-count", 200);
const CRASH_COUNT = option("crash-count", 5);
const OUTAGE_MS = option("outage-seconds", 30) * 1000;
// Resend's limit is per team; every server and worker shares it through the database (lib/email/pace.ts).
const PROVIDER_RATE = option("provider-rate", 25);
const PORT_BASE = Number(process.env.RELIABILITY_PORT ?? 3300);

const started = Date.now();
const log = progressLog("reliability", started);

let ctx: Context | null = null;
let stub: ResendStub | null = null;
async function cleanup() {
  if (ctx) await Promise.all([...ctx.procs].map((p) => p.stop().catch(() => "")));
  await stub?.stop().catch(() => {});
  await closeDb().catch(() => {});
}
cleanUpOnSignals(cleanup);

function table(results: Result[], stray: number, totalMs: number): string {
  const lines: string[] = [];
  lines.push("| run | invitations | accepted once | resends caught by the key | duplicates | lost | |");
  lines.push("|---|---:|---:|---:|---:|---:|---|");
  for (const r of results) {
    const a = r.audit;
    lines.push(`| ${r.name} | ${a.expected} | ${a.accepted} | ${a.replayed} | ${a.duplicates} | ${a.lost} | ${r.violations.length ? "**FAILED**" : "ok"} |`);
  }
  lines.push("");
  lines.push("| run | figure | value |");
  lines.push("|---|---|---|");
  for (const r of results) {
    for (const [name, value] of r.figures) lines.push(`| ${r.name} | ${name} | ${value} |`);
    const outcomes = Object.entries(r.audit.outcomes).map(([k, v]) => `${v} ${k}`).join(", ");
    lines.push(`| ${r.name} | requests at the provider | ${outcomes || "none"} |`);
  }
  lines.push("");
  lines.push(`Requests at the provider for anything but these invitations: ${stray}. Whole run: ${(totalMs / 1000).toFixed(0)} s; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}.`);
  return lines.join("\n");
}

async function main() {
  const url = checkDatabaseUrl(process.env.DATABASE_URL, RELIABILITY_DATABASE);
  log(machineSummary());

  if (args.includes("--build") || !fs.existsSync(".next/BUILD_ID")) {
    log("next build …");
    nextBuild();
  } else {
    log("reusing the production build in .next (--build to rebuild)");
  }

  log("resetting, migrating and seeding the database …");
  await resetAndMigrate(url);
  const seeded = await seed({ multi: COUNT, outage: OUTAGE_COUNT, crash: CRASH_COUNT, midsend: CRASH_COUNT });
  stub = await startResendStub({ port: PORT_BASE });
  const providerLimit = rollingRateLimit(PROVIDER_RATE).fault;
  stub.fault = providerLimit;
  log(`Resend stub on ${stub.url}, limited to ${PROVIDER_RATE} requests a second (429 beyond)`);
  ctx = { databaseUrl: url, stub, seeded, portBase: PORT_BASE, procs: new Set(), log, providerRate: PROVIDER_RATE, providerLimit };

  const results: Result[] = [];
  const fleet = await startFleet(ctx);
  results.push(await twoInstances(ctx, fleet, COUNT));
  results.push(await outage(ctx, fleet, OUTAGE_COUNT, OUTAGE_MS));
  await stopFleet(ctx, fleet);
  results.push(await crash(ctx, CRASH_COUNT));

  // Every invitation in the database is one of the runs'; reminders (planned for two days out) must not have gone.
  const prisma = await db();
  const known = new Set((await prisma.outboxEmail.findMany({ where: { kind: EmailKind.INVITATION }, select: { id: true } })).map((r) => r.id));
  const stray = strayRequests(stub, known).length;

  console.log(table(results, stray, Date.now() - started));
  const failed = results.filter((r) => r.violations.length > 0);
  for (const r of failed) {
    console.log(`\n${r.name} FAILED:`);
    for (const v of r.violations.slice(0, 20)) console.log(`  - ${v}`);
    if (r.violations.length > 20) console.log(`  … ${r.violations.length - 20} more`);
  }
  if (stray > 0) console.log(`\n${stray} requests reached the provider for something other than the runs' invitations.`);
  return failed.length === 0 && stray === 0;
}

main()
  .then(async (ok) => {
    await cleanup();
    log(ok ? "every invariant held" : "an invariant failed");
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    if (ctx) for (const p of ctx.procs) console.error(`--- ${p.name} (pid ${p.pid}) log tail ---\n${p.log.join("").slice(-3000)}`);
    await cleanup();
    process.exit(1);
  });
