import "server-only";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { emailField } from "@/lib/fields";
import { FieldError, NotFoundError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JobStatus } from "@/lib/generated/prisma/enums";
import { BULK_ROWS_MAX, EXTERNAL_ID_MAX, NAME_MAX, PHONE_MAX } from "@/lib/limits";
import { containsText } from "@/lib/search";
import { isValidTimeZone, zoneFromPickerText } from "@/lib/time-zones";
import { openInterviewsFor } from "../open-interviews";
import type { InviteeRow } from "./parse";

// What a bulk invitation would do, row by row, before anything is written: each row is a new
// candidate, an existing one, skipped (an open interview for this job already, or a repeat of an
// earlier row) or invalid, with the reason. Confirming runs the same classification again under
// the candidates' row locks (confirm.ts), so what the preview said is checked, not trusted.

export type RowClass = "new" | "existing" | "skipped" | "invalid";

/** The people a recruiter put together for one job: rows read from a file or a paste, and candidates chosen by id. */
export interface InvitationInput {
  rows: InviteeRow[];
  candidateIds: string[];
  /** For rows that name no time zone (a chosen one, never the recruiter's by default); null when none was chosen. */
  defaultTimeZone: string | null;
}

export interface PreviewRow {
  source: "csv" | "paste" | "candidate";
  /** The spreadsheet row or pasted line; null for a chosen candidate. */
  line: number | null;
  name: string;
  /** Lower-cased when valid, as candidates are matched. */
  email: string;
  timeZone: string;
  phone: string;
  externalId: string;
  class: RowClass;
  /** Why a row is skipped or invalid. */
  reason: string | null;
  /** The existing candidate (existing rows, and rows skipped for an open interview). */
  candidateId: string | null;
  /** The open interview a skipped row already has. */
  interviewId: string | null;
}

export interface JobForInvitations {
  id: string;
  title: string;
}

/** Refuses a job that cannot be invited to: another organisation's (not found), archived, or without questions. */
export async function invitableJob(reader: Tx | PrismaClient, organizationId: string, jobId: string): Promise<JobForInvitations> {
  const job = await reader.job.findFirst({ where: { id: jobId, organizationId }, select: { id: true, title: true, status: true, _count: { select: { questions: true } } } });
  if (!job) throw new NotFoundError("Job");
  if (job.status !== JobStatus.OPEN) throw new FieldError("jobId", "This job is archived. Reopen it to invite candidates.");
  if (job._count.questions === 0) throw new FieldError("jobId", "This job has no questions yet. Add questions before inviting candidates.");
  return { id: job.id, title: job.title };
}

/** The preview of inviting `input` to a job: every row classified, nothing written. */
export async function previewInvitations(organizationId: string, jobId: string, input: InvitationInput) {
  const prisma = await db();
  const job = await invitableJob(prisma, organizationId, jobId);
  const rows = await classifyRows(prisma, organizationId, job.id, input, now());
  return { job, rows, counts: countRows(rows) };
}

/** How many rows of each class. */
export function countRows(rows: readonly PreviewRow[]): Record<RowClass, number> {
  const counts = { new: 0, existing: 0, skipped: 0, invalid: 0 };
  for (const row of rows) counts[row.class]++;
  return counts;
}

/**
 * Classifies every row against the organisation's candidates and the job's open interviews at
 * `at`. Chosen candidates come first, then the rows in their order; a repeated email (any case)
 * is skipped after its first row. Read with `reader`: the database, or the confirming transaction.
 */
