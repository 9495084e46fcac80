import { listWebhookDeliveriesOperation } from "@/lib/api/v1/webhooks";

export const GET = listWebhookDeliveriesOperation.handle;
