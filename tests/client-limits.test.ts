import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { clientAddress, PEER_HEADER, trustedProxyHops } from "@/lib/http/client-address";
import { KEY_FAILURES_PER_MINUTE, keyLookupLimiter } from "@/lib/http/portal";

// Each test counts in a minute of its own in 1998, before any window another file uses, so the
// shared every-client counter starts at zero for it.
let minute = 0;
const aMinute = () => new Date(Date.UTC(1998, 0, 1, 0, minute++));

beforeAll(async () => {
  await db();
});
afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
  delete process.env.VERCEL;
  delete process.env.KEY_FAILURES_GLOBAL_PER_MINUTE;
});

const request = (forwardedFor: string | null, peer: string | null = "203.0.113.7") =>
  new Headers({ ...(forwardedFor !== null && { "x-forwarded-for": forwardedFor }), ...(peer !== null && { [PEER_HEADER]: peer }) });

describe("clientAddress", () => {
  it("reached directly (0 hops): the TCP peer, whatever X-Forwarded-For claims", () => {
    for (const claimed of [null, "1.1.1.1", "1.1.1.1, 2.2.2.2", `${randomUUID()}`]) expect(clientAddress(request(claimed), 0)).toBe("203.0.113.7");
  });

  it("behind one proxy: the entry that proxy appended; what the client wrote before it is ignored", () => {
    expect(clientAddress(request("198.51.100.4"), 1)).toBe("198.51.100.4");
    expect(clientAddress(request("6.6.6.6, 198.51.100.4"), 1)).toBe("198.51.100.4");
    expect(clientAddress(request("7.7.7.7, 8.8.8.8, 198.51.100.4"), 1)).toBe("198.51.100.4");
  });

  it("behind two proxies: two entries in from the right", () => {
    expect(clientAddress(request("6.6.6.6, 198.51.100.4, 10.0.0.2"), 2)).toBe("198.51.100.4");
  });

  it("fewer entries than hops (a request that skipped a proxy): the left-most there is", () => {
    expect(clientAddress(request(null), 2)).toBe("203.0.113.7");
  });

  it("where the platform owns the server (no peer header), its X-Forwarded-For", () => {
    expect(clientAddress(request("198.51.100.9", null), 1)).toBe("198.51.100.9");
    expect(clientAddress(request(null, null), 1)).toBe("unknown");
  });

  it("TRUSTED_PROXY_HOPS: 0 by default, 1 on Vercel, else as configured; nonsense falls back", () => {
    expect(trustedProxyHops()).toBe(0);
    process.env.VERCEL = "1";
    expect(trustedProxyHops()).toBe(1);
    process.env.TRUSTED_PROXY_HOPS = "2";
    expect(trustedProxyHops()).toBe(2);
    process.env.TRUSTED_PROXY_HOPS = "-1";
    expect(trustedProxyHops()).toBe(1);
  });
});

describe("failed key lookups", () => {
  it(`one client: ${KEY_FAILURES_PER_MINUTE} failures a minute, then refused, however X-Forwarded-For rotates`, async () => {
    const at = aMinute();
    const peer = `192.0.2.${minute}`;
    for (let i = 0; i < KEY_FAILURES_PER_MINUTE; i++) {
      const limiter = keyLookupLimiter(request(`10.0.${i}.1`, peer), at);
      expect(await limiter.exhausted(), `lookup ${i + 1}`).toBe(false);
      await limiter.failed();
    }
    expect(await keyLookupLimiter(request("10.99.99.99", peer), at).exhausted()).toBe(true);
    expect(await keyLookupLimiter(request(null, "192.0.2.250"), at).exhausted()).toBe(false);
  });

  it("past the budget for every client, a client that has failed is refused; one that has not is still let through", async () => {
    process.env.KEY_FAILURES_GLOBAL_PER_MINUTE = "5";
    const at = aMinute();
    const client = (n: number) => keyLookupLimiter(request(null, `198.18.${minute}.${n}`), at);
    for (let n = 0; n < 4; n++) await client(n).failed();
    // A second failure just under the budget is still allowed.
    expect(await client(0).exhausted()).toBe(false);
    await client(4).failed();
    expect(await client(0).exhausted(), "failed before, budget used up").toBe(true);
    expect(await client(4).exhausted()).toBe(true);
    expect(await client(5).exhausted(), "a candidate whose link works has not failed").toBe(false);
  });
});
