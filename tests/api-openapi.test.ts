import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { OPERATIONS } from "@/lib/api/v1";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document, served as JSON, with every operation once", async () => {
    const served = await openApiRoute();
    expect(served.headers.get("content-type")).toContain("application/json");
    const document = await served.json();
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document));
    expect(result.valid ? [] : result.errors).toEqual([]);
    const ids = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.sort()).toEqual(OPERATIONS.map((op) => op.id).sort());
  });

  it("documents each operation's scope and the problems it answers with", () => {
    const document = openApiDocument();
    const create = document.paths?.["/api/v1/interviews"]?.post as Record<string, unknown> & { responses: Record<string, unknown> };
    expect(create["x-required-scope"]).toBe("interviews:write");
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["201", "400", "401", "403", "409", "422", "429"]));
    const schemas = document.components?.schemas ?? {};
    // The request schema is the one the handler validates with: its required fields and limits are there.
    expect(JSON.stringify(schemas)).toContain("Metadata");
    // Webhook subscriptions take every event type an endpoint can hear, transcripts' included.
    expect(JSON.stringify(schemas.WebhookEndpointInput)).toContain('"transcript.ready"');
    expect(JSON.stringify(schemas.Transcript)).toContain("start_ms");
  });

  it("has every operation exercised by the API tests", async () => {
    const dir = path.join(process.cwd(), "tests");
    const files = (await readdir(dir)).filter((f) => /^api-.*\.test\.ts$/.test(f));
    const source = (await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")))).join("\n");
    const called = new Set([...source.matchAll(/\bapi\("([A-Za-z]+)"/g)].map((m) => m[1]));
    expect(OPERATIONS.map((op) => op.id).filter((id) => !called.has(id))).toEqual([]);
  });
});
