import { z } from "zod";
import { recordId, withoutNul } from "@/lib/fields";
import { InterviewStatus } from "@/lib/generated/prisma/enums";
import { SEARCH_QUERY_MAX } from "@/lib/limits";

/** The search page's URL: anything malformed is dropped rather than refused (a shared link still opens). */
export const searchParamsSchema = z.object({
  q: z
    .string()
    .transform((q) => withoutNul(q).trim().slice(0, SEARCH_QUERY_MAX))
    .catch(""),
  jobId: recordId.optional().catch(undefined),
  status: z.enum(InterviewStatus).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
