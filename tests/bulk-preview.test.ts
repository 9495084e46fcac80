import { addMinutes } from "date-fns";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setClock } from "@/lib/clock";
import { db } from "@/lib/db";
import { FieldError, NotFoundError } from "@/lib/errors";
import { JobStatus } from "@/lib/generated/prisma/enums";
import { parseCsv, parsePasted, type InviteeRow } from "@/lib/interviews/recruiter/bulk/parse";
import { listUninvitedCandidates, MISSING_ZONE, previewInvitations } from "@/lib/interviews/recruiter/bulk/preview";
import { cancelInterview } from "@/lib/interviews/recruiter/manage";
import { scheduleInterview } from "@/lib/interviews/recruiter/schedule";
import { makeCandidate, makeJob, makeSchedulingOrg, scheduleInput, uniqueEmail } from "./support/factories";
import { organizationRows } from "./support/interviews";

// The preview of a bulk invitation: every row classified for the job against the real database,
// and nothing written.

const T0 = new Date("2031-05-05T09:00:00.000Z");
const START = new Date("2031-05-07T15:00:00.000Z");

let org: Awaited<ReturnType<typeof makeSchedulingOrg>>;
beforeEach(async () => {
  setClock(T0);
  org = await makeSchedulingOrg("Bulk preview");
});
afterEach(() => setClock(null));

const csv = (text: string) => parseCsv(new TextEncoder().encode(text));
const preview = (rows: InviteeRow[], candidateIds: string[] = [], defaultTimeZone: string | null = null) =>
  previewInvitations(org.organizationId, org.job.id, { rows, candidateIds, defaultTimeZone });
const summary = (rows: Awaited<ReturnType<typeof preview>>["rows"]) => rows.map((r) => [r.email || r.name, r.class, r.reason]);

