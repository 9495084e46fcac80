/**
 * A user's search text as the pattern of Prisma's `contains`, which is a LIKE: its pattern characters
 * (%, _ and the escape, a backslash) are escaped so they match themselves. Empty after trimming → undefined.
 */
export function containsText(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed.replace(/[\\%_]/g, (c) => `\\${c}`) : undefined;
}
