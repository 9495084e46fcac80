import { getJobOperation } from "@/lib/api/v1/jobs";

export const GET = getJobOperation.handle;
