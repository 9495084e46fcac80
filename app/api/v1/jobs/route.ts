import { listJobsOperation } from "@/lib/api/v1/jobs";

export const GET = listJobsOperation.handle;
