import "server-only";
import type { Operation } from "../operation";
import { bulkCreateInterviewsOperation } from "./bulk";
import { deleteCandidateOperation, getCandidateOperation, upsertCandidateOperation } from "./candidates";
import { cancelInterviewOperation, createInterviewOperation, extendInterviewOperation, getInterviewOperation, listInterviewsOperation, resendInvitationOperation } from "./interviews";
import { getJobOperation, listJobsOperation } from "./jobs";
import { getRecordingOperation } from "./recordings";
import {
  createWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
  getWebhookEndpointOperation,
  listWebhookDeliveriesOperation,
  listWebhookEndpointsOperation,
  redeliverWebhookOperation,
  rotateWebhookSecretOperation,
  testWebhookEndpointOperation,
  updateWebhookEndpointOperation,
} from "./webhooks";

/** Every operation of /api/v1, in the reference's order: the OpenAPI document is made from this list. */
export const OPERATIONS: readonly Operation[] = [
  listJobsOperation,
  getJobOperation,
  upsertCandidateOperation,
  getCandidateOperation,
  deleteCandidateOperation,
  listInterviewsOperation,
  createInterviewOperation,
  bulkCreateInterviewsOperation,
  getInterviewOperation,
  cancelInterviewOperation,
  resendInvitationOperation,
  extendInterviewOperation,
  getRecordingOperation,
  listWebhookEndpointsOperation,
  createWebhookEndpointOperation,
  getWebhookEndpointOperation,
  updateWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
  rotateWebhookSecretOperation,
  testWebhookEndpointOperation,
  listWebhookDeliveriesOperation,
  redeliverWebhookOperation,
] as Operation[];
