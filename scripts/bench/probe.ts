// A profiling aid for the figures `npm run bench` reports: on the database it left behind, with
// nothing else using it, how many PostgreSQL statements and how much server time one request of
// each HTTP target costs (sequential requests, no concurrency).
// Usage, after a bench run: DATABASE_URL=… NODE_ENV=production node --import ./scripts/server-only-hook.mjs --import tsx scripts/bench/probe.ts
import pg from "pg";
import { encode } from "next-auth/jwt";
import { AUTH_SECRET, BENCH_DATABASE, keyHash, sessionIdOf } from "./setup";
import { checkDatabaseUrl } from "../support/database";
import { sleep } from "../support/harness";
import { startServer } from "../support/processes";

const url = checkDatabaseUrl(process.env.DATABASE_URL, BENCH_DATABASE);
const openKey = "o".repeat(43);
const earlyKey = "e".repeat(43);

async function commits(client: pg.Client): Promise<number> {
  // Backends flush their counters when idle (at most every 10 s in PostgreSQL 15): wait for that.
  await sleep(11_500);
  const { rows } = await client.query(`SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()`);
  return Number(rows[0].n);
}

async function main() {
  const server = await startServer({
    env: {
      DATABASE_URL: url,
      AUTH_SECRET,
      RESEND_API_KEY: "re_bench",
      RESEND_BASE_URL: "http://127.0.0.1:9",
      OUTBOX_POLL_MS: "0",
    },
  });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Known keys for the seeded open and too-early interviews, and the open one back inside its window.
  await client.query(`UPDATE "InterviewSession" SET "keyHash" = $1 WHERE id = 'bench_open_s'`, [keyHash(openKey)]);
  await client.query(`UPDATE "InterviewSession" SET "keyHash" = $1 WHERE id = 'bench_early_s'`, [keyHash(earlyKey)]);
  await client.query(`UPDATE "Interview" SET "scheduledAt" = now() + interval '10 minutes', status = 'SCHEDULED' WHERE id = 'bench_open'`);
  const session = async (userId: string) => `next-auth.session-token=${await encode({ token: { sub: userId, uid: userId, sid: sessionIdOf(userId) }, secret: AUTH_SECRET })}`;
  const targets = [
    { name: "/sign-in", path: "/sign-in", headers: {} as Record<string, string> },
    { name: "lobby", path: "/interview", headers: { cookie: `kairos_interview=${openKey}` } },
    { name: "unknown key", path: "/interview", headers: { cookie: `kairos_interview=${"A".repeat(43)}` } },
    { name: "too early", path: "/interview", headers: { cookie: `kairos_interview=${earlyKey}` } },
    { name: "list @100", path: "/interviews", headers: { cookie: await session("user_small") } },
    { name: "list @100k", path: "/interviews", headers: { cookie: await session("user_big") } },
    // 5 reviewers × 10 questions, every scorecard submitted (setup.ts, reviewOrg).
    { name: "review page", path: "/interviews/cbenchreviewinterview1", headers: { cookie: await session("user_review") } },
    { name: "compare 200", path: "/compare/job_review", headers: { cookie: await session("user_review") } },
  ];
  try {
    const N = 40;
    for (const t of targets) {
      for (let i = 0; i < 5; i++) await (await fetch(server.url + t.path, { headers: { ...t.headers, "x-forwarded-for": `198.51.100.${i}` } })).arrayBuffer();
      const before = await commits(client);
      const times: number[] = [];
      let status = 0;
      for (let i = 0; i < N; i++) {
        const started = performance.now();
        const res = await fetch(server.url + t.path, { headers: { ...t.headers, "x-forwarded-for": `203.0.113.${i}` } });
        await res.arrayBuffer();
        status = res.status;
        times.push(performance.now() - started);
      }
      const after = await commits(client);
      times.sort((a, b) => a - b);
      // The probe's own pg_stat_database read is one transaction.
      console.log(`${t.name.padEnd(12)} ${status}  ${((after - before - 1) / N).toFixed(1)} statements/request  median ${times[N >> 1]!.toFixed(1)} ms (sequential)`);
    }
  } finally {
    await client.end();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