export async function classifyRows(reader: Tx | PrismaClient, organizationId: string, jobId: string, input: InvitationInput, at: Date): Promise<PreviewRow[]> {
  const chosenIds = [...new Set(input.candidateIds)];
  if (chosenIds.length + input.rows.length > BULK_ROWS_MAX) {
    throw new FieldError("_form", `That is more than ${BULK_ROWS_MAX.toLocaleString("en-US")} people. Invite at most ${BULK_ROWS_MAX.toLocaleString("en-US")} at a time.`);
  }
  const defaultZone = input.defaultTimeZone && isValidTimeZone(input.defaultTimeZone) ? input.defaultTimeZone : null;
  const checked = input.rows.map((row) => checkRow(row, defaultZone));
  const emails = [...new Set(checked.flatMap((c) => (c.email ? [c.email] : [])))];

  const candidateSelect = { id: true, name: true, email: true, phone: true, timeZone: true } as const;
  const [chosen, byEmail] = await Promise.all([
    chosenIds.length ? reader.candidate.findMany({ where: { organizationId, id: { in: chosenIds } }, select: candidateSelect }) : [],
    emails.length ? reader.candidate.findMany({ where: { organizationId, email: { in: emails } }, select: candidateSelect }) : [],
  ]);
  const chosenById = new Map(chosen.map((c) => [c.id, c]));
  const existingByEmail = new Map([...chosen, ...byEmail].map((c) => [c.email, c]));
  const open = await openInterviewsFor(reader, organizationId, jobId, [...new Set([...chosen, ...byEmail].map((c) => c.id))], at);

  const out: PreviewRow[] = [];
  const firstRow = new Map<string, string>();
  const blank = { phone: "", externalId: "", reason: null, candidateId: null, interviewId: null };
  for (const id of chosenIds) {
    const candidate = chosenById.get(id);
    if (!candidate) {
      out.push({ ...blank, source: "candidate", line: null, name: "", email: "", timeZone: "", class: "invalid", reason: "This candidate was not found. They may have been deleted." });
      continue;
    }
    out.push(existingRow({ ...blank, source: "candidate", line: null, ...candidate, phone: candidate.phone ?? "" }, candidate, open, firstRow, "chosen above"));
  }
  for (const { row, email, timeZone, problems } of checked) {
    const base = { ...blank, source: row.source, line: row.line, name: row.name, email: email ?? row.email, timeZone, phone: row.phone, externalId: row.externalId };
    if (problems.length > 0) {
      out.push({ ...base, class: "invalid", reason: problems.join(" ") });
      continue;
    }
    const where = row.source === "csv" ? `row ${row.line}` : `line ${row.line}`;
    const existing = existingByEmail.get(email!);
    if (existing) {
      out.push(existingRow(base, existing, open, firstRow, where));
      continue;
    }
    if (!timeZone) {
      // Asked, never assumed: a new candidate's zone is theirs, not the recruiter's.
      out.push({ ...base, class: "invalid", reason: MISSING_ZONE });
      continue;
    }
    const repeat = firstRow.get(email!);
    if (repeat) {
      out.push({ ...base, class: "skipped", reason: `Repeated: the same email as ${repeat}.` });
      continue;
    }
    firstRow.set(email!, where);
    out.push({ ...base, class: "new" });
  }
  return out;
}

/** A row for an existing candidate: skipped when repeated or when they have an open interview for the job. */
function existingRow(
  base: Omit<PreviewRow, "class">,
  candidate: { id: string; name: string; timeZone: string },
  open: Map<string, string>,
  firstRow: Map<string, string>,
  where: string,
): PreviewRow {
  // The organisation's record is the candidate: their name and zone are kept, not overwritten by a file.
  const row = { ...base, name: candidate.name, timeZone: candidate.timeZone, candidateId: candidate.id };
  const repeat = firstRow.get(base.email);
  if (repeat) return { ...row, class: "skipped", reason: `Repeated: the same email as ${repeat}.` };
  firstRow.set(base.email, where);
  const interviewId = open.get(candidate.id);
  if (interviewId) return { ...row, class: "skipped", reason: "Already has an open interview for this job.", interviewId };
  return { ...row, class: "existing" };
}

/** A row's own problems (none, or each in a sentence), its email lower-cased and its zone resolved. */
function checkRow(row: InviteeRow, defaultZone: string | null) {
  const problems: string[] = [];
  if (!row.name) problems.push("Missing name.");
  else if (row.name.length > NAME_MAX) problems.push(`The name is longer than ${NAME_MAX} characters.`);
  let email: string | null = null;
  if (!row.email) problems.push("Missing email.");
  else {
    const parsed = emailField.safeParse(row.email);
    if (parsed.success) email = parsed.data;
    else problems.push(`Malformed email “${clip(row.email)}”.`);
  }
  let timeZone = defaultZone ?? "";
  if (row.timeZone) {
    const zone = zoneFromPickerText(row.timeZone);
    if (isValidTimeZone(zone)) timeZone = zone;
    else problems.push(`Unknown time zone “${clip(row.timeZone)}”: use a name like Europe/Berlin.`);
  }
  if (row.phone.length > PHONE_MAX) problems.push(`The phone number is longer than ${PHONE_MAX} characters.`);
  if (row.externalId.length > EXTERNAL_ID_MAX) problems.push(`The external id is longer than ${EXTERNAL_ID_MAX} characters.`);
  return { row, email, timeZone, problems };
}

export const MISSING_ZONE = "Missing time zone: add a time zone column, or choose a time zone for rows without one.";

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export const PICKER_PAGE_SIZE = 50;

/**
 * The organisation's candidates never invited to this job (no interview for it in any state), by
 * name, narrowed by part of a name or email: the picker's list. Returns one page and whether more match;
 * another organisation's job is not found.
 */
export async function listUninvitedCandidates(organizationId: string, jobId: string, query = "") {
  const prisma = await db();
  if (!(await prisma.job.findFirst({ where: { id: jobId, organizationId }, select: { id: true } }))) throw new NotFoundError("Job");
  const q = containsText(query);
  const rows = await prisma.candidate.findMany({
    where: {
      organizationId,
      interviews: { none: { jobId } },
      ...(q && { OR: [{ name: { contains: q, mode: "insensitive" as const } }, { email: { contains: q.toLowerCase() } }] }),
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PICKER_PAGE_SIZE + 1,
    select: { id: true, name: true, email: true, timeZone: true },
  });
  return { rows: rows.slice(0, PICKER_PAGE_SIZE), more: rows.length > PICKER_PAGE_SIZE };
}
