import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteConnection } from "@/lib/db";
import { migrate, readMigrations, type MigrationConnection } from "@/lib/db-migrate";

// The scorecards migration moves live review data (ratings, notes, recommendations) into new
// tables and drops the old columns, so it is tested on a database populated the way the app left
// it before: migrate up to the migration before it, insert rows with raw SQL, apply the rest.
// PGlite by default; with DATABASE_URL, a scratch schema of that PostgreSQL (dropped afterwards),
// so the shared database the other files use is never touched.
const MIGRATION = "20261206160000_scorecards";

let conn: MigrationConnection;
let close: () => Promise<void>;

async function open(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const pglite = await PGlite.create();
    conn = pgliteConnection(pglite);
    close = () => pglite.close();
    return;
  }
  const schema = `scorecards_migration_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.query(`SET search_path TO "${schema}"`);
  conn = {
    // Not shared: the scratch schema is this file's alone, and Prisma's advisory lock would make it wait for another file's migrate.
    shared: false,
    exec: async (sql) => void (await client.query(sql)),
    query: async <T,>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
  };
  close = async () => {
    await client.query(`DROP SCHEMA "${schema}" CASCADE`);
    await client.end();
  };
}

const T = (iso: string) => new Date(iso);

beforeAll(async () => {
  await open();
  const migrations = await readMigrations();
  const index = migrations.findIndex((m) => m.name === MIGRATION);
  expect(index).toBeGreaterThan(0);
  await migrate(conn, migrations.slice(0, index));

  // The organisation as it was: an owner, a recruiter who schedules, a recruiter who left.
  await conn.exec(`
    INSERT INTO "Organization" (id, name) VALUES ('org', 'Acme'), ('org2', 'Other');
    INSERT INTO "User" (id, email, name, "passwordHash", role, "organizationId", "createdAt") VALUES
      ('owner', 'owner@acme.test', 'Olive Owner', 'x', 'OWNER', 'org', '2026-01-01'),
      ('late-owner', 'owner2@acme.test', 'Later Owner', 'x', 'OWNER', 'org', '2026-02-01'),
      ('rec', 'rec@acme.test', 'Rita Recruiter', 'x', 'RECRUITER', 'org', '2026-01-02'),
      ('gone', 'gone@acme.test', 'Gus Gone', 'x', 'RECRUITER', 'org', '2026-01-03'),
      ('other', 'other@other.test', 'Other Owner', 'x', 'OWNER', 'org2', '2025-01-01');
    INSERT INTO "Job" (id, "organizationId", title, "updatedAt") VALUES ('job', 'org', 'Engineer', now());
    INSERT INTO "Candidate" (id, "organizationId", name, email, "timeZone", "updatedAt") VALUES ('cand', 'org', 'Cara', 'cara@x.test', 'UTC', now());
  `);
  const interview = (id: string, createdBy: string | null, extra: string) =>
    `INSERT INTO "Interview" (id, "organizationId", "jobId", "candidateId", "createdById", status, "scheduledAt", "durationMinutes", "candidateTimeZone", "completedAt", "updatedAt"${extra ? ", " + extra.split("|")[0] : ""})
     VALUES ('${id}', 'org', 'job', 'cand', ${createdBy ? `'${createdBy}'` : "NULL"}, 'COMPLETED', '2026-03-01', 30, 'UTC', '2026-03-01 00:30', now()${extra ? ", " + extra.split("|")[1] : ""});`;
  const answers = (interviewId: string, rows: Array<[number | null, string]>) =>
    rows
      .map(
        ([rating, notes], position) =>
          `INSERT INTO "InterviewAnswer" (id, "interviewId", position, prompt, "answerType", "prepSeconds", "answerSeconds", text, rating, "reviewNotes")
           VALUES ('${interviewId}-a${position}', '${interviewId}', ${position}, 'Q${position}?', 'TEXT', 30, 120, 'answer', ${rating ?? "NULL"}, '${notes}');`,
      )
      .join("\n");
  await conn.exec(`
    ${interview("advanced", "rec", `recommendation, "recommendationComment", "reviewedAt", "reviewedById"|'ADVANCE', 'Strong hire.', '2026-03-02 10:00', 'owner'`)}
    ${answers("advanced", [[4, "Clear."], [5, ""], [null, ""]])}
    ${interview("held", "rec", `recommendation, "recommendationComment", "reviewedAt", "reviewedById"|'HOLD', 'Wait for the others.', '2026-03-03 10:00', 'rec'`)}
    ${answers("held", [[3, ""]])}
    ${interview("notes-only", "rec", "")}
    ${answers("notes-only", [[null, ""], [null, "Started reading; mumbled."]])}
    ${interview("untouched", "rec", "")}
    ${answers("untouched", [[null, ""], [null, ""]])}
    ${interview("orphan", "gone", `recommendation, "recommendationComment", "reviewedAt", "reviewedById"|'REJECT', '', '2026-03-04 10:00', 'gone'`)}
    ${answers("orphan", [[2, "Weak."]])}
    ${interview("rec-reviewed", "gone", `recommendation, "reviewedAt", "reviewedById"|'REJECT', '2026-03-05 10:00', 'rec'`)}
    ${answers("rec-reviewed", [[1, ""]])}
    DELETE FROM "User" WHERE id = 'gone';
  `);

  const result = await migrate(conn, migrations);
  expect(result.applied).toEqual(migrations.slice(index).map((m) => m.name));
});

afterAll(async () => {
  await close?.();
});

interface ScorecardRow {
  interviewId: string;
  reviewerId: string | null;
  reviewerName: string;
  recommendation: string | null;
  comment: string;
  submittedAt: Date | null;
}

async function scorecard(interviewId: string) {
  const rows = await conn.query<ScorecardRow>(
    `SELECT "interviewId", "reviewerId", "reviewerName", recommendation, comment, "submittedAt" FROM "Scorecard" WHERE "interviewId" = $1`,
    [interviewId],
  );
  return rows;
}

async function ratings(interviewId: string) {
  return conn.query<{ answerId: string; rating: number | null; notes: string }>(
    `SELECT r."answerId", r.rating, r.notes FROM "ScorecardRating" r JOIN "Scorecard" s ON s.id = r."scorecardId"
     WHERE s."interviewId" = $1 ORDER BY r."answerId"`,
    [interviewId],
  );
}

async function decision(interviewId: string) {
  const [row] = await conn.query<{ decision: string | null; decisionComment: string; decidedAt: Date | null; decidedById: string | null }>(
    `SELECT decision, "decisionComment", "decidedAt", "decidedById" FROM "Interview" WHERE id = $1`,
    [interviewId],
  );
  return row;
}

describe("the scorecards migration on a populated database", () => {
  it("turns a rated interview recommended ADVANCE into the scheduler's submitted YES scorecard, keeping the decision", async () => {
    expect(await scorecard("advanced")).toEqual([
      { interviewId: "advanced", reviewerId: "rec", reviewerName: "Rita Recruiter", recommendation: "YES", comment: "Strong hire.", submittedAt: T("2026-03-02T10:00:00Z") },
    ]);
    // Only answers with something on them get a rating row.
    expect(await ratings("advanced")).toEqual([
      { answerId: "advanced-a0", rating: 4, notes: "Clear." },
      { answerId: "advanced-a1", rating: 5, notes: "" },
    ]);
    expect(await decision("advanced")).toEqual({ decision: "ADVANCE", decisionComment: "Strong hire.", decidedAt: T("2026-03-02T10:00:00Z"), decidedById: "owner" });
  });

  it("gives HOLD no scorecard recommendation, submitted when it was recorded; the decision stays HOLD", async () => {
    expect(await scorecard("held")).toEqual([
      { interviewId: "held", reviewerId: "rec", reviewerName: "Rita Recruiter", recommendation: null, comment: "Wait for the others.", submittedAt: T("2026-03-03T10:00:00Z") },
    ]);
    expect(await ratings("held")).toEqual([{ answerId: "held-a0", rating: 3, notes: "" }]);
    expect((await decision("held")).decision).toBe("HOLD");
  });

  it("keeps notes without a rating or a recommendation as a draft scorecard", async () => {
    expect(await scorecard("notes-only")).toEqual([
      { interviewId: "notes-only", reviewerId: "rec", reviewerName: "Rita Recruiter", recommendation: null, comment: "", submittedAt: null },
    ]);
    expect(await ratings("notes-only")).toEqual([{ answerId: "notes-only-a1", rating: null, notes: "Started reading; mumbled." }]);
    expect(await decision("notes-only")).toEqual({ decision: null, decisionComment: "", decidedAt: null, decidedById: null });
  });

  it("gives an interview nobody reviewed no scorecard", async () => {
    expect(await scorecard("untouched")).toEqual([]);
  });

  it("credits a deleted creator's review to the member who recorded it, else to the earliest owner", async () => {
    // Created and reviewed by the member who was removed: the earliest owner (not the later one).
    expect(await scorecard("orphan")).toEqual([
      { interviewId: "orphan", reviewerId: "owner", reviewerName: "Olive Owner", recommendation: "NO", comment: "", submittedAt: T("2026-03-04T10:00:00Z") },
    ]);
    expect(await ratings("orphan")).toEqual([{ answerId: "orphan-a0", rating: 2, notes: "Weak." }]);
    // The decision keeps its decider even though the account is gone (no foreign key, as before).
    expect(await decision("orphan")).toMatchObject({ decision: "REJECT", decidedById: "gone" });
    // Created by the removed member, recommended by a current one: theirs.
    expect((await scorecard("rec-reviewed"))[0]).toMatchObject({ reviewerId: "rec", recommendation: "NO" });
  });

  it("drops the old columns and adds none of another organisation's", async () => {
    const columns = await conn.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'InterviewAnswer' AND table_schema = current_schema()`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain("rating");
    expect(columns.map((c) => c.column_name)).not.toContain("reviewNotes");
    const [{ count }] = await conn.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Scorecard"`);
    expect(count).toBe(5);
    const orgs = await conn.query<{ organizationId: string }>(`SELECT DISTINCT "organizationId" FROM "Scorecard"`);
    expect(orgs).toEqual([{ organizationId: "org" }]);
  });

  it("refuses a rating outside 1–5 from now on", async () => {
    await expect(
      conn.exec(`INSERT INTO "ScorecardRating" ("scorecardId", "answerId", rating, "updatedAt") SELECT id, 'untouched-a0', 6, now() FROM "Scorecard" LIMIT 1`),
    ).rejects.toThrow(/ScorecardRating_rating_range/);
  });
});
