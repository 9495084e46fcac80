import { resendInvitationOperation } from "@/lib/api/v1/interviews";

export const POST = resendInvitationOperation.handle;
