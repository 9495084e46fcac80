import { extendInterviewOperation } from "@/lib/api/v1/interviews";

export const POST = extendInterviewOperation.handle;
