import { getInterviewOperation } from "@/lib/api/v1/interviews";

export const GET = getInterviewOperation.handle;
