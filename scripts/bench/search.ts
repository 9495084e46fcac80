// Search of answers and transcripts (issue 17), in process against the bench's PostgreSQL: p95 of
// searchAnswers for two-word queries with 1,000 answers, then again once the organisation has
// 100,000 (three written answers and two recorded ones with DONE transcripts per interview).
import { performance } from "node:perf_hooks";
import pg from "pg";
import { percentile } from "../support/harness";

const ORG = "org_search";
const USER = "user_search";
const JOB = "job_search";
const ANSWERS_PER_INTERVIEW = 5;
const WRITTEN_PER_INTERVIEW = 3;

// Words an answer is made of, most common first: each is drawn with a probability falling as 1/rank
// (Zipf, as words in real text), so a query of two words from the tail matches a small fraction
// (none of the tail's words shares its stem with a common one).
const VOCABULARY = `team project customer product code system service data release feature problem design
work time user test change process platform issue deploy review build support quality meeting
manager engineer goal decision result performance question plan approach solution experience
database api pipeline infrastructure migration architecture incident monitoring latency scale
security access cost budget roadmap stakeholder priority deadline estimate sprint backlog
feedback mentor junior senior hire interview onboarding documentation communication conflict
trust ownership responsibility failure lesson improvement metric dashboard alert outage recovery
backup restore cache queue worker cluster container kubernetes docker terraform cloud region
network firewall certificate encryption password token session cookie browser mobile android
ios frontend backend react typescript python java golang rust kotlin swift sql postgres mysql
redis kafka rabbitmq elasticsearch graphql rest grpc websocket microservice monolith refactor
legacy rewrite prototype experiment hypothesis analysis research interviewee persona journey
accessibility localisation translation timezone calendar invoice billing payment subscription
refund fraud compliance audit privacy consent retention deletion export import integration
webhook partner vendor contract negotiation pricing discount revenue churn growth funnel
conversion onboarding activation engagement survey interview usability wireframe mockup
figma sketch illustration animation typography colour layout grid component library storybook
lint formatter compiler bundler webpack vite babel transpile polyfill regression flaky
coverage snapshot fixture mock stub integration endtoend playwright cypress selenium jest
vitest benchmark profiler flamegraph memory leak garbage thread deadlock race mutex semaphore
lock transaction isolation replication failover sharding partition index vacuum bloat
checkpoint wal replica standby primary election consensus raft paxos gossip heartbeat
timeout retry backoff jitter idempotency deduplication ordering exactly once delivery
throughput bandwidth packet protocol handshake tls dns cdn edge origin proxy gateway
balancer autoscaling quota throttle limiter burst spike forecast capacity provisioning
hardware datacenter rack power cooling supplychain procurement laptop keyboard headset desk
remote office commute hybrid schedule holiday vacation parental leave burnout wellbeing
promotion salary equity bonus appraisal calibration ladder competency rubric scorecard
hackathon conference talk blog podcast newsletter opensource maintainer contributor
licence patent trademark lawsuit regulator tax accountant spreadsheet forecast quarterly
warehouse logistics shipping courier parcel inventory supplier manufacturing assembly
robot sensor firmware embedded microcontroller soldering oscilloscope voltage battery
satellite telescope genome protein molecule vaccine clinical trial hospital patient nurse
pharmacy prescription insurance claim underwriting actuary portfolio hedge arbitrage
blockchain ledger wallet mining validator oracle auction marketplace recommendation ranking`
  .split(/\s+/)
  .filter((word, i, all) => word && all.indexOf(word) === i);
const FILLER = "the a we i it was and to of in that for on with as our my they this then so but".split(" ");

/** Two-word queries from the vocabulary's tail (ranks 200 and beyond), fixed so both sizes run the same ones. */
function queries(count: number): string[] {
  const tail = VOCABULARY.slice(200);
  return Array.from({ length: count }, (_, i) => `${tail[(i * 7) % tail.length]} ${tail[(i * 13 + 5) % tail.length]}`);
}

