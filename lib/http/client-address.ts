/**
 * The TCP peer of the request, written by lib/http/peer-header.ts before Next sees the request
 * (a copy sent by the client is overwritten). Absent on hosts where Kairos does not own the
 * server (Vercel), where the platform's own X-Forwarded-For is the truth.
 */
export const PEER_HEADER = "x-kairos-peer";

/**
 * How many proxies in front of Kairos append the address they received to X-Forwarded-For
 * (TRUSTED_PROXY_HOPS): 0 for `next start` reached directly, 1 behind one nginx or load balancer,
 * and 1 by default on Vercel, whose edge sets the header itself.
 */
export function trustedProxyHops(): number {
  const configured = process.env.TRUSTED_PROXY_HOPS;
  if (configured !== undefined && configured !== "") {
    const hops = Number(configured);
    if (Number.isInteger(hops) && hops >= 0 && hops <= 10) return hops;
  }
  return process.env.VERCEL ? 1 : 0;
}

/**
 * The client's address for rate limiting. The chain is every X-Forwarded-For entry and then the
 * TCP peer; each trusted proxy added one entry at the right, so the client is the entry that many
 * hops in from the right. Entries further left are whatever the client claims and are never used:
 * rotating them buys no fresh budget.
 */
export function clientAddress(headers: Headers, hops = trustedProxyHops()): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean) ?? [];
  const peer = headers.get(PEER_HEADER);
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (chain.length === 0) return "unknown";
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}
