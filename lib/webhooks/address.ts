import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// The SSRF guard. A webhook URL is typed by a customer's admin and fetched by our servers, so in
// production it must not reach anything but the public internet: no loopback, private, link-local
// (the cloud metadata service at 169.254.169.254), CGNAT, unspecified, multicast or reserved
// address, IPv4-mapped IPv6 forms included. ipaddr.js classifies; we allow its "unicast" class
// alone (global addresses), so a class we did not think of is refused rather than let through.

/** Refusals a user or the delivery log may be told (never a stack). */
export class WebhookAddressError extends Error {}

export type Guard = { https: boolean; publicOnly: boolean; allowLoopback: boolean };

/**
 * The rules in force: none in development (a developer's receiver on localhost); in production
 * https and public addresses only, except that KAIROS_WEBHOOKS_ALLOW_LOOPBACK=1 (test suites running
 * a production build) allows http and loopback — never private or link-local addresses.
 */
export function currentGuard(): Guard {
  if (process.env.NODE_ENV !== "production") return { https: false, publicOnly: false, allowLoopback: true };
  const loopback = process.env.KAIROS_WEBHOOKS_ALLOW_LOOPBACK === "1";
  return { https: !loopback, publicOnly: true, allowLoopback: loopback };
}

/** Why an address may not be reached, or null when it may. */
export function refusedAddress(address: string, guard: Guard = currentGuard()): string | null {
  if (!guard.publicOnly) return null;
  if (!ipaddr.isValid(address)) return "not an IP address";
  // process() turns ::ffff:10.0.0.1 into 10.0.0.1, so a mapped address is judged as what it reaches.
  const range = ipaddr.process(address).range();
  if (range === "unicast") return null;
  if (range === "loopback" && guard.allowLoopback) return null;
  return `${address} is a ${range} address`;
}

const MAX_URL_LENGTH = 2_000;

/** Checks a URL as it is registered: syntax, scheme, no credentials, and an IP host's class. */
export function checkEndpointUrl(raw: string, guard: Guard = currentGuard()): URL {
  if (raw.length > MAX_URL_LENGTH) throw new WebhookAddressError(`The URL is longer than ${MAX_URL_LENGTH} characters.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookAddressError("Enter a full URL, such as https://example.com/webhooks/kairos.");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new WebhookAddressError("The URL must start with https://.");
  if (guard.https && url.protocol !== "https:") throw new WebhookAddressError("The URL must use https.");
  if (url.username || url.password) throw new WebhookAddressError("The URL must not contain a user name or password.");
  const host = bareHost(url);
  if (isIP(host)) {
    const refused = refusedAddress(host, guard);
    if (refused) throw new WebhookAddressError(`The URL must point at a public address (${refused}).`);
  } else if (guard.publicOnly && !guard.allowLoopback && (host === "localhost" || host.endsWith(".localhost"))) {
    throw new WebhookAddressError("The URL must point at a public address.");
  }
  return url;
}

/** The URL's host without IPv6 brackets. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "");
}

/**
 * Resolves the host as it is about to be connected to, and returns the address to connect to:
 * every address DNS gives must be allowed (a name with one public and one private address is
 * refused), so the connection cannot land anywhere unchecked.
 */
export async function resolveChecked(url: URL, guard: Guard = currentGuard()): Promise<{ address: string; family: 4 | 6 }> {
  if (guard.https && url.protocol !== "https:") throw new WebhookAddressError("refused: the URL must use https");
  const host = bareHost(url);
  const found = isIP(host) ? [{ address: host, family: isIP(host) as 4 | 6 }] : await lookup(host, { all: true, verbatim: true }).catch(() => []);
  if (found.length === 0) throw new WebhookAddressError(`refused: ${host} does not resolve`);
  for (const { address } of found) {
    const refused = refusedAddress(address, guard);
    if (refused) throw new WebhookAddressError(`refused: ${refused}`);
  }
  return { address: found[0].address, family: found[0].family === 6 ? 6 : 4 };
}
