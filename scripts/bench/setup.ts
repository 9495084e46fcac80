// Database for the benchmark: a local PostgreSQL only (reset and migrated by ../support/database.ts), seeded in bulk.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import type { WipeableDatabase } from "../support/database";

/** npm run bench wipes its database: a local one whose name says it is for benchmarks. */
export const BENCH_DATABASE: WipeableDatabase = {
  name: /bench/i,
  why: 'the benchmark resets its database, so its name must contain "bench".',
  howTo: `npm run bench needs DATABASE_URL pointing at a local PostgreSQL it may wipe
(see README, "Database"). On this machine (cluster 15/main, role kairos/kairos):

  pg_ctlcluster 15 main start
  su postgres -c "dropdb --if-exists kairos_bench && createdb -O kairos kairos_bench"
  DATABASE_URL=postgresql://kairos:kairos@127.0.0.1:5432/kairos_bench npm run bench`,
};

/** The secret the benchmark's server signs sessions with (the benchmark signs its own cookies). */
export const AUTH_SECRET = "kairos-bench-secret-0123456789abcdef0123456789";

export const keyHash = (key: string) => createHash("sha256").update(key).digest("hex");
/** The session row seeded for a bench user: its signed cookie must name it (lib/accounts/sessions.ts). */
export const sessionIdOf = (userId: string) => `session_${userId}`;
const newKey = () => randomBytes(32).toString("base64url");
/** Candidates of the scheduling organisation: benchSchedule's 20 warm-up and 1,000 timed calls each take one of their own. */
const SCHEDULE_CANDIDATES = 1_020;

export interface Seeded {
  big: { orgId: string; userId: string; email: string; interviews: number };
  small: { orgId: string; userId: string; email: string; interviews: number };
  /** For scheduleInterview: an org of its own, so its queued emails can be set aside. */
  scheduler: { orgId: string; userId: string; jobId: string; candidateIds: string[] };
  /** A job's 200 completed interviews × 10 questions, each scored by 5 reviewers (submitted): the review page and the compare view. */
  review: { orgId: string; userId: string; email: string; jobId: string; interviewId: string; interviews: number; apiKey: string };
  openKey: string;
  earlyKey: string;
  unknownKey: string;
}

/** The review organisation's shape (issue 15's performance targets). */
export const REVIEW_BENCH = { interviews: 200, questions: 10, reviewers: 5 } as const;

