import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { expect } from "./fixtures";

// Calling a server action over HTTP exactly as the browser does: a POST to a page's path with the
// action's id in `Next-Action`, its arguments encoded as React's encodeReply encodes them, and the
// answer read from the RSC stream. Used by e2e/action-refusals.spec.ts.

/** "app/(dashboard)/jobs/actions.ts#updateJobAction": a source file and one of its exports. */
export type ActionRef = `${string}#${string}`;

const MANIFEST = ".next/server/server-reference-manifest.json";

/**
 * The production build's action ids, by file and export. Next 16's manifest:
 * `{ node: { [id]: { workers: { [page]: … }, filename, exportedName } }, edge: {…}, encryptionKey }`.
 */
export function actionIds(): Map<ActionRef, string> {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Record<"node" | "edge", Record<string, { filename: string; exportedName: string }>>;
  const ids = new Map<ActionRef, string>();
  for (const runtime of ["node", "edge"] as const) {
    for (const [id, entry] of Object.entries(manifest[runtime] ?? {})) ids.set(`${entry.filename}#${entry.exportedName}`, id);
  }
  return ids;
}

/**
 * Every export of every server-action module under app/ — each actions.ts, and any other file that
 * starts with "use server" (such a module may export only actions) — read from the sources.
 */
export function exportedActions(root = "app"): ActionRef[] {
  const files = (readdirSync(root, { recursive: true }) as string[]).filter((file) => /\.(ts|tsx)$/.test(file));
  return files.flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    const isActions = path.basename(file) === "actions.ts" || /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/.test(source);
    if (!isActions) return [];
    const names = [...source.matchAll(/^export\s+(?:async\s+function\*?|function|const|let)\s+(\w+)/gm)].map((m) => m[1]!);
    return names.map((name): ActionRef => `${path.posix.join(root, file.split(path.sep).join("/"))}#${name}`);
  });
}

/** The form state every form action starts from (lib/form-state.ts). */
export const INITIAL = { ok: false };

/** A FormData from plain fields; an array repeats a field (the job form's question rows). */
export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

/** React's encodeReply for the values actions take here: JSON, with FormData as `$K<n>` and its fields as `_<n>_<name>`. */
function encodeReply(args: unknown[]): { data: string } | { multipart: FormData } {
  let parts: FormData | null = null;
  let next = 1;
  const encode = (value: unknown): unknown => {
    if (value instanceof FormData) {
      const id = next++;
      parts ??= new FormData();
      for (const [name, v] of value.entries()) parts.append(`_${id}_${name}`, v);
      return `$K${id.toString(16)}`;
    }
    if (value === undefined) return "$undefined";
    if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
    if (Array.isArray(value)) return value.map(encode);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
    return value;
  };
  const json = JSON.stringify(encode(args));
  if (!parts) return { data: json };
  (parts as FormData).append("0", json);
  return { multipart: parts };
}

export const NO_RESULT = Symbol("the action returned nothing (it did not run, or it redirected)");

export interface Outcome {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** What the action returned, or NO_RESULT. */
  result: unknown;
  /** `x-action-redirect` without its `;push`/`;replace`: where the action's redirect() pointed. */
  redirect: string | null;
}

/** The action's return value in an RSC answer: row 0 holds `{ a: "$@<row>" }`, that row the value. */
function actionResult(body: string): unknown {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const row = /^([0-9a-f]+):(.*)$/.exec(line);
    if (row) rows.set(row[1]!, row[2]!);
  }
  let root: { a?: unknown };
  try {
    root = JSON.parse(rows.get("0") ?? "null") ?? {};
  } catch {
    return NO_RESULT;
  }
  if (!("a" in root)) return NO_RESULT;
  const revive = (value: unknown): unknown => {
    if (value === "$undefined") return undefined;
    if (typeof value === "string" && value.startsWith("$@")) return revive(JSON.parse(rows.get(value.slice(2)) ?? "null"));
    if (Array.isArray(value)) return value.map(revive);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
    return value;
  };
  return revive(root.a);
}

/**
 * Invokes an action by its id from the build, as the browser's router does, and checks the answer
 * is no crash: below 500, no stack trace, no error digest, no database error text.
 */
export async function invoke(client: APIRequestContext, ref: ActionRef, pagePath: string, args: unknown[]): Promise<Outcome> {
  const id = actionIds().get(ref);
  if (!id) throw new Error(`${ref} is not in ${MANIFEST}: rebuild (npx next build)`);
  const encoded = encodeReply(args);
  const response = await client.post(pagePath, {
    ...encoded,
    headers: {
      "next-action": id,
      accept: "text/x-component",
      // A browser sends its Origin with every POST; Next refuses actions from another origin.
      origin: E2E_BASE_URL,
      ...("data" in encoded && { "content-type": "text/plain;charset=UTF-8" }),
    },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const body = await response.text();
  const headers = response.headers();
  const outcome: Outcome = {
    status: response.status(),
    headers,
    body,
    result: headers["content-type"]?.startsWith("text/x-component") ? actionResult(body) : NO_RESULT,
    redirect: headers["x-action-redirect"]?.replace(/;(push|replace)$/, "") ?? null,
  };
  expectNoCrash(outcome, ref);
  return outcome;
}

/**
 * A refusal is an answer, not an error page: no 5xx, and nothing of the server's insides in the
 * body. An error thrown while rendering reaches the RSC stream as `E{"digest":"<number>"}`;
 * redirect() and notFound() travel the same way with a `NEXT_…` digest, and those are fine.
 */
export function expectNoCrash(outcome: Outcome, what: string) {
  expect(outcome.status, `${what}: status`).toBeLessThan(500);
  expect(outcome.body, `${what}: body`).not.toMatch(/\n\s+at \S|"digest":"(?!NEXT_)|Internal Server Error|Prisma|Invalid `|TypeError|ReferenceError/);
}
