import { expect, test } from "@playwright/test";
import { startServer } from "./own-server";

// These start their own `next start` (e2e/own-server.ts) to see what an operator would see when
// production is configured one way or another.

test("production without RESEND_API_KEY refuses to start and says what to set", async () => {
  const server = startServer(3197, { AUTH_SECRET: "x".repeat(32) });
  const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 30_000))]);
  if (code === "running") server.child.kill("SIGKILL");
  expect(code).not.toBe("running");
  expect(code).not.toBe(0);
  expect(server.output()).toContain("RESEND_API_KEY is not set");
});

test("the dev mailbox, email previews and test hooks are 404 in production", async ({ request }) => {
  const server = startServer(3198, { AUTH_SECRET: "x".repeat(32), RESEND_API_KEY: "re_test", RESEND_BASE_URL: "http://127.0.0.1:9" });
  try {
    await expect(async () => {
      const response = await request.get("http://127.0.0.1:3198/sign-in");
      expect(response.status()).toBe(200);
    }).toPass({ timeout: 30_000 });
    for (const path of ["/dev/mailbox", "/dev/mailbox/anything", "/dev/emails", "/dev/emails/interview-invitation"]) {
      expect((await request.get(`http://127.0.0.1:3198${path}`)).status(), path).toBe(404);
    }
    expect((await request.post("http://127.0.0.1:3198/api/test/interviews/anything/shift?seconds=60")).status()).toBe(404);
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
  }
});