async function seedOrganisation(client: pg.Client) {
  await client.query(`INSERT INTO "Organization" (id, name) VALUES ($1, 'Bench search')`, [ORG]);
  await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "emailVerifiedAt") VALUES ($1, 'recruiter@search.bench', 'Rita Recruiter', 'x', 'OWNER', $2, now())`, [USER, ORG]);
  await client.query(`INSERT INTO "Job" (id, "organizationId", title, description, "updatedAt") VALUES ($1, $2, 'Staff Engineer', 'Build the platform.', now())`, [JOB, ORG]);
  await client.query(
    `INSERT INTO "Candidate" (id, "organizationId", name, email, "timeZone", "updatedAt")
     SELECT $1 || '_c' || g, $1, 'Candidate ' || g, 'candidate' || g || '@search.bench', 'Europe/Berlin', now() FROM generate_series(1, 1000) g`,
    [ORG],
  );
}

/**
 * Interviews `from`..`to` (inclusive), each with five answers: three written, two recorded with a
 * DONE transcript in 4-second segments of ten words. One statement per table per batch.
 */
async function seedInterviews(client: pg.Client, from: number, to: number) {
  await client.query(
    `INSERT INTO "Interview" (id, "organizationId", "jobId", "candidateId", "createdById", status, "scheduledAt", "startedAt", "completedAt", "durationMinutes", "candidateTimeZone", "updatedAt")
     SELECT $1 || '_i' || g, $1, $2, $1 || '_c' || (1 + g % 1000), $3, 'COMPLETED', now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day',
       now() - (g % 365) * interval '1 day' + interval '20 minutes', 30, 'Europe/Berlin', now()
     FROM generate_series($4::int, $5::int) g`,
    [ORG, JOB, USER, from, to],
  );
  // A word: filler 40 % of the time, otherwise a vocabulary word at a log-uniform (1/rank) position.
  const word = `CASE WHEN random() < 0.4 THEN ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int]
    ELSE ($1::text[])[LEAST(array_length($1::text[], 1), floor(exp(random() * ln(array_length($1::text[], 1) + 1)))::int)] END`;
  // The inner series refers to the outer row (g, p), so PostgreSQL draws new words for every answer.
  const words = `ARRAY(SELECT ${word} FROM generate_series(1, 30 + ((g * 7 + p * 11) % 50)) k WHERE g > 0 AND p >= 0)`;
  await client.query(
    `INSERT INTO "InterviewAnswer" (id, "interviewId", position, prompt, "answerType", "prepSeconds", "answerSeconds", "presentedAt", "submittedAt", text)
     SELECT $3 || '_a' || g || '_' || p, $3 || '_i' || g, p, 'Question ' || (p + 1) || ': tell us about a hard problem you solved.',
       (CASE WHEN p < $6 THEN 'TEXT' ELSE 'VIDEO' END)::"AnswerType", 30, 180,
       now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day' + (p + 1) * interval '3 minutes',
       CASE WHEN p < $6 THEN array_to_string(${words}, ' ') ELSE '' END
     FROM generate_series($4::int, $5::int) g, generate_series(0, ${ANSWERS_PER_INTERVIEW - 1}) p`,
    [VOCABULARY, FILLER, ORG, from, to, WRITTEN_PER_INTERVIEW],
  );
  await client.query(
    `WITH spoken AS (
       SELECT g, p, ${words} AS w FROM generate_series($4::int, $5::int) g, generate_series($6::int, ${ANSWERS_PER_INTERVIEW - 1}) p
     )
     INSERT INTO "Transcript" (id, "answerId", "interviewId", "organizationId", status, "nextAttemptAt", language, engine, text, segments, "completedAt", "updatedAt")
     SELECT $3 || '_t' || g || '_' || p, $3 || '_a' || g || '_' || p, $3 || '_i' || g, $3, 'DONE', now(), 'en', 'offline', array_to_string(w, ' '),
       (SELECT jsonb_agg(jsonb_build_object('startMs', s * 4000, 'endMs', s * 4000 + 4000, 'text', array_to_string(w[s * 10 + 1 : s * 10 + 10], ' ')) ORDER BY s)
          FROM generate_series(0, (array_length(w, 1) - 1) / 10) s),
       now(), now()
     FROM spoken`,
    [VOCABULARY, FILLER, ORG, from, to, WRITTEN_PER_INTERVIEW],
  );
}

export interface SearchLevel {
  answers: number;
  p95: number;
  median: number;
  /** Mean matches per query (written answers and transcripts together). */
  meanMatches: number;
}

/** Matches of a query in the organisation (the GIN indexes alone). */
async function countMatches(client: pg.Client, q: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM "InterviewAnswer" WHERE "searchVector" @@ websearch_to_tsquery('english', $1))
          + (SELECT count(*) FROM "Transcript" WHERE "searchVector" @@ websearch_to_tsquery('english', $1) AND status = 'DONE') AS n`,
    [q],
  );
  return Number(rows[0]!.n);
}

