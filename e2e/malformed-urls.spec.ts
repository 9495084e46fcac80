import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

// A path segment that is not valid percent-encoded UTF-8 is a bad request, never a 500: on every
// dynamic route, signed in or not, whatever the method.

const ROUTES: Array<{ path: (id: string) => string; method: "get" | "post" | "put" }> = [
  { path: (id) => `/jobs/${id}`, method: "get" },
  { path: (id) => `/jobs/${id}/edit`, method: "get" },
  { path: (id) => `/candidates/${id}`, method: "get" },
  { path: (id) => `/interviews/${id}`, method: "get" },
  { path: (id) => `/compare/${id}`, method: "get" },
  { path: (id) => `/api/recordings/${id}`, method: "get" },
  { path: (id) => `/interview/recordings/${id}`, method: "get" },
  { path: (id) => `/interview/recordings/${id}/finish`, method: "post" },
  { path: (id) => `/interview/recordings/${id}/chunks/0`, method: "put" },
  { path: (id) => `/interview/recordings/abc/chunks/${id}`, method: "put" },
  { path: (id) => `/dev/mailbox/${id}`, method: "get" },
  { path: (id) => `/dev/mailbox/${id}/ics`, method: "get" },
  { path: (id) => `/dev/emails/${id}`, method: "get" },
  { path: (id) => `/api/test/interviews/${id}/shift`, method: "post" },
  { path: (id) => `/api/auth/${id}`, method: "get" },
];

// Cut short, a lone %, not hex, an overlong and a surrogate encoding, a byte that is never UTF-8.
const MALFORMED = ["%E0%A4%A", "%", "%ZZ", "abc%2", "%C0%AF", "%ED%A0%80", "%FF"];

async function expectBadRequest(request: APIRequestContext, method: "get" | "post" | "put", path: string) {
  const response = await request[method](path, { maxRedirects: 0, ...(method !== "get" && { data: "x" }) });
  expect(response.status(), `${method.toUpperCase()} ${path}`).toBe(400);
  expect(await response.text()).not.toMatch(/Internal Server Error/i);
  expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
  if (path.startsWith("/interview/")) expect(response.headers()["referrer-policy"]).toBe("no-referrer");
}

test("malformed percent-encodings in a dynamic segment answer 400, signed out and signed in", async ({ page, request, recruiter: _ }) => {
  for (const { path, method } of ROUTES) {
    for (const bad of MALFORMED) {
      await expectBadRequest(request, method, path(bad));
      await expectBadRequest(page.request, method, path(bad));
    }
  }
});

test("a well-formed encoding of an id that does not exist is still a 404", async ({ page, recruiter: _ }) => {
  for (const path of ["/jobs/%E0%A4%A4", "/candidates/%C3%A9t%C3%A9", "/interviews/caf%C3%A9"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});
