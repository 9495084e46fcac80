/** Shared by playwright.config.ts and the specs: where the e2e server listens and logs, and the secret it signs sessions with. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_AUTH_SECRET = "e2e-secret-not-for-production";
/** Everything the e2e server prints (stdout and stderr), one file per port, truncated when the server starts. */
export const E2E_SERVER_LOG = `.data/e2e-server-${E2E_PORT}.log`;