describe("previewInvitations", () => {
  it("classifies new and existing candidates (email matched in any case), and writes nothing", async () => {
    const before = await organizationRows(org.organizationId);
    const fresh = uniqueEmail("fresh");
    const { rows, counts } = await preview(csv(`name,email,time zone\nNew Person,${fresh},Asia/Tokyo\nWhoever,${org.candidate.email.toUpperCase()},America/Chicago\n`));

    expect(summary(rows)).toEqual([
      [fresh, "new", null],
      [org.candidate.email, "existing", null],
    ]);
    // An existing candidate keeps their own name and zone: a file does not overwrite the record.
    expect(rows[1]).toMatchObject({ name: org.candidate.name, timeZone: org.candidate.timeZone, candidateId: org.candidate.id });
    expect(rows[0]).toMatchObject({ name: "New Person", timeZone: "Asia/Tokyo", candidateId: null, line: 2, source: "csv" });
    expect(counts).toEqual({ new: 1, existing: 1, skipped: 0, invalid: 0 });
    expect(await organizationRows(org.organizationId)).toEqual(before);
  });

  it("skips a candidate with an open interview for this job, naming it, but not one whose interview is cancelled or whose link has closed", async () => {
    const [busy, cancelled, lapsed] = await Promise.all([1, 2, 3].map(() => makeCandidate(org.organizationId)));
    const { interviewId: open } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: busy.id }, { scheduledAt: START }));
    const { interviewId: gone } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: cancelled.id }, { scheduledAt: START }));
    await cancelInterview(org.scheduler, gone, { reason: "" });
    await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: lapsed.id }, { scheduledAt: addMinutes(T0, 30) }));
    const rows = (emails: string[]) => parsePasted(emails.map((e) => `Someone <${e}>`).join("\n"));

    // The link of `lapsed` closes 15 minutes after its start: open at the edge, not a second later.
    setClock(addMinutes(T0, 45));
    expect(summary((await preview(rows([busy.email, cancelled.email, lapsed.email]))).rows)).toEqual([
      [busy.email, "skipped", "Already has an open interview for this job."],
      [cancelled.email, "existing", null],
      [lapsed.email, "skipped", "Already has an open interview for this job."],
    ]);
    setClock(new Date(addMinutes(T0, 45).getTime() + 1000));
    const after = (await preview(rows([busy.email, lapsed.email]))).rows;
    expect(summary(after)).toEqual([
      [busy.email, "skipped", "Already has an open interview for this job."],
      [lapsed.email, "existing", null],
    ]);
    expect(after[0]!.interviewId).toBe(open);
  });

  it("an open interview for another job does not skip the candidate", async () => {
    const other = await makeJob(org.organizationId, ["Hello?"], { title: "Other" });
    await scheduleInterview(org.scheduler, scheduleInput(other.id, { id: org.candidate.id }, { scheduledAt: START }));
    expect(summary((await preview([], [org.candidate.id])).rows)).toEqual([[org.candidate.email, "existing", null]]);
  });

  it("skips a repeated email (any case, any source) after its first row, saying where the first is", async () => {
    const email = uniqueEmail("twice");
    const { rows } = await preview([
      ...parsePasted(`Ann <${email}>\nAnn Again <${email.toUpperCase()}>\nBea <${org.candidate.email}>`),
      ...csv(`name,email,tz\nAnn,${email},UTC\n`),
    ], [org.candidate.id], "Europe/Oslo");
    expect(summary(rows)).toEqual([
      [org.candidate.email, "existing", null],
      [email, "new", null],
      [email, "skipped", "Repeated: the same email as line 1."],
      [org.candidate.email, "skipped", "Repeated: the same email as chosen above."],
      [email, "skipped", "Repeated: the same email as line 1."],
    ]);
  });

  it("marks invalid rows with every reason: malformed email, unknown zone, missing name, email or zone, overlong values", async () => {
    const { rows, counts } = await preview(
      csv(
        [
          "name,email,time zone,phone,external id",
          "Bad Email,not-an-email,UTC,,",
          "Bad Zone,zone@example.test,Mars/Olympus,,",
          ",noname@example.test,UTC,,",
          "No Email,,UTC,,",
          "No Zone,nozone@example.test,,,",
          `Long Phone,phone@example.test,UTC,${"1".repeat(41)},`,
          "Two Problems,,Nowhere/Place,,",
          "City Zone,city@example.test,Tokyo,,",
        ].join("\n"),
      ),
    );
    expect(summary(rows)).toEqual([
      ["not-an-email", "invalid", "Malformed email “not-an-email”."],
      ["zone@example.test", "invalid", "Unknown time zone “Mars/Olympus”: use a name like Europe/Berlin."],
      ["noname@example.test", "invalid", "Missing name."],
      ["No Email", "invalid", "Missing email."],
      ["nozone@example.test", "invalid", MISSING_ZONE],
      ["phone@example.test", "invalid", "The phone number is longer than 40 characters."],
      ["Two Problems", "invalid", "Missing email. Unknown time zone “Nowhere/Place”: use a name like Europe/Berlin."],
      // A city that names one zone is that zone, as the time-zone picker reads it.
      ["city@example.test", "new", null],
    ]);
    expect(rows.at(-1)!.timeZone).toBe("Asia/Tokyo");
    expect(counts).toEqual({ new: 1, existing: 0, skipped: 0, invalid: 7 });
  });

  it("gives rows without a zone the zone chosen for them, and a row's own zone wins", async () => {
    const [a, b] = [uniqueEmail("a"), uniqueEmail("b")];
    const { rows } = await preview(csv(`name,email,tz\nA,${a},\nB,${b},America/Denver\n`), [], "Asia/Kolkata");
    expect(rows.map((r) => [r.class, r.timeZone])).toEqual([
      ["new", "Asia/Kolkata"],
      ["new", "America/Denver"],
    ]);
  });

  it("chosen candidates are existing rows; an unknown id or another organisation's is invalid", async () => {
    const other = await makeSchedulingOrg("Bulk preview other");
    const { rows } = await preview([], [org.candidate.id, org.candidate.id, other.candidate.id, "c0000000000000000000000000"]);
    expect(rows.map((r) => [r.source, r.class, r.candidateId, r.reason])).toEqual([
      ["candidate", "existing", org.candidate.id, null],
      ["candidate", "invalid", null, "This candidate was not found. They may have been deleted."],
      ["candidate", "invalid", null, "This candidate was not found. They may have been deleted."],
    ]);
    expect(rows.map((r) => r.email).includes(other.candidate.email)).toBe(false);
  });

  it("refuses more than 5,000 people in all, an archived job, one without questions, and another organisation's job", async () => {
    const many = parsePasted(Array.from({ length: 5000 }, (_, i) => `P${i} <p${i}@example.test>`).join("\n"));
    await expect(preview(many, [org.candidate.id])).rejects.toThrow(FieldError);
    await expect(preview(many, [org.candidate.id])).rejects.toThrow("That is more than 5,000 people. Invite at most 5,000 at a time.");

    const prisma = await db();
    await prisma.job.update({ where: { id: org.job.id }, data: { status: JobStatus.ARCHIVED } });
    await expect(preview([], [org.candidate.id])).rejects.toThrow("This job is archived. Reopen it to invite candidates.");
    const empty = await makeJob(org.organizationId, []);
    await expect(previewInvitations(org.organizationId, empty.id, { rows: [], candidateIds: [], defaultTimeZone: null })).rejects.toThrow(/no questions yet/);
    const other = await makeSchedulingOrg("Bulk preview elsewhere");
    await expect(previewInvitations(org.organizationId, other.job.id, { rows: [], candidateIds: [], defaultTimeZone: null })).rejects.toThrow(NotFoundError);
  });
});

describe("listUninvitedCandidates", () => {
  it("lists the organisation's candidates with no interview for this job, narrowed by name or email", async () => {
    const [invited, zoe, zack] = await Promise.all([
      makeCandidate(org.organizationId, "UTC", { name: "Invited Ivy" }),
      makeCandidate(org.organizationId, "UTC", { name: "Zoe Quinn" }),
      makeCandidate(org.organizationId, "UTC", { name: "Zack Quill", email: uniqueEmail("zq") }),
    ]);
    const { interviewId } = await scheduleInterview(org.scheduler, scheduleInput(org.job.id, { id: invited.id }, { scheduledAt: START }));
    // Once invited, even a cancelled interview means "invited": the picker is for people never asked.
    await cancelInterview(org.scheduler, interviewId, { reason: "" });
    await makeSchedulingOrg("Bulk picker other");

    const all = await listUninvitedCandidates(org.organizationId, org.job.id);
    expect(all.rows.map((r) => r.name)).toEqual([org.candidate.name, zack.name, zoe.name].sort((a, b) => a.localeCompare(b)));
    expect(all.more).toBe(false);
    expect((await listUninvitedCandidates(org.organizationId, org.job.id, "qu")).rows.map((r) => r.id)).toEqual([zack.id, zoe.id]);
    expect((await listUninvitedCandidates(org.organizationId, org.job.id, "ZQ-")).rows.map((r) => r.id)).toEqual([zack.id]);
  });
});
