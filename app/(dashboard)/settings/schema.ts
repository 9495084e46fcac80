import { z } from "zod";

const DAYS_MESSAGE = "Enter a whole number of days from 30 to 730.";

/** How long answers and recordings are kept (the bounds lib/retention.ts enforces). */
export const retentionSchema = z.object({
  retentionDays: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: DAYS_MESSAGE }).int(DAYS_MESSAGE).min(30, DAYS_MESSAGE).max(730, DAYS_MESSAGE),
  ),
});
