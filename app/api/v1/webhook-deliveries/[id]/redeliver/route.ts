import { redeliverWebhookOperation } from "@/lib/api/v1/webhooks";

export const POST = redeliverWebhookOperation.handle;
