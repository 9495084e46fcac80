import "server-only";
import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ByteRange, Storage } from "./index";
import { assertValidKey, assertValidPrefix, assertValidRange } from "./keys";

// "~" is not a key character, so a half-written temp file can never be mistaken for an object.
const TEMP_MARK = ".~tmp-";

export class PathEscapeError extends Error {
  constructor() {
    super("Storage path escapes the storage root");
    this.name = "PathEscapeError";
  }
}

/**
 * `relative` resolved under `root`, or PathEscapeError when the result is not inside it. Key
 * validation already refuses "..", "/abs" and the like; this is the second lock on the same door.
 */
export function resolveInsideRoot(root: string, relative: string, allowRoot = false): string {
  const resolved = path.resolve(root, relative);
  assertInside(path.resolve(root), resolved, allowRoot);
  return resolved;
}

function assertInside(root: string, candidate: string, allowRoot: boolean): void {
  const rel = path.relative(root, candidate);
  if (rel === "" ? !allowRoot : rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new PathEscapeError();
  }
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === "ENOENT" || code === "ENOTDIR";
}

function emptyStream(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
}

/** Objects as files under one directory; each write lands whole (temp file, fsync, rename). */
class LocalStorage implements Storage {
  readonly name = "local" as const;
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    void contentType; // a file has no content type; routes know what they stored
    assertValidKey(key);
    resolveInsideRoot(this.root, key);
    const segments = key.split("/");
    const name = segments.pop()!;
    try {
      await this.writeAtomically(await this.ensureDir(segments), name, body);
    } catch (error) {
      // A concurrent deletePrefix may have pruned the (then empty) directory between our mkdir and
      // our write; the upload was not part of what it deleted, so make the directory again.
      if (errorCode(error) !== "ENOENT") throw error;
      await this.writeAtomically(await this.ensureDir(segments), name, body);
    }
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    assertValidKey(key);
    if (range) assertValidRange(range);
    let real: string;
    try {
      real = await fs.realpath(resolveInsideRoot(this.root, key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    // realpath has followed every symlink on the way: the file itself must still be ours.
    assertInside(await fs.realpath(this.root), real, false);
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(real, "r");
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        await handle.close();
        return null;
      }
      if (range && range.start >= stat.size) {
        await handle.close();
        return emptyStream();
      }
      // The stream owns the handle from here and closes it when it ends or is cancelled.
      const stream = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
      return Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>;
    } catch (error) {
      await handle.close().catch(() => {});
      throw error;
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    const slash = prefix.lastIndexOf("/");
    const dirSegments = slash < 0 ? [] : prefix.slice(0, slash).split("/");
    const namePrefix = prefix.slice(slash + 1);
    resolveInsideRoot(this.root, prefix.slice(0, slash + 1), true);

    // Walk down without following symlinks (the root itself may be one): a link inside the root
    // is not a directory of ours to empty.
    let dir = this.root;
    for (const segment of dirSegments) {
      dir = path.join(dir, segment);
      try {
        if (!(await fs.lstat(dir)).isDirectory()) return 0;
      } catch (error) {
        if (isMissing(error)) return 0;
        throw error;
      }
    }

    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    let count = 0;
    for (const entry of entries) {
      if (!entry.name.startsWith(namePrefix)) continue;
      const full = path.join(dir, entry.name);
      count += entry.isDirectory() ? await removeTree(full) : await removeFile(full);
    }
    await pruneEmptyDirs(dir, dirSegments.length);
    return count;
  }

  /** Makes root/segments… one level at a time, refusing anything on the way that is not a real directory. */
  private async ensureDir(segments: string[]): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    let dir = this.root;
    for (const segment of segments) {
      dir = path.join(dir, segment);
      try {
        await fs.mkdir(dir);
      } catch (error) {
        if (errorCode(error) !== "EEXIST") throw error;
      }
      // mkdir -p would follow a symlink and create directories wherever it points; lstat does not.
      if (!(await fs.lstat(dir)).isDirectory()) throw new PathEscapeError();
    }
    return dir;
  }

  private async writeAtomically(dir: string, name: string, body: Uint8Array): Promise<void> {
    const temp = path.join(dir, `${TEMP_MARK}${randomUUID()}`);
    const handle = await fs.open(temp, "wx");
    try {
      try {
        await handle.writeFile(body);
        await handle.sync();
      } finally {
        await handle.close();
      }
      // rename replaces the destination atomically and never follows a symlink sitting there.
      await fs.rename(temp, path.join(dir, name));
    } catch (error) {
      await fs.rm(temp, { force: true }).catch(() => {});
      throw error;
    }
  }
}

async function removeFile(file: string): Promise<number> {
  try {
    await fs.unlink(file);
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  return path.basename(file).startsWith(TEMP_MARK) ? 0 : 1;
}

async function removeTree(dir: string): Promise<number> {
  let count = 0;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    count += entry.isDirectory() ? await removeTree(full) : await removeFile(full);
  }
  await fs.rmdir(dir).catch((error: unknown) => {
    // A chunk uploaded meanwhile keeps its directory; it was not part of this delete.
    if (!isMissing(error) && errorCode(error) !== "ENOTEMPTY") throw error;
  });
  return count;
}

/** Removes `dir` and up to depth-1 of its parents while they are empty; never the root. */
async function pruneEmptyDirs(dir: string, depth: number): Promise<void> {
  for (let i = 0; i < depth; i++, dir = path.dirname(dir)) {
    try {
      await fs.rmdir(dir);
    } catch (error) {
      if (isMissing(error)) continue;
      if (errorCode(error) === "ENOTEMPTY" || errorCode(error) === "EEXIST") return;
      throw error;
    }
  }
}

/** Local-disk storage rooted at `root` (default STORAGE_DIR, else .data/uploads under the working directory). */
export function createLocalStorage(root = process.env.STORAGE_DIR || path.join(".data", "uploads")): Storage & { readonly root: string } {
  return new LocalStorage(root);
}
