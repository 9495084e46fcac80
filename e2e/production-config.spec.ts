import { readFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { E2E_SERVER_LOG } from "./env";
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

/** Waits up to 30 s for the server to exit; fails (and kills it) if it is still running. */
async function expectRefusal(server: ReturnType<typeof startServer>) {
  const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 30_000))]);
  if (code === "running") server.child.kill("SIGKILL");
  expect(code).not.toBe("running");
  expect(code).not.toBe(0);
}

/** A port nothing listens on right now (other suites on this machine take fixed ones). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test("production with KAIROS_DEV_MAILBOX=1 refuses to start, instead of RESEND_API_KEY or beside it", async () => {
  const instead = startServer(await freePort(), { AUTH_SECRET: "x".repeat(32), KAIROS_DEV_MAILBOX: "1" });
  const beside = startServer(await freePort(), { AUTH_SECRET: "x".repeat(32), KAIROS_DEV_MAILBOX: "1", RESEND_API_KEY: "re_test", RESEND_BASE_URL: "http://127.0.0.1:9" });
  await expectRefusal(instead);
  await expectRefusal(beside);
  for (const server of [instead, beside]) {
    expect(server.output()).toContain("KAIROS_DEV_MAILBOX is set");
    expect(server.output()).toContain("KAIROS_DEV_MAILBOX=unsafe-test-only");
  }
  expect(instead.output()).toContain("RESEND_API_KEY is not set");
});

test("the test suite's own server runs with the explicit opt-in, and says loudly that it is no deployment", () => {
  expect(readFileSync(E2E_SERVER_LOG, "utf8")).toContain("WARNING: KAIROS_DEV_MAILBOX=unsafe-test-only");
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
