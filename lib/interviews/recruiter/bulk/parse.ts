import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { FieldError } from "@/lib/errors";
import { BULK_CSV_BYTES_MAX, BULK_ROWS_MAX } from "@/lib/limits";

// The two ways a list of people arrives for a bulk invitation: a CSV file and pasted lines. This
// only reads them into rows of text; what a row means for a job (new, existing, skipped, invalid
// and why) is decided by the preview, so a bad row is a row with a reason, never a refusal of all.

/** One person as the recruiter gave them: every value trimmed text, "" where none was given. */
export interface InviteeRow {
  source: "csv" | "paste";
  /** Where it came from: the spreadsheet's row number (the header is row 1), or the pasted line. */
  line: number;
  name: string;
  email: string;
  timeZone: string;
  phone: string;
  externalId: string;
}

type Column = "name" | "firstName" | "lastName" | "email" | "timeZone" | "phone" | "externalId";

/** Header names as exports from ATSs and spreadsheets spell them, compared without case, spaces or punctuation. */
const HEADERS: Record<string, Column> = Object.fromEntries(
  (
    [
      ["name", ["name", "fullname", "candidate", "candidatename", "applicant", "applicantname", "person"]],
      ["firstName", ["firstname", "givenname", "forename", "first"]],
      ["lastName", ["lastname", "surname", "familyname", "last"]],
      ["email", ["email", "emailaddress", "mail", "candidateemail", "applicantemail", "emails"]],
      ["timeZone", ["timezone", "tz", "zone", "timezonename", "ianatimezone"]],
      ["phone", ["phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "telephone", "tel"]],
      ["externalId", ["externalid", "id", "candidateid", "applicantid", "atsid", "reference", "ref", "referenceid"]],
    ] as const
  ).flatMap(([column, names]) => names.map((n) => [n, column])),
);

const headerKey = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const CSV_OPTIONS = {
  bom: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  relax_column_count: true,
  // A quote inside an unquoted value (Ada "Countess" Lovelace) is part of it. (Values are trimmed
  // afterwards: csv-parse's own trim reads a quote after a space as an opening quote.)
  relax_quotes: true,
} as const;

/**
 * The delimiter of a CSV: whichever of comma and semicolon splits its header row into more
 * columns (a comma when they tie, as in a file of one column). The header names the columns, so
 * it holds a delimiter between each; data rows may hold either inside names and quoted values.
 * (csv-parse's own delimiter_auto, in 7.0.3, throws on any character beyond ASCII in the sample
 * and counts delimiters inside quotes, so it is not used.)
 */
function delimiterOf(text: string): "," | ";" {
  const header = (delimiter: string) => {
    try {
      return parse(text, { ...CSV_OPTIONS, delimiter, to: 1 })[0]?.length ?? 0;
    } catch {
      return 0;
    }
  };
  return header(";") > header(",") ? ";" : ",";
}

const refuse = (message: string): never => {
  throw new FieldError("file", message);
};

/**
 * Reads a CSV upload: a header row naming the columns (any order and case, common spellings),
 * UTF-8 with or without a byte order mark, comma or semicolon delimited (detected), quoted values
 * with delimiters and line breaks, any line ends. Refuses, with what to do, a file that is not
 * UTF-8 CSV text, has no email column or more than BULK_ROWS_MAX rows.
 */
export function parseCsv(bytes: Uint8Array): InviteeRow[] {
  if (bytes.byteLength > BULK_CSV_BYTES_MAX) {
    refuse(`The file is larger than ${BULK_CSV_BYTES_MAX / 1024 / 1024} MB. Split it into smaller files and invite each.`);
  }
  // Text files hold no NUL bytes; spreadsheets' own formats (ZIP), images and PDFs do, early on.
  if (bytes.subarray(0, 8192).includes(0)) {
    refuse("This file is not a CSV text file (a spreadsheet's own format or other binary data). In your spreadsheet choose Save as or Download → CSV (UTF-8), then upload that file.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse("This file is not UTF-8 text. In your spreadsheet choose Save as → CSV UTF-8, then upload that file.");
  }
  if (text.trim() === "") refuse("The file is empty.");

  let records: string[][];
  try {
    records = parse(text, {
      ...CSV_OPTIONS,
      delimiter: delimiterOf(text),
      // The header and one row past the limit: enough to know the file is too long without reading it all.
      to: BULK_ROWS_MAX + 2,
    });
  } catch (error) {
    if (error instanceof CsvError) return refuse(`The file could not be read as CSV: ${csvProblem(error)}`);
    throw error;
  }

  const [header, ...data] = records;
  if (!header) return refuse("The file is empty.");
  const columns = header.map((h) => HEADERS[headerKey(h)] ?? null);
  if (!columns.includes("email")) {
    refuse(
      `The file has no email column. Its first row should name the columns, such as "name,email,time zone"; this file's first row has: ${header.slice(0, 8).join(", ")}${header.length > 8 ? ", …" : ""}.`,
    );
  }
  if (data.length === 0) refuse("The file has column names but no rows of people.");
  if (data.length > BULK_ROWS_MAX) {
    refuse(`The file has more than ${BULK_ROWS_MAX.toLocaleString("en-US")} rows. Split it into files of at most ${BULK_ROWS_MAX.toLocaleString("en-US")} people and invite each.`);
  }

  return data.map((record, i) => {
    // The first column of a kind wins (a file with "Email" and "Work email" has both as email).
    const value = (column: Column) => {
      const index = columns.indexOf(column);
      return index >= 0 ? (record[index] ?? "").trim() : "";
    };
    const name = value("name") || [value("firstName"), value("lastName")].filter(Boolean).join(" ");
    return { source: "csv", line: i + 2, name, email: value("email"), timeZone: value("timeZone"), phone: value("phone"), externalId: value("externalId") };
  });
}

/** csv-parse's error in the recruiter's words. */
function csvProblem(error: CsvError): string {
  const line = typeof error.lines === "number" ? error.lines : null;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED": {
      // csv-parse counts to the end of the file; the open quote is where the last record began.
      const started = (error.record as unknown[] | undefined)?.length === 0 && line !== null ? line : null;
      return `a quoted value opened on line ${started ?? line ?? "?"} is never closed.`;
    }
    case "CSV_MAX_RECORD_SIZE":
      return `line ${line ?? "?"} is too long.`;
    default:
      return `line ${line ?? "?"} is not valid CSV (${error.message.split(":")[0]?.toLowerCase() ?? "unreadable"}).`;
  }
}

const ANGLE = /^(.*?)\s*<\s*([^<>\s]+)\s*>$/;

/**
 * Reads pasted lines, one person each: `Name <email>` (as mail programs copy addresses) or
 * `name, email` (also with a semicolon or a tab). A line that is only an address has no name; a
 * line with nothing like an address has no email: the preview says which.
 */
export function parsePasted(text: string): InviteeRow[] {
  const rows: InviteeRow[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    if (rows.length === BULK_ROWS_MAX) {
      throw new FieldError("pasted", `More than ${BULK_ROWS_MAX.toLocaleString("en-US")} lines were pasted. Invite at most ${BULK_ROWS_MAX.toLocaleString("en-US")} people at a time.`);
    }
    rows.push({ source: "paste", line: i + 1, ...splitLine(line), timeZone: "", phone: "", externalId: "" });
  }
  return rows;
}

function splitLine(line: string): { name: string; email: string } {
  const angle = ANGLE.exec(line);
  if (angle) return { name: unquote(angle[1]!), email: angle[2]! };
  // The address is the last part: a name may hold a comma ("Doe, Jane, jane@example.test").
  const cut = Math.max(line.lastIndexOf(","), line.lastIndexOf(";"), line.lastIndexOf("\t"));
  if (cut >= 0) return { name: unquote(line.slice(0, cut)), email: line.slice(cut + 1).trim() };
  return line.includes("@") && !/\s/.test(line) ? { name: "", email: line } : { name: unquote(line), email: "" };
}

const unquote = (name: string) => name.trim().replace(/^"(.*)"$/, "$1").trim();
