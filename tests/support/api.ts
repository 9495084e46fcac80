import { createApiKey } from "@/lib/api/keys";
import type { ApiScope } from "@/lib/api/scopes";
import { API_SCOPES } from "@/lib/api/scopes";
import { OPERATIONS } from "@/lib/api/v1";

/** A key of `org` (created by its owner) with `scopes` (all of them unless told). */
export async function makeApiKey(org: { organizationId: string; ownerId: string }, scopes: readonly ApiScope[] = API_SCOPES) {
  const { id, key } = await createApiKey({ userId: org.ownerId, organizationId: org.organizationId }, { name: "Test key", scopes: [...scopes], expiresAt: null });
  return { id, key };
}

export interface ApiCall {
  key?: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Calls an /api/v1 operation by its operationId through the handler its route exports, with a real
 * Request (tests/api-openapi.test.ts checks that every operation of the document is called so).
 */
export async function api(operationId: string, call: ApiCall = {}) {
  const op = OPERATIONS.find((o) => o.id === operationId);
  if (!op) throw new Error(`No operation ${operationId}`);
  let path = op.path;
  for (const [name, value] of Object.entries(call.params ?? {})) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const url = new URL(`http://kairos.test${path}`);
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value);
  const headers = new Headers(call.headers);
  if (call.key !== null) headers.set("authorization", `Bearer ${call.key ?? ""}`);
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const response = await op.handle(new Request(url, { method: op.method, headers, body }), { params: Promise.resolve(call.params ?? {}) });
  const text = await response.clone().text();
  // The body as the test reads it; a success's shape is checked against its schema below.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  // What the reference promises is what comes back: a success's body must match its documented schema.
  if (response.ok && op.success.schema && !op.success.binary) op.success.schema.parse(json);
  return { status: response.status, headers: response.headers, json, text, response, op };
}
