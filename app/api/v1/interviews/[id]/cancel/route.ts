import { cancelInterviewOperation } from "@/lib/api/v1/interviews";

export const POST = cancelInterviewOperation.handle;
