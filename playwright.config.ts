import { statfsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_AUTH_SECRET, E2E_BASE_URL as baseURL, E2E_PORT as PORT, E2E_SERVER_LOG } from "./e2e/env";

/** True when /dev/shm has room for Chromium's shared memory (2 GiB free). */
function roomyDevShm(): boolean {
  try {
    const { bavail, bsize } = statfsSync("/dev/shm");
    return bavail * bsize >= 2 ** 31;
  } catch {
    return false;
  }
}

// e2e talks to a production build (`next start`) on its own database: a fresh PGlite directory,
// or the PostgreSQL in DATABASE_URL (which scripts/test.sh refuses unless it is local).
export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    timezoneId: "America/New_York",
    locale: "en-US",
    // Recording a trace costs a third of the browser's CPU on every test (screencast frames, DOM
    // snapshots); a failing test's retry records one, and a failing run without retries gets a screenshot.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      // Playwright's default --disable-dev-shm-usage is for containers with a tiny /dev/shm: where it
      // is large, shared memory on disk (/tmp) only costs system time in every browser process.
      ignoreDefaultArgs: roomyDevShm() ? ["--disable-dev-shm-usage"] : [],
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless=new",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // Recorded answers: a synthetic camera (test pattern) and microphone (a beep), and no
        // permission prompt. The device-check spec turns the prompt back on to test a denial.
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // The server's output still reaches Playwright (stdout and stderr apart, as before) and is also
    // kept in E2E_SERVER_LOG, so a spec can check what the server logged (e2e/session-key-leaks.spec.ts).
    command: `bash -c 'mkdir -p .data && : > ${E2E_SERVER_LOG} && exec npx next start --port ${PORT} --hostname 127.0.0.1 --keepAliveTimeout 70000 > >(tee -a ${E2E_SERVER_LOG}) 2> >(tee -a ${E2E_SERVER_LOG} >&2)'`,
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DIR: process.env.E2E_PGLITE_DIR ?? ".data/e2e-pglite",
      AUTH_SECRET: E2E_AUTH_SECRET,
      NEXTAUTH_URL: baseURL,
      APP_URL: baseURL,
      // The dev mailbox stands in for Resend; production refuses it without this exact opt-in (lib/config.ts).
      KAIROS_DEV_MAILBOX: "unsafe-test-only",
      OUTBOX_POLL_MS: "1000",
      // Lets specs move one interview's rows in time (app/api/test/*); 404 everywhere else.
      KAIROS_TEST_HOOKS: "1",
      // The webhooks spec's receiver and the Greenhouse stand-in listen on 127.0.0.1 over http, which
      // production refuses otherwise.
      KAIROS_WEBHOOKS_ALLOW_LOOPBACK: "1",
      // As behind one proxy: specs name their client in X-Forwarded-For, so parallel tests keep
      // their own key-lookup budgets (e2e/client-address.spec.ts runs a server with 0 hops).
      TRUSTED_PROXY_HOPS: "1",
      // Thousands of deliberate bad keys across the suite; the every-client budget has its own tests.
      KEY_FAILURES_GLOBAL_PER_MINUTE: "1000000",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
