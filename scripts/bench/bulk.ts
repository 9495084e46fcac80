// Bulk invitations, in process against the bench's PostgreSQL: previewing and confirming a CSV of
// applicants as the job's "Invite candidates" page does (the same lib/ functions its actions call),
// the memory a 5,000-row batch takes, and its invitations going out through the outbox.
import { performance } from "node:perf_hooks";
import { randomUUID } from "node:crypto";
import { percentile, sleep } from "../support/harness";
import { drainToStub } from "./in-process";

const ORG = "org_bulk";
const USER = "user_bulk";
const JOB = "job_bulk";

/** A UTF-8 CSV of `count` applicants, as an ATS export would have them (header, a zone column). */
function csv(prefix: string, count: number): Uint8Array {
  const zones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"];
  const lines = ["name,email,time zone"];
  for (let i = 0; i < count; i++) lines.push(`"Applicant ${i}, ${prefix}",${prefix}${i}@bulk.bench,${zones[i % zones.length]}`);
  return new TextEncoder().encode(lines.join("\r\n"));
}

/** The peak resident set while `work` runs, sampled every 20 ms, over the resident set before it. */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; beforeMb: number; peakMb: number }> {
  const mb = () => process.memoryUsage().rss / 1024 ** 2;
  const beforeMb = mb();
  let peakMb = beforeMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, mb())), 20);
  try {
    const result = await work();
    peakMb = Math.max(peakMb, mb());
    return { result, beforeMb, peakMb };
  } finally {
    clearInterval(timer);
  }
}

export async function benchBulk({ rows = 1_000, bigRows = 5_000, ratePerSecond = 10, budgetMs = 300_000 }: { rows?: number; bigRows?: number; ratePerSecond?: number; budgetMs?: number } = {}) {
  const { db } = await import("@/lib/db");
  const { parseCsv } = await import("@/lib/interviews/recruiter/bulk/parse");
  const { previewInvitations } = await import("@/lib/interviews/recruiter/bulk/preview");
  const { confirmInvitations } = await import("@/lib/interviews/recruiter/bulk/confirm");
  const prisma = await db();
  await prisma.organization.create({ data: { id: ORG, name: "Bench bulk" } });
  await prisma.user.create({ data: { id: USER, organizationId: ORG, email: "recruiter@bulk.bench", name: "Rita Recruiter", passwordHash: "x", role: "OWNER", emailVerifiedAt: new Date() } });
  await prisma.job.create({
    data: { id: JOB, organizationId: ORG, title: "Support Engineer", description: "Help customers.", questions: { create: [0, 1, 2, 3, 4].map((position) => ({ position, prompt: `Question ${position + 1}` })) } },
  });
  const by = { userId: USER, organizationId: ORG };
  const invitees = (bytes: Uint8Array) => ({ rows: parseCsv(bytes), candidateIds: [], defaultTimeZone: null });
  const confirm = (prefix: string, count: number, mode: "DEADLINE" | "SCHEDULED") =>
    confirmInvitations(by, JOB, {
      batchId: randomUUID(),
      ...invitees(csv(prefix, count)),
      scheduledAt: "now",
      mode,
      dueDate: mode === "DEADLINE" ? new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) : null,
      durationMinutes: 30,
    });
  const withdraw = (batchId: string) =>
    prisma.outboxEmail.updateMany({ where: { interview: { invitationBatchId: batchId }, status: "PENDING" }, data: { status: "CANCELLED", lastError: "bench" } });

  // Warm-up: connections, JIT, templates.
  await withdraw((await confirm("warm", 20, "DEADLINE")).batchId);

  // Preview: read the file and classify every row (the server's whole part of the preview action).
  const file = csv("preview", rows);
  const previews: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const preview = await previewInvitations(ORG, JOB, invitees(file));
    previews.push(performance.now() - started);
    if (preview.rows.length !== rows) throw new Error(`preview: ${preview.rows.length} rows, expected ${rows}`);
  }
  previews.sort((a, b) => a - b);

  const timed = async (prefix: string, mode: "DEADLINE" | "SCHEDULED") => {
    const started = performance.now();
    const { batchId } = await confirm(prefix, rows, mode);
    const ms = performance.now() - started;
    const invited = await prisma.interview.count({ where: { invitationBatchId: batchId } });
    if (invited !== rows) throw new Error(`confirm: ${invited} interviews, expected ${rows}`);
    return { batchId, ms };
  };
  const deadline = await timed("deadline", "DEADLINE");
  const scheduled = await timed("scheduled", "SCHEDULED");
  await withdraw(scheduled.batchId);

  await sleep(500);
  const big = await rssGrowth(async () => {
    const { batchId } = await confirm("big", bigRows, "DEADLINE");
    return batchId;
  });
  const bigInvited = await prisma.interview.count({ where: { invitationBatchId: big.result } });
  await withdraw(big.result);

  // The DEADLINE batch's invitations through the outbox to the provider stub, paced at its limit.
  const drained = await drainToStub({ where: { organizationId: ORG, kind: "INVITATION" }, count: rows, ratePerSecond, budgetMs });
  return {
    rows,
    previewMedianMs: percentile(previews, 50),
    previewMaxMs: previews.at(-1)!,
    confirmDeadlineMs: deadline.ms,
    confirmScheduledMs: scheduled.ms,
    bigRows,
    bigInvited,
    bigGrowthMb: big.peakMb - big.beforeMb,
    bigBeforeMb: big.beforeMb,
    drained,
  };
}
