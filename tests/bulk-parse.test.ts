import { describe, expect, it } from "vitest";
import { FieldError } from "@/lib/errors";
import { parseCsv, parsePasted, type InviteeRow } from "@/lib/interviews/recruiter/bulk/parse";
import { BULK_CSV_BYTES_MAX, BULK_ROWS_MAX } from "@/lib/limits";

// The two ways a list of people arrives for a bulk invitation: a CSV file (any spreadsheet's
// export) and lines pasted into a box. Parsing only reads; what each row means for a job is the
// preview's business (tests/bulk-preview.test.ts).

const utf8 = (text: string) => new TextEncoder().encode(text);
const BOM = "\uFEFF";

/** The error a call throws, which must be a FieldError on `field`. */
function refusal(call: () => unknown, field: string): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldError);
    expect((error as FieldError).field).toBe(field);
    return (error as FieldError).message;
  }
  return expect.fail("expected a refusal");
}

const people = (rows: InviteeRow[]) => rows.map(({ name, email }) => [name, email]);

describe("parseCsv", () => {
  it("reads name and email under the usual headers, in any order and case, with the optional columns", () => {
    const rows = parseCsv(utf8("E-mail Address,Candidate ID,FULL NAME,Time Zone,Mobile\nada@example.test,ats-1,Ada Lovelace,Europe/London,+44 20 7946 0000\n"));
    expect(rows).toEqual([
      { source: "csv", line: 2, name: "Ada Lovelace", email: "ada@example.test", timeZone: "Europe/London", phone: "+44 20 7946 0000", externalId: "ats-1" },
    ]);
  });

  it("joins first and last name columns into the name", () => {
    const rows = parseCsv(utf8("first name,Last Name,email\nGrace,Hopper,grace@example.test\n"));
    expect(people(rows)).toEqual([["Grace Hopper", "grace@example.test"]]);
  });

  it("leaves the optional columns empty when the file has none, and trims every value", () => {
    const [row] = parseCsv(utf8("name,email\n  Alan Turing , alan@example.test \n"));
    expect(row).toEqual({ source: "csv", line: 2, name: "Alan Turing", email: "alan@example.test", timeZone: "", phone: "", externalId: "" });
  });

  it("reads UTF-8 with and without a byte order mark alike", () => {
    const text = "name,email\nJöns Ångström,jons@example.test\n";
    expect(parseCsv(utf8(BOM + text))).toEqual(parseCsv(utf8(text)));
    expect(people(parseCsv(utf8(BOM + text)))).toEqual([["Jöns Ångström", "jons@example.test"]]);
  });

  it("detects semicolons as the delimiter (spreadsheets in many European locales write them)", () => {
    const rows = parseCsv(utf8("Name;Email;Time zone\nDoe, Jane;jane@example.test;Europe/Paris\nRoe, Rick;rick@example.test;Europe/Rome\n"));
    expect(rows.map((r) => [r.name, r.email, r.timeZone])).toEqual([
      ["Doe, Jane", "jane@example.test", "Europe/Paris"],
      ["Roe, Rick", "rick@example.test", "Europe/Rome"],
    ]);
  });

  it("keeps commas and line breaks inside quoted fields, and reads CRLF line ends", () => {
    const rows = parseCsv(utf8('name,email,external id\r\n"Doe, Jane",jane@example.test,"a\r\nb"\r\n"Said ""Hi""",said@example.test,x\r\n'));
    expect(rows.map((r) => [r.name, r.email, r.externalId])).toEqual([
      ["Doe, Jane", "jane@example.test", "a\r\nb"],
      ['Said "Hi"', "said@example.test", "x"],
    ]);
    // Rows are numbered as a spreadsheet numbers them (the header is row 1).
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it("skips blank lines and rows with every field empty", () => {
    const rows = parseCsv(utf8("name,email\n\nAda,ada@example.test\n,\n  \nGrace,grace@example.test\n"));
    expect(people(rows)).toEqual([
      ["Ada", "ada@example.test"],
      ["Grace", "grace@example.test"],
    ]);
  });

  it("keeps repeated rows (the preview marks the second as a repeat) and short rows", () => {
    const rows = parseCsv(utf8("name,email,phone\nAda,ada@example.test\nAda,ada@example.test,1\n"));
    expect(people(rows)).toEqual([
      ["Ada", "ada@example.test"],
      ["Ada", "ada@example.test"],
    ]);
  });

  it(`takes ${BULK_ROWS_MAX.toLocaleString("en-US")} rows and refuses ${(BULK_ROWS_MAX + 1).toLocaleString("en-US")} with a clear message`, () => {
    const csv = (n: number) => "name,email\n" + Array.from({ length: n }, (_, i) => `Person ${i},p${i}@example.test`).join("\n");
    expect(parseCsv(utf8(csv(BULK_ROWS_MAX)))).toHaveLength(BULK_ROWS_MAX);
    expect(refusal(() => parseCsv(utf8(csv(BULK_ROWS_MAX + 1))), "file")).toBe(
      "The file has more than 5,000 rows. Split it into files of at most 5,000 people and invite each.",
    );
  });

  it("refuses a file larger than the upload limit before reading it", () => {
    const big = new Uint8Array(BULK_CSV_BYTES_MAX + 1).fill(0x61);
    expect(refusal(() => parseCsv(big), "file")).toMatch(/^The file is larger than 2 MB/);
  });

  it("refuses a file without an email column, naming the columns it found", () => {
    expect(refusal(() => parseCsv(utf8("Name,Phone\nAda,123\n")), "file")).toBe(
      'The file has no email column. Its first row should name the columns, such as "name,email,time zone"; this file\'s first row has: Name, Phone.',
    );
  });

  it("refuses a file whose first row is data rather than column names", () => {
    expect(refusal(() => parseCsv(utf8("Ada,ada@example.test\nGrace,grace@example.test\n")), "file")).toMatch(/^The file has no email column/);
  });

  it("refuses a binary file (a spreadsheet's own format, an image) with what to do instead", () => {
    // An .xlsx is a ZIP archive: "PK\x03\x04" then binary data with NUL bytes.
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    const message = "This file is not a CSV text file (a spreadsheet's own format or other binary data). In your spreadsheet choose Save as or Download → CSV (UTF-8), then upload that file.";
    expect(refusal(() => parseCsv(xlsx), "file")).toBe(message);
    expect(refusal(() => parseCsv(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])), "file")).toBe(message);
  });

  it("refuses text that is not UTF-8 (an old spreadsheet's Latin-1 export)", () => {
    const latin1 = new Uint8Array([...utf8("name,email\nJ"), 0xf6, ...utf8("ns,jons@example.test\n")]);
    expect(refusal(() => parseCsv(latin1), "file")).toBe("This file is not UTF-8 text. In your spreadsheet choose Save as → CSV UTF-8, then upload that file.");
  });

  it("refuses an empty file and a file with a header but no rows", () => {
    expect(refusal(() => parseCsv(utf8("")), "file")).toBe("The file is empty.");
    expect(refusal(() => parseCsv(utf8(BOM + "\n\n")), "file")).toBe("The file is empty.");
    expect(refusal(() => parseCsv(utf8("name,email\n")), "file")).toBe("The file has column names but no rows of people.");
  });

  it("refuses a quote left open, naming the line", () => {
    expect(refusal(() => parseCsv(utf8('name,email\nAda,ada@example.test\n"Grace,grace@example.test\n')), "file")).toBe(
      "The file could not be read as CSV: a quoted value opened on line 3 is never closed.",
    );
  });

  it("reads a stray quote inside an unquoted value as part of it", () => {
    expect(people(parseCsv(utf8('name,email\nAda "Countess" Lovelace,ada@example.test\n')))).toEqual([['Ada "Countess" Lovelace', "ada@example.test"]]);
  });
});

