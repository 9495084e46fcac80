import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkEndpointUrl, currentGuard, refusedAddress, resolveChecked, type Guard } from "@/lib/webhooks/address";
import { postWebhook } from "@/lib/webhooks/post";
import { startReceiver } from "./support/webhook-receiver";

// The production rules (NODE_ENV=production without KAIROS_WEBHOOKS_ALLOW_LOOPBACK), passed
// explicitly so the test does not depend on the environment it runs in.
const PRODUCTION: Guard = { https: true, publicOnly: true, allowLoopback: false };
const TEST_OPT_IN: Guard = { https: false, publicOnly: true, allowLoopback: true };
const DEVELOPMENT: Guard = { https: false, publicOnly: false, allowLoopback: true };

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());

describe("address classes refused in production", () => {
  it.each([
    ["loopback", "127.0.0.1"],
    ["loopback (other)", "127.1.2.3"],
    ["IPv6 loopback", "::1"],
    ["private 10/8", "10.0.0.5"],
    ["private 172.16/12", "172.20.1.1"],
    ["private 192.168/16", "192.168.1.10"],
    ["link-local", "169.254.10.10"],
    ["cloud metadata", "169.254.169.254"],
    ["CGNAT 100.64/10", "100.100.1.1"],
    ["IPv6 unique local fc00::/7", "fd12:3456::1"],
    ["IPv6 link-local", "fe80::1"],
    ["unspecified", "0.0.0.0"],
    ["IPv6 unspecified", "::"],
    ["multicast", "224.0.0.251"],
    ["IPv4-mapped loopback", "::ffff:127.0.0.1"],
    ["IPv4-mapped private", "::ffff:10.0.0.1"],
    ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
    ["broadcast", "255.255.255.255"],
  ])("%s (%s)", async (_label, address) => {
    expect(refusedAddress(address, PRODUCTION)).toMatch(/address$/);
    const host = address.includes(":") ? `[${address}]` : address;
    expect(() => checkEndpointUrl(`https://${host}/hook`, PRODUCTION)).toThrow(/public address/);
    await expect(resolveChecked(new URL(`https://${host}/hook`), PRODUCTION)).rejects.toThrow(/refused/);
  });

  it("public addresses pass, IPv4-mapped ones too", () => {
    for (const address of ["93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) expect(refusedAddress(address, PRODUCTION)).toBeNull();
  });

  it("the test opt-in allows loopback and http, never private or link-local", () => {
    expect(refusedAddress("127.0.0.1", TEST_OPT_IN)).toBeNull();
    expect(refusedAddress("::1", TEST_OPT_IN)).toBeNull();
    expect(refusedAddress("10.0.0.1", TEST_OPT_IN)).not.toBeNull();
    expect(refusedAddress("169.254.169.254", TEST_OPT_IN)).not.toBeNull();
    expect(checkEndpointUrl("http://127.0.0.1:9/hook", TEST_OPT_IN).protocol).toBe("http:");
  });

  it("a name is judged by what it resolves to (localhost → loopback), at send time", async () => {
    await expect(resolveChecked(new URL("https://localhost/hook"), PRODUCTION)).rejects.toThrow(/loopback/);
    expect(() => checkEndpointUrl("https://localhost/hook", PRODUCTION)).toThrow(/public address/);
    await expect(resolveChecked(new URL("https://does-not-exist.invalid/hook"), PRODUCTION)).rejects.toThrow(/does not resolve/);
  });
});

describe("which rules are in force", () => {
  afterEach(() => vi.unstubAllEnvs());
  it("production guards unless KAIROS_WEBHOOKS_ALLOW_LOOPBACK=1, which allows loopback and http alone", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("KAIROS_WEBHOOKS_ALLOW_LOOPBACK", "");
    expect(currentGuard()).toEqual(PRODUCTION);
    vi.stubEnv("KAIROS_WEBHOOKS_ALLOW_LOOPBACK", "true"); // only the documented value opts in
    expect(currentGuard()).toEqual(PRODUCTION);
    vi.stubEnv("KAIROS_WEBHOOKS_ALLOW_LOOPBACK", "1");
    expect(currentGuard()).toEqual(TEST_OPT_IN);
    vi.stubEnv("NODE_ENV", "development");
    expect(currentGuard()).toEqual(DEVELOPMENT);
  });
});

describe("registration checks", () => {
  it.each([
    ["not a URL", "example.com/hook", /full URL/],
    ["ftp", "ftp://example.com/hook", /https/],
    ["http in production", "http://example.com/hook", /https/],
    ["credentials", "https://user:pass@example.com/hook", /user name/],
    ["too long", `https://example.com/${"a".repeat(2100)}`, /longer/],
  ])("%s is refused", (_label, url, message) => {
    expect(() => checkEndpointUrl(url, PRODUCTION)).toThrow(message);
  });

  it("https to a public name passes; development allows anything http(s)", () => {
    expect(checkEndpointUrl("https://ats.example.com/hooks/kairos", PRODUCTION).hostname).toBe("ats.example.com");
    expect(checkEndpointUrl("http://10.0.0.1/hook", DEVELOPMENT).hostname).toBe("10.0.0.1");
  });
});

describe("sending", () => {
  it("refuses to connect to a refused address: the receiver hears nothing", async () => {
    receiver.received.length = 0;
    const result = await postWebhook(new URL(receiver.url), {}, "{}", { ...PRODUCTION, https: false });
    expect(result).toMatchObject({ statusCode: null, error: expect.stringMatching(/^refused: 127\.0\.0\.1 is a loopback address/) });
    expect(receiver.received).toHaveLength(0);
  });

  it("does not follow redirects: a 3xx is a failed attempt and its target gets nothing", async () => {
    const target = await startReceiver();
    try {
      receiver.received.length = 0;
      receiver.answer((_r, res) => {
        res.statusCode = 307;
        res.setHeader("location", target.url);
        res.end();
      });
      const result = await postWebhook(new URL(receiver.url), {}, "{}", TEST_OPT_IN);
      expect(result).toMatchObject({ statusCode: 307, error: null });
      expect(receiver.received).toHaveLength(1);
      expect(target.received).toHaveLength(0);
    } finally {
      await target.close();
    }
  });
});
