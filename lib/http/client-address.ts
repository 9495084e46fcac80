/**
 * The client's address for rate limiting: the right-most X-Forwarded-For entry, which is the one
 * the nearest proxy (or Next itself, from the socket) wrote. Deploy behind a proxy that sets it.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
}