describe("parsePasted", () => {
  it("reads `Name <email>` and `name, email` lines, numbered as typed, skipping blank lines", () => {
    const rows = parsePasted('Ada Lovelace <ada@example.test>\n\n"Hopper, Grace" <grace@example.test>\r\nAlan Turing, alan@example.test\n  Jane Doe ; jane@example.test  \nbob@example.test\n');
    expect(rows.map((r) => [r.line, r.name, r.email])).toEqual([
      [1, "Ada Lovelace", "ada@example.test"],
      [3, "Hopper, Grace", "grace@example.test"],
      [4, "Alan Turing", "alan@example.test"],
      [5, "Jane Doe", "jane@example.test"],
      // No name: the preview says the name is missing.
      [6, "", "bob@example.test"],
    ]);
    expect(rows.every((r) => r.source === "paste" && r.timeZone === "" && r.phone === "" && r.externalId === "")).toBe(true);
  });

  it("reads a comma inside the name of a `name, email` line as part of the name", () => {
    expect(people(parsePasted("Doe, Jane, jane@example.test"))).toEqual([["Doe, Jane", "jane@example.test"]]);
  });

  it("keeps a line it cannot split as a name without an email (the preview says so)", () => {
    expect(people(parsePasted("Just a name"))).toEqual([["Just a name", ""]]);
  });

  it("returns nothing for an empty box", () => {
    expect(parsePasted("  \n\n")).toEqual([]);
  });

  it(`refuses more than ${BULK_ROWS_MAX.toLocaleString("en-US")} lines`, () => {
    const lines = Array.from({ length: BULK_ROWS_MAX + 1 }, (_, i) => `P${i} <p${i}@example.test>`).join("\n");
    expect(refusal(() => parsePasted(lines), "pasted")).toBe("More than 5,000 lines were pasted. Invite at most 5,000 people at a time.");
  });
});
