import { testWebhookEndpointOperation } from "@/lib/api/v1/webhooks";

export const POST = testWebhookEndpointOperation.handle;
