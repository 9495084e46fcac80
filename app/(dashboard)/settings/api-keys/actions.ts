"use server";

import { addDays } from "date-fns";
import { revalidatePath } from "next/cache";
import { asFormState, asMessage, defineAction, formInput, previousState } from "@/lib/actions";
import { createApiKey, revokeApiKey } from "@/lib/api/keys";
import { now } from "@/lib/clock";
import { recordId } from "@/lib/fields";
import type { FormState } from "@/lib/form-state";
import { apiKeyFromFormData, apiKeySchema } from "./schema";

const admin = { caller: "admin", forbidden: "Only an owner or admin can manage API keys." } as const;
const PAGE = "/settings/api-keys";

/** The create form's result: the new key, in this one response only. */
export type ApiKeyFormState = FormState & { key?: string };

/**
 * Creates an API key. The key comes back in this response only: Kairos keeps its SHA-256, and
 * neither the action pipeline nor anything else logs it (the log names ids, never results).
 */
export const createApiKeyAction = defineAction(
  { ...admin, refuse: asFormState, name: "create API key", failed: "We could not create the key. Please try again.", args: [previousState, formInput(apiKeySchema, apiKeyFromFormData)] },
  async ({ member }, _prev, { name, scopes, expiresInDays }): Promise<ApiKeyFormState> => {
    const expiresAt = expiresInDays === null ? null : addDays(now(), expiresInDays);
    const { key } = await createApiKey({ userId: member.id, organizationId: member.organizationId }, { name, scopes, expiresAt });
    revalidatePath(PAGE);
    return { ok: true, message: "API key created.", key };
  },
);

/** Revokes an API key: the next request that presents it is refused. */
export const revokeApiKeyAction = defineAction(
  { ...admin, refuse: asMessage, notFound: "This API key was not found.", failed: "We could not revoke the key. Please try again.", name: "revoke API key", args: [recordId] },
  async ({ member }, id) => {
    await revokeApiKey({ userId: member.id, organizationId: member.organizationId }, id);
    revalidatePath(PAGE);
    return undefined;
  },
);
