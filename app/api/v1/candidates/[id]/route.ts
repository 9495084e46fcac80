import { deleteCandidateOperation, getCandidateOperation } from "@/lib/api/v1/candidates";

export const GET = getCandidateOperation.handle;
export const DELETE = deleteCandidateOperation.handle;
