import "server-only";

/**
 * Captions as the players' <track> reads them, or the media routes' own 404 (null: not the
 * caller's, or no finished transcript — the two look the same from outside). Never cached: they
 * belong to one signed-in viewer or one link's holder.
 */
export function captionsResponse(captions: string | null, extra: Record<string, string> = {}): Response {
  if (captions === null) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", ...extra } });
  return new Response(captions, {
    headers: { "Content-Type": "text/vtt; charset=utf-8", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff", ...extra },
  });
}