/** Seeds two organisations (100,000 and 100 interviews) with INSERT … SELECT generate_series. */
export async function seed(url: string, bigCount = 100_000, smallCount = 100): Promise<Seeded> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  try {
    const org = async (name: string, interviews: number, candidates: number) => {
      const id = `org_${name}`;
      const userId = `user_${name}`;
      const email = `recruiter@${name}.bench`;
      const jobId = `job_${name}`;
      await q(`INSERT INTO "Organization" (id, name) VALUES ($1, $2)`, [id, `Bench ${name}`]);
      // The password is never used: the benchmark signs a session cookie itself, for the session
      // row below. Verified, as every account made through sign-up is, so it may schedule.
      await q(`INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "emailVerifiedAt") VALUES ($1, $2, 'Rita Recruiter', 'x', 'OWNER', $3, now())`, [userId, email, id]);
      await q(`INSERT INTO "UserSession" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '30 days')`, [sessionIdOf(userId), userId]);
      await q(`INSERT INTO "Job" (id, "organizationId", title, description, "updatedAt") VALUES ($1, $2, 'Staff Engineer', 'Build the platform.', now())`, [jobId, id]);
      await q(
        `INSERT INTO "Question" (id, "jobId", position, prompt) SELECT $1 || '_q' || g, $1, g, 'Question ' || (g + 1) || ': tell us about a hard problem you solved.' FROM generate_series(0, 4) g`,
        [jobId],
      );
      await q(
        `INSERT INTO "Candidate" (id, "organizationId", name, email, "timeZone", "updatedAt")
         SELECT $1 || '_c' || g, $1, 'Candidate ' || g, 'candidate' || g || '@' || $2 || '.bench', 'Europe/Berlin', now() FROM generate_series(1, $3::int) g`,
        [id, name, candidates],
      );
      // Spread over a year around now, so "upcoming" (the list's default tab) holds about half.
      await q(
        `INSERT INTO "Interview" (id, "organizationId", "jobId", "candidateId", "createdById", status, "scheduledAt", "durationMinutes", "candidateTimeZone", "updatedAt")
         SELECT $1 || '_i' || g, $1, $2, $1 || '_c' || (1 + g % $4::int), $3,
           (CASE WHEN g % 10 = 0 THEN 'COMPLETED' WHEN g % 17 = 0 THEN 'CANCELLED' ELSE 'SCHEDULED' END)::"InterviewStatus",
           now() - interval '182 days' + (g * (interval '365 days' / GREATEST($5::int, 1))), 30, 'Europe/Berlin', now()
         FROM generate_series(1, $5::int) g`,
        [id, jobId, userId, candidates, interviews],
      );
      await q(
        `INSERT INTO "InterviewSession" (id, "interviewId", "keyHash") SELECT $1 || '_s' || g, $1 || '_i' || g, md5($1 || g::text) || md5(g::text || $1) FROM generate_series(1, $2::int) g`,
        [id, interviews],
      );
      // Each interview's invitation, already sent (the list shows its delivery state).
      await q(
        `INSERT INTO "OutboxEmail" (id, "organizationId", "interviewId", kind, "toEmail", subject, html, text, status, attempts, "sentAt", "deliveryState", "updatedAt")
         SELECT $1 || '_e' || g, $1, $1 || '_i' || g, 'INVITATION', 'candidate' || g || '@bench', 'Your interview', '<p>[redacted]</p>', '[redacted]', 'SENT', 1, now(),
           (CASE WHEN g % 3 = 0 THEN 'DELIVERED' END)::"DeliveryState", now()
         FROM generate_series(1, $2::int) g`,
        [id, interviews],
      );
      return { orgId: id, userId, email, jobId, interviews };
    };
    const big = await org("big", bigCount, 5_000);
    const small = await org("small", smallCount, 100);
    // A candidate per scheduleInterview call (warm-up included): one open interview per candidate and job.
    const sched = await org("scheduler", 0, SCHEDULE_CANDIDATES);

    // Two candidate keys in the small org: one in its join window, one far too early.
    const openKey = newKey();
    const earlyKey = newKey();
    for (const [suffix, key, offset] of [["open", openKey, "10 minutes"], ["early", earlyKey, "3 hours"]] as const) {
      await q(
        `INSERT INTO "Interview" (id, "organizationId", "jobId", "candidateId", "createdById", status, "scheduledAt", "durationMinutes", "candidateTimeZone", "updatedAt")
         VALUES ($1, $2, $3, $2 || '_c1', $4, 'SCHEDULED', now() + $5::interval, 30, 'Europe/Berlin', now())`,
        [`bench_${suffix}`, small.orgId, small.jobId, small.userId, offset],
      );
      await q(`INSERT INTO "InterviewSession" (id, "interviewId", "keyHash") VALUES ($1, $2, $3)`, [`bench_${suffix}_s`, `bench_${suffix}`, keyHash(key)]);
    }
    const review = await reviewOrg(q);
    await q("ANALYZE");
    const candidateIds = Array.from({ length: SCHEDULE_CANDIDATES }, (_, i) => `${sched.orgId}_c${i + 1}`);
    return {
      big: { orgId: big.orgId, userId: big.userId, email: big.email, interviews: bigCount },
      small: { orgId: small.orgId, userId: small.userId, email: small.email, interviews: smallCount },
      scheduler: { orgId: sched.orgId, userId: sched.userId, jobId: sched.jobId, candidateIds },
      review,
      openKey,
      earlyKey,
      unknownKey: newKey(),
    };
  } finally {
    await client.end();
  }
}

/**
 * The review organisation: an owner, 5 reviewers asked about every interview, one job of 10
 * questions and its 200 completed interviews with written answers, each with 5 submitted
 * scorecards rating every answer (1–5, spread so that the means differ). Set-based, like the rest.
 */
