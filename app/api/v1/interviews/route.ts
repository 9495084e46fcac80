import { createInterviewOperation, listInterviewsOperation } from "@/lib/api/v1/interviews";

export const GET = listInterviewsOperation.handle;
export const POST = createInterviewOperation.handle;
