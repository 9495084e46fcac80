import { z } from "zod";
import { recordId } from "@/lib/fields";
import { EXTERNAL_ID_MAX } from "@/lib/limits";

// Schemas and helpers every /api/v1 resource shares: ids in paths, cursor pagination, external ids
// and metadata. The same schemas validate requests and write the OpenAPI document.

export const idParams = z.object({ id: recordId.meta({ description: "The record's id.", example: "cm4x2k9hz0000abcd1234efgh" }) });

/** Metadata: a flat JSON object an API client keeps with a record (as Stripe's), echoed everywhere. */
export const METADATA_KEYS_MAX = 50;
export const METADATA_BYTES_MAX = 4096;
export const metadataField = z
  .record(z.string().min(1).max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .refine((value) => Object.keys(value).length <= METADATA_KEYS_MAX, `Metadata holds at most ${METADATA_KEYS_MAX} keys.`)
  .refine((value) => Buffer.byteLength(JSON.stringify(value)) <= METADATA_BYTES_MAX, `Metadata is at most ${METADATA_BYTES_MAX} bytes of JSON.`)
  .nullable()
  .meta({
    id: "Metadata",
    description: `A flat JSON object of up to ${METADATA_KEYS_MAX} keys (each ≤ 40 characters; values strings ≤ 500 characters, numbers, booleans or null), ≤ ${METADATA_BYTES_MAX} bytes. Kairos stores it and echoes it in every response and webhook; null clears it.`,
    example: { ats: "greenhouse", application_id: "98765" },
  });
export const externalIdField = z.string().trim().min(1).max(EXTERNAL_ID_MAX).nullable().meta({ description: "The id your system knows this record by; echoed in every response and webhook.", example: "app_98765" });

export const PAGE_LIMIT = { default: 25, max: 100 } as const;
export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(PAGE_LIMIT.max).default(PAGE_LIMIT.default).meta({ description: `Items per page (1–${PAGE_LIMIT.max}).` }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const cursor = decodeCursor(value);
      if (!cursor) ctx.addIssue({ code: "custom", message: "This cursor is not one Kairos gave. Use next_cursor from the previous page." });
      return cursor ?? undefined;
    })
    .meta({ description: "next_cursor from the previous page; omit for the first page." }),
});

export function page<T>(items: T[], limit: number, cursorOf: (item: T) => Cursor) {
  const more = items.length > limit;
  const data = more ? items.slice(0, limit) : items;
  return { data, has_more: more, next_cursor: more ? encodeCursor(cursorOf(data[data.length - 1]!)) : null };
}

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ data: z.array(item), has_more: z.boolean(), next_cursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }) }).meta({ id });

/** Where a page resumes: newest first, by creation time then id (ties broken, so no item is skipped or repeated). */
export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor({ at, id }: Cursor): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [ms, id] = parsed as [unknown, unknown];
    if (typeof ms !== "number" || !Number.isFinite(ms) || !recordId.safeParse(id).success) return null;
    return { at: new Date(ms), id: id as string };
  } catch {
    return null;
  }
}

/** The rows after `cursor` in newest-first order (a Prisma where on createdAt and id). */
export function after(cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] };
}
export const NEWEST_FIRST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export const timestamp = z.iso.datetime().meta({ example: "2026-12-06T17:00:00.000Z" });
export const iso = (date: Date | null) => (date ? date.toISOString() : null);
export const lower = <T extends string>(value: T) => value.toLowerCase() as Lowercase<T>;
