// A Storage kept in memory, for tests that check which media objects a deletion removed; a
// prefix can be made to fail, to play a storage outage for one interview.
import type { Storage } from "@/lib/storage";

export function memoryStorage() {
  const objects = new Map<string, Uint8Array>();
  const failing = new Set<string>();
  const storage: Storage = {
    name: "local",
    async put(key, body) {
      objects.set(key, body);
    },
    async get(key, range) {
      const body = objects.get(key);
      if (!body) return null;
      const bytes = range ? body.slice(range.start, range.end + 1) : body;
      return new ReadableStream({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      });
    },
    async deletePrefix(prefix) {
      if ([...failing].some((p) => prefix.startsWith(p))) throw new Error(`storage unavailable for ${prefix}`);
      let deleted = 0;
      for (const key of [...objects.keys()]) {
        if (key.startsWith(prefix)) {
          objects.delete(key);
          deleted++;
        }
      }
      return deleted;
    },
  };
  return {
    storage,
    /** Every stored key starting with `prefix`, sorted. */
    keys: (prefix = "") => [...objects.keys()].filter((k) => k.startsWith(prefix)).sort(),
    /** deletePrefix throws for prefixes starting with `prefix` (until `heal`). */
    fail: (prefix: string) => failing.add(prefix),
    heal: () => failing.clear(),
  };
}
