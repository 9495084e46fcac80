import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

// STAND-IN: main is getting the real module (local and S3 adapters) from another engineer. This
// file only implements its agreed interface, with a local adapter, so the accommodations branch
// compiles and its tests run; take main's version when it lands.

/** Where media objects live. Keys are "/"-separated, e.g. "recordings/<interviewId>/<recordingId>/<seq>". */
export interface Storage {
  readonly name: "local" | "s3";
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  get(key: string, range?: { start: number; end: number }): Promise<ReadableStream<Uint8Array> | null>;
  /** Deletes every object whose key starts with `prefix`; returns how many. */
  deletePrefix(prefix: string): Promise<number>;
}

function localStorage(root: string): Storage {
  const file = (key: string) => {
    const resolved = path.resolve(root, key);
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
    return resolved;
  };
  async function count(dir: string): Promise<number> {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    let n = 0;
    for (const entry of entries) n += entry.isDirectory() ? await count(path.join(dir, entry.name)) : 1;
    return n;
  }
  return {
    name: "local",
    async put(key, body) {
      const target = file(key);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, body);
    },
    async get(key, range) {
      const target = file(key);
      try {
        await fs.access(target);
      } catch {
        return null;
      }
      const { createReadStream } = await import("node:fs");
      const stream = createReadStream(target, range ? { start: range.start, end: range.end } : undefined);
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    async deletePrefix(prefix) {
      // Prefixes used here end in "/", i.e. they name a directory.
      const dir = file(prefix.replace(/\/+$/, ""));
      const n = await count(dir);
      await fs.rm(dir, { recursive: true, force: true });
      return n;
    },
  };
}

let current: Storage | null = null;

/** The configured storage (local files under STORAGE_DIR, default .data/storage). */
export function storage(): Storage {
  current ??= localStorage(path.resolve(process.env.STORAGE_DIR || ".data/storage"));
  return current;
}

/** Tests: use `s`, or go back to the configured storage with null. */
export function setStorage(s: Storage | null): void {
  current = s;
}