/**
 * Two-word queries (any ranks) that match between `min` and `max` answers at the current size: the
 * same amount of work per query (ranking, a page of headlines) on both sizes, so what is left to
 * compare is what the corpus's size costs.
 */
async function queriesMatching(client: pg.Client, count: number, min: number, max: number): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < 3_000 && found.length < count; i++) {
    const q = `${VOCABULARY[(i * 37) % VOCABULARY.length]} ${VOCABULARY[(i * 101 + 11) % VOCABULARY.length]}`;
    const n = await countMatches(client, q);
    if (n >= min && n <= max) found.push(q);
  }
  return found;
}

export interface SearchBench {
  /** The same 40 tail queries on both sizes: their matches grow with the corpus. */
  same: SearchLevel[];
  /** Queries chosen on each size to match 20–80 answers: the corpus's size alone. */
  sized: SearchLevel[];
  queries: number;
}

export async function benchSearch({ small = 1_000, large = 100_000, runs = 200, warmup = 20 } = {}): Promise<SearchBench> {
  const { db } = await import("@/lib/db");
  const { searchAnswers } = await import("@/lib/interviews/review/search");
  await db(); // the pool is open before the first timed call
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  const viewer = { userId: USER, organizationId: ORG, role: "OWNER" as const };
  const tail = queries(40);
  const measure = async (answers: number, list: string[]): Promise<SearchLevel> => {
    for (let i = 0; i < warmup; i++) await searchAnswers(viewer, { q: list[i % list.length]! });
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const result = await searchAnswers(viewer, { q: list[i % list.length]! });
      times.push(performance.now() - started);
      matches += result.total;
    }
    return { answers, p95: percentile(times, 95), median: percentile(times, 50), meanMatches: matches / runs };
  };
  const level = async (answers: number) => {
    // As autovacuum would have by then: fresh statistics, and the GIN indexes' pending lists (where
    // rows inserted in bulk wait, scanned in full by every search) merged into the indexes.
    await client.query(`VACUUM ANALYZE "Interview", "InterviewAnswer", "Transcript"`);
    const sized = await queriesMatching(client, tail.length, 20, 80);
    return { same: await measure(answers, tail), sized: await measure(answers, sized) };
  };
  try {
    await seedOrganisation(client);
    const interviews = (answers: number) => Math.round(answers / ANSWERS_PER_INTERVIEW);
    await seedInterviews(client, 1, interviews(small));
    const first = await level(small);
    for (let from = interviews(small) + 1; from <= interviews(large); from += 2_000) await seedInterviews(client, from, Math.min(interviews(large), from + 1_999));
    const second = await level(large);
    return { same: [first.same, second.same], sized: [first.sized, second.sized], queries: tail.length };
  } finally {
    await client.end();
  }
}
