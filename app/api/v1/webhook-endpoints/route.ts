import { createWebhookEndpointOperation, listWebhookEndpointsOperation } from "@/lib/api/v1/webhooks";

export const GET = listWebhookEndpointsOperation.handle;
export const POST = createWebhookEndpointOperation.handle;
