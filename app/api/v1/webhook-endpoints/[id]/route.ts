import { deleteWebhookEndpointOperation, getWebhookEndpointOperation, updateWebhookEndpointOperation } from "@/lib/api/v1/webhooks";

export const GET = getWebhookEndpointOperation.handle;
export const PATCH = updateWebhookEndpointOperation.handle;
export const DELETE = deleteWebhookEndpointOperation.handle;
