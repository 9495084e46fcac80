import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { CandidateInput } from "@/lib/candidates";
import type { JobInput, QuestionInput } from "@/lib/jobs";

/** A fresh organisation with an owner, unique to the calling test. */
export async function makeOrg(name = "Test Org") {
  const prisma = await db();
  const suffix = randomUUID().slice(0, 8);
  const org = await prisma.organization.create({ data: { name: `${name} ${suffix}` } });
  const ownerEmail = `owner-${suffix}@example.test`;
  const owner = await prisma.user.create({
    data: { email: ownerEmail, name: "Owner", passwordHash: "scrypt$unused", role: "OWNER", organizationId: org.id },
  });
  return { organizationId: org.id, ownerId: owner.id, ownerEmail, suffix };
}

/** An email address no other test (or earlier run on a shared database) has used. */
export function uniqueEmail(prefix = "person"): string {
  return `${prefix}-${randomUUID()}@example.test`;
}

/** A question input; pass `id` to keep an existing question. */
export function question(prompt: string, overrides: Partial<QuestionInput> = {}): QuestionInput {
  return { prompt, answerType: "TEXT", prepSeconds: 30, answerSeconds: 120, retakes: 0, ...overrides };
}

/** A valid job input with the given question prompts. */
export function jobInput(overrides: Partial<JobInput> = {}, prompts = ["Why us?", "Tell us about a hard bug.", "Any questions?"]): JobInput {
  return {
    title: "Backend Engineer",
    description: "Build the platform.",
    location: "Berlin",
    workplaceType: "HYBRID",
    questions: prompts.map((prompt) => question(prompt)),
    ...overrides,
  };
}

/** A valid candidate input with a unique email. */
export function candidateInput(overrides: Partial<CandidateInput> = {}): CandidateInput {
  return { name: "Ada Lovelace", email: uniqueEmail("candidate"), phone: null, timeZone: "Europe/London", notes: "", ...overrides };
}

/** The token of an invite link. */
export function inviteToken(url: string): string {
  const token = new URL(url).searchParams.get("token");
  if (!token) throw new Error(`No token in ${url}`);
  return token;
}
