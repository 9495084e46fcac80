"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { wakeDispatcher } from "@/lib/background";
import { recordId } from "@/lib/fields";
import { redeliver, sendTestEvent } from "@/lib/webhooks/deliveries";
import { createEndpoint, deleteEndpoint, rotateSecret, updateEndpoint } from "@/lib/webhooks/endpoints";
import { endpointSchema, readEndpointForm } from "./schema";

const ADMINS = "Only an admin or owner can manage webhooks.";
const NOT_FOUND = "This webhook endpoint was not found. It may have been deleted.";
const actor = (member: { id: string; organizationId: string }) => ({ userId: member.id, organizationId: member.organizationId });

/** Registers an endpoint and opens its page, where its signing secret is shown. */
export const createEndpointAction = defineAction(
  { caller: "admin", forbidden: ADMINS, refuse: asFormState, name: "create webhook endpoint", args: [previousState, formInput(endpointSchema, readEndpointForm)] },
  async ({ member }, _prev, input) => {
    const { id } = await createEndpoint(actor(member), input);
    revalidatePath("/settings/webhooks");
    redirect(`/settings/webhooks/${id}`);
  },
);

/** Turns an endpoint on (clearing why it was disabled) or off. */
export const setEndpointEnabledAction = defineAction(
  { caller: "admin", forbidden: ADMINS, notFound: NOT_FOUND, refuse: asMessage, name: "enable or disable webhook endpoint", args: [recordId, z.boolean()] },
  async ({ member }, id, enabled) => {
    await updateEndpoint(actor(member), id, { enabled });
    revalidatePath(`/settings/webhooks/${id}`);
    return undefined;
  },
);

/** Deletes an endpoint and its delivery log. */
export const deleteEndpointAction = defineAction(
  { caller: "admin", forbidden: ADMINS, notFound: NOT_FOUND, refuse: asMessage, name: "delete webhook endpoint", args: [recordId] },
  async ({ member }, id) => {
    await deleteEndpoint(actor(member), id);
    revalidatePath("/settings/webhooks");
    redirect("/settings/webhooks");
  },
);

/** A new signing secret; the old one keeps signing beside it for 24 hours. */
export const rotateSecretAction = defineAction(
  { caller: "admin", forbidden: ADMINS, notFound: NOT_FOUND, refuse: asMessage, name: "rotate webhook secret", args: [recordId] },
  async ({ member }, id) => {
    await rotateSecret(actor(member), id);
    revalidatePath(`/settings/webhooks/${id}`);
    return undefined;
  },
);

/** Queues a webhook.test event for this endpoint and sends it right after the response. */
export const sendTestEventAction = defineAction(
  { caller: "admin", forbidden: ADMINS, notFound: NOT_FOUND, refuse: asMessage, name: "send webhook test event", args: [recordId] },
  async ({ member }, id) => {
    await sendTestEvent(actor(member), id);
    after(wakeDispatcher);
    revalidatePath(`/settings/webhooks/${id}`);
    return undefined;
  },
);

/** Sends a delivery again with the same event id. */
export const redeliverAction = defineAction(
  { caller: "admin", forbidden: ADMINS, notFound: "This delivery was not found.", refuse: asMessage, name: "redeliver webhook", args: [recordId, recordId] },
  async ({ member }, endpointId, deliveryId) => {
    await redeliver(actor(member), deliveryId);
    after(wakeDispatcher);
    revalidatePath(`/settings/webhooks/${endpointId}`);
    return undefined;
  },
);
