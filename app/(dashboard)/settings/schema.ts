import { z } from "zod";
import { RETENTION_DAYS } from "@/lib/limits";

const DAYS_MESSAGE = `Enter a whole number of days from ${RETENTION_DAYS.min} to ${RETENTION_DAYS.max}.`;

/** How long answers and recordings are kept (the same bounds lib/interviews/lifecycle/retention.ts enforces). */
export const retentionSchema = z.object({
  retentionDays: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: DAYS_MESSAGE }).int(DAYS_MESSAGE).min(RETENTION_DAYS.min, DAYS_MESSAGE).max(RETENTION_DAYS.max, DAYS_MESSAGE),
  ),
});
