import { bulkCreateInterviewsOperation } from "@/lib/api/v1/bulk";

export const POST = bulkCreateInterviewsOperation.handle;
