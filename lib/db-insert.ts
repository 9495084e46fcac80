import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Many rows of one table in one statement, one array parameter per column:
//   INSERT INTO "T" ("a", "b") SELECT c0, c1::"Kind" FROM UNNEST($1::text[], $2::text[]) AS u(c0, c1)
// Prisma's createMany makes every value of every row a parameter and a node of its query plan:
// for a bulk invitation's thousands of rows that took seconds and hundreds of MB of short-lived
// heap (README, Benchmarks → Bulk invitations), where this takes a few arrays of strings.
// Unlike createMany it fills in nothing: the caller gives every column Prisma would (cuid() ids,
// @default(now()), @updatedAt); a column no row gives is left to the database's own default.

type SqlType = "text" | "integer" | "boolean" | "timestamp" | "jsonb" | { enum: string };
/** How a value of each TypeScript type is stored: its PostgreSQL type (an enum by its type's name). */
type SqlTypeOf<T> = [T] extends [Date] ? "timestamp" : [T] extends [string] ? "text" | { enum: string } : [T] extends [number] ? "integer" : [T] extends [boolean] ? "boolean" : "jsonb";

/** Every column of a row type with its PostgreSQL type, so a column added to the row cannot be left out. */
export type ColumnTypes<Row> = { [K in keyof Row]-?: SqlTypeOf<NonNullable<Row[K]>> };

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const quote = (identifier: string) => {
  if (!IDENTIFIER.test(identifier)) throw new Error(`Not an identifier: ${identifier}`);
  return `"${identifier}"`;
};

/**
 * Inserts `rows` into `table` in one statement and returns how many were inserted; with
 * `onConflictDoNothing`, a row that would violate a unique index is skipped (createMany's
 * skipDuplicates). A column is written when the rows give it (all of them: refused if only some do).
 */
export async function insertRows<Row extends object>(tx: Tx, table: string, types: ColumnTypes<Row>, rows: Row[], { onConflictDoNothing = false } = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const columns: Array<{ name: string; type: SqlType; values: Array<string | null> }> = [];
  for (const name of Object.keys(types) as Array<keyof Row & string>) {
    const given = rows.filter((row) => row[name] !== undefined).length;
    if (given === 0) continue;
    if (given !== rows.length) throw new Error(`insertRows: ${table}.${name} is given for some rows only`);
    const type = types[name] as SqlType;
    columns.push({ name, type, values: rows.map((row) => asText(row[name], type)) });
  }
  // Every array goes as text[] and is cast in the SELECT: both drivers send a text array the same
  // way, where PGlite cannot send an array of an enum type.
  const cast = (type: SqlType) => (typeof type === "object" ? quote(type.enum) : type === "timestamp" ? "timestamp(3)" : type);
  const names = Prisma.raw(columns.map((c) => quote(c.name)).join(", "));
  const selected = Prisma.raw(columns.map((c, i) => `c${i}::${cast(c.type)}`).join(", "));
  const aliases = Prisma.raw(columns.map((_, i) => `c${i}`).join(", "));
  const arrays = Prisma.join(columns.map((c) => Prisma.sql`${c.values}::text[]`));
  const conflict = onConflictDoNothing ? Prisma.raw(" ON CONFLICT DO NOTHING") : Prisma.empty;
  return tx.$executeRaw`INSERT INTO ${Prisma.raw(quote(table))} (${names}) SELECT ${selected} FROM UNNEST(${arrays}) AS u(${aliases})${conflict}`;
}

/** A value as the text PostgreSQL casts to its column's type. Timestamps are UTC (timestamp(3) ignores the "Z"), as Prisma stores them. */
function asText(value: unknown, type: SqlType): string | null {
  if (value === null || value === undefined) return null;
  if (type === "jsonb") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