async function reviewOrg(q: (sql: string, params?: unknown[]) => Promise<unknown>) {
  const { interviews, questions, reviewers } = REVIEW_BENCH;
  const orgId = "org_review";
  const userId = "user_review";
  const email = "recruiter@review.bench";
  const jobId = "job_review";
  await q(`INSERT INTO "Organization" (id, name) VALUES ($1, 'Bench review')`, [orgId]);
  await q(`INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "emailVerifiedAt") VALUES ($1, $2, 'Rita Recruiter', 'x', 'OWNER', $3, now())`, [userId, email, orgId]);
  await q(`INSERT INTO "UserSession" (id, "userId", "expiresAt") VALUES ($1, $2, now() + interval '30 days')`, [sessionIdOf(userId), userId]);
  await q(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "emailVerifiedAt")
     SELECT 'user_review_r' || g, 'reviewer' || g || '@review.bench', 'Reviewer ' || g, 'x', 'REVIEWER', $1, now() FROM generate_series(1, $2::int) g`,
    [orgId, reviewers],
  );
  await q(`INSERT INTO "Job" (id, "organizationId", title, description, "updatedAt") VALUES ($1, $2, 'Product Designer', 'Design the product.', now())`, [jobId, orgId]);
  await q(
    `INSERT INTO "Question" (id, "jobId", position, prompt) SELECT $1 || '_q' || g, $1, g, 'Question ' || (g + 1) || ': walk us through a design decision you would make again.' FROM generate_series(0, $2::int - 1) g`,
    [jobId, questions],
  );
  await q(
    `INSERT INTO "Candidate" (id, "organizationId", name, email, "timeZone", "updatedAt")
     SELECT $1 || '_c' || g, $1, 'Candidate ' || g, 'candidate' || g || '@review.bench', 'Europe/Berlin', now() FROM generate_series(1, $2::int) g`,
    [orgId, interviews],
  );
  await q(
    `INSERT INTO "Interview" (id, "organizationId", "jobId", "candidateId", "createdById", status, "scheduledAt", "durationMinutes", "candidateTimeZone", "startedAt", "completedAt", "updatedAt")
     SELECT $1 || '_i' || g, $1, $2, $1 || '_c' || g, $3, 'COMPLETED', now() - (g * interval '1 hour'), 30, 'Europe/Berlin',
       now() - (g * interval '1 hour'), now() - (g * interval '1 hour') + interval '25 minutes', now()
     FROM generate_series(1, $4::int) g`,
    [orgId, jobId, userId, interviews],
  );
  await q(`INSERT INTO "InterviewSession" (id, "interviewId", "keyHash") SELECT $1 || '_s' || g, $1 || '_i' || g, md5('review' || g) || md5(g || 'review') FROM generate_series(1, $2::int) g`, [orgId, interviews]);
  await q(
    `INSERT INTO "InterviewAnswer" (id, "interviewId", position, prompt, "answerType", "prepSeconds", "answerSeconds", "presentedAt", "answerStartedAt", "submittedAt", "savedAt", text)
     SELECT $1 || '_i' || i || '_a' || p, $1 || '_i' || i, p, 'Question ' || (p + 1) || ': walk us through a design decision you would make again.', 'TEXT', 30, 300,
       now() - interval '1 hour', now() - interval '1 hour', now() - interval '55 minutes', now() - interval '55 minutes',
       repeat('Candidate ' || i || ' answers question ' || (p + 1) || ' with a considered, specific story. ', 8)
     FROM generate_series(1, $2::int) i, generate_series(0, $3::int - 1) p`,
    [orgId, interviews, questions],
  );
  await q(
    `INSERT INTO "ReviewRequest" (id, "organizationId", "interviewId", "reviewerId", "requestedById")
     SELECT $1 || '_rr' || i || '_' || r, $1, $1 || '_i' || i, 'user_review_r' || r, $2 FROM generate_series(1, $3::int) i, generate_series(1, $4::int) r`,
    [orgId, userId, interviews, reviewers],
  );
  await q(
    `INSERT INTO "Scorecard" (id, "organizationId", "interviewId", "reviewerId", "reviewerName", recommendation, comment, "submittedAt", "updatedAt")
     SELECT $1 || '_sc' || i || '_' || r, $1, $1 || '_i' || i, 'user_review_r' || r, 'Reviewer ' || r,
       (ARRAY['STRONG_NO', 'NO', 'YES', 'STRONG_YES'])[1 + (i + r) % 4]::"ScoreRecommendation", 'Overall, a reasonable candidate.', now(), now()
     FROM generate_series(1, $2::int) i, generate_series(1, $3::int) r`,
    [orgId, interviews, reviewers],
  );
  await q(
    `INSERT INTO "ScorecardRating" ("scorecardId", "answerId", rating, notes, "updatedAt")
     SELECT $1 || '_sc' || i || '_' || r, $1 || '_i' || i || '_a' || p, 1 + (i * 7 + r * 3 + p) % 5, 'Notes on this answer.', now()
     FROM generate_series(1, $2::int) i, generate_series(1, $3::int) r, generate_series(0, $4::int - 1) p`,
    [orgId, interviews, reviewers, questions],
  );
  // An API key of the owner's, for the public API's row (fixed: a bench database is thrown away).
  const apiKey = `kairos_${"b".repeat(43)}`;
  await q(
    `INSERT INTO "ApiKey" (id, "organizationId", name, prefix, "tokenHash", scopes, "createdById") VALUES ($1 || '_key', $1, 'Bench', $2, $3, ARRAY['interviews:read'], $4)`,
    [orgId, apiKey.slice(0, 11), createHash("sha256").update(apiKey).digest("hex"), userId],
  );
  // The measured interview gets a cuid-shaped id (the public API takes only ids shaped as Kairos
  // makes them); its answers, scorecards and requests follow it (ON UPDATE CASCADE).
  const interviewId = "cbenchreviewinterview1";
  await q(`UPDATE "Interview" SET id = $1 WHERE id = $2 || '_i1'`, [interviewId, orgId]);
  return { orgId, userId, email, jobId, interviewId, interviews, apiKey };
}
