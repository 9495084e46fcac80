// The reliability runs' database: a local PostgreSQL only, wiped and migrated (../support/database.ts),
// seeded with one organisation (owner, open job) and a batch of candidates per scenario.
import { createOwnerAccount } from "@/lib/accounts/members";
import { db } from "@/lib/db";
import { createJob } from "@/lib/jobs";
import { hashPassword } from "@/lib/accounts/passwords";
import type { WipeableDatabase } from "../support/database";

/** npm run reliability wipes its database: a local one whose name says it is for these runs ("reliability", or "ci" as a word). */
export const RELIABILITY_DATABASE: WipeableDatabase = {
  name: /reliability|(^|[_-])ci([_-]|$)/i,
  why: 'the reliability runs reset their database, so its name must contain "reliability" (or "ci" as a word, e.g. kairos_ci_123).',
  howTo: `npm run reliability needs DATABASE_URL pointing at a local PostgreSQL it may wipe
(see README, "Reliability"). On this machine (cluster 15/main, role kairos/kairos):

  su postgres -c "dropdb --if-exists kairos_reliability && createdb -O kairos kairos_reliability"
  DATABASE_URL=postgresql://kairos:kairos@127.0.0.1:5432/kairos_reliability npm run reliability`,
};

export interface Candidate {
  id: string;
  email: string;
}

export interface Seeded {
  organizationId: string;
  userId: string;
  jobId: string;
  /** Candidates per scenario, each with an address of its own (scenario-n@reliability.test). */
  candidates: Record<string, Candidate[]>;
}

/** One organisation with its owner and an open job, and `counts[scenario]` candidates for each scenario. */
export async function seed(counts: Record<string, number>): Promise<Seeded> {
  const prisma = await db();
  // Verified, as a confirmed sign-up is: an unverified account may not email candidates.
  const passwordHash = await hashPassword("reliability-not-used");
  const { organizationId, userId } = await prisma.$transaction((tx) =>
    createOwnerAccount(tx, { name: "Rita Recruiter", email: "recruiter@reliability.test", passwordHash, organizationName: "Reliability Runs", emailVerifiedAt: new Date() }),
  );
  const question = (prompt: string) => ({ prompt, answerType: "TEXT" as const, prepSeconds: 30, answerSeconds: 120, retakes: 0 });
  const { id: jobId } = await createJob(organizationId, {
    title: "Site Reliability Engineer",
    description: "Keep it running.",
    location: "Remote",
    workplaceType: "REMOTE",
    questions: [question("Tell us about an outage you handled."), question("How do you make a retry safe?")],
  });
  const candidates: Record<string, Candidate[]> = {};
  for (const [scenario, count] of Object.entries(counts)) {
    const rows = Array.from({ length: count }, (_, i) => ({
      organizationId,
      name: `Candidate ${scenario} ${i + 1}`,
      email: `${scenario}-${i + 1}@reliability.test`,
      timeZone: "Europe/Berlin",
    }));
    await prisma.candidate.createMany({ data: rows });
    candidates[scenario] = await prisma.candidate.findMany({
      where: { organizationId, email: { startsWith: `${scenario}-` } },
      select: { id: true, email: true },
      orderBy: { createdAt: "asc" },
    });
  }
  return { organizationId, userId, jobId, candidates };
}
