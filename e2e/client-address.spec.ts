import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { startServer } from "./own-server";
import { earlyInAMinute, inOneMinute } from "./rate-windows";
import { invoke } from "./server-actions";

const badKey = () => `kairos_interview=${randomUUID().replaceAll("-", "").padEnd(43, "q")}`;

test("reached directly (no proxy), a client cannot buy a fresh key-guessing budget by rotating X-Forwarded-For", async ({ request }) => {
  test.setTimeout(180_000);
  // TRUSTED_PROXY_HOPS unset: `next start` on its own, as an operator without a proxy runs it.
  const server = startServer(3195, { AUTH_SECRET: "x".repeat(32), KAIROS_DEV_MAILBOX: "unsafe-test-only" });
  try {
    await expect(async () => expect((await request.get(`${server.url}/sign-in`)).status()).toBe(200)).toPass({ timeout: 60_000 });
    // Every guess claims another address; the 21st is refused all the same.
    const statuses = await inOneMinute(async () => {
      const seen: number[] = [];
      for (let i = 0; i < 23; i++) {
        const response = await request.get(`${server.url}/interview`, { headers: { cookie: badKey(), "x-forwarded-for": `10.${i}.0.1, 172.16.${i}.9` }, maxRedirects: 0 });
        seen.push(response.status());
      }
      return seen;
    });
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(404));
    expect(statuses.slice(20)).toEqual([429, 429, 429]);
  } finally {
    await server.stop();
  }
});

test("every path that takes a key counts toward one budget per client, and each answers 'too many' once it is used up", async ({ request, playwright, baseURL }) => {
  await earlyInAMinute();
  const client = { "x-forwarded-for": `10.66.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}` };
  const headers = () => ({ ...client, cookie: badKey() });
  const saveAnswer = async () => {
    const caller = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers() });
    try {
      return (await invoke(caller, "app/interview/actions.ts#saveAnswerAction", "/interview", [randomUUID(), "guess"])).result;
    } finally {
      await caller.dispose();
    }
  };
  // HEAD is judged like GET: the same status for a bad key, and counted.
  expect((await request.head("/interview", { headers: headers(), maxRedirects: 0 })).status()).toBe(404);
  // Each round fails five times, once at each door: 1 + 15 failures.
  for (let round = 0; round < 3; round++) {
    expect((await request.get("/interview", { headers: headers(), maxRedirects: 0 })).status()).toBe(404);
    expect((await request.head("/interview", { headers: headers(), maxRedirects: 0 })).status()).toBe(404);
    expect((await request.post("/interview/new-time", { headers: { ...headers(), origin: "null" }, maxRedirects: 0 })).status()).toBe(303);
    expect((await request.post("/interview/signals", { headers: { ...headers(), "sec-fetch-site": "same-origin" }, data: { type: "heartbeat", deviceId: "device-abcdef12" } })).status()).toBe(404);
    expect(await saveAnswer()).toMatchObject({ ok: false, reason: "invalid" });
  }
  for (let i = 0; i < 4; i++) expect((await request.get("/interview", { headers: headers(), maxRedirects: 0 })).status()).toBe(404);
  // 20 failures: every door is shut for this client now.
  expect((await request.get("/interview", { headers: headers(), maxRedirects: 0 })).status()).toBe(429);
  expect((await request.head("/interview", { headers: headers(), maxRedirects: 0 })).status()).toBe(429);
  expect((await request.post("/interview/signals", { headers: { ...headers(), "sec-fetch-site": "same-origin" }, data: { type: "heartbeat", deviceId: "device-abcdef12" } })).status()).toBe(429);
  expect(await saveAnswer()).toMatchObject({ ok: false, reason: "too_many" });
});
