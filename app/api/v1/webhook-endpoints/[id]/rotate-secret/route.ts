import { rotateWebhookSecretOperation } from "@/lib/api/v1/webhooks";

export const POST = rotateWebhookSecretOperation.handle;
