import { upsertCandidateOperation } from "@/lib/api/v1/candidates";

export const POST = upsertCandidateOperation.handle;
