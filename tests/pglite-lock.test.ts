import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquirePgliteLock } from "@/lib/pglite-lock";

// Uses real data directories and real processes; DATABASE_URL plays no part (and is removed from
// the children's environment so lib/db.ts opens PGlite there).
const root = path.resolve(__dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kairos-lock-"));
const children: ChildProcess[] = [];
let dirs = 0;

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const newDataDir = () => path.join(tmp, `pglite-${++dirs}`);
const lockOf = (dir: string) => fs.readFileSync(`${dir}.lock`, "utf8");

function start(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, pid: child.pid!, exited, output: () => output };
}

/** A process that stays alive until killed. */
const sleeper = () => start(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);

/** Runs tests/support/open-pglite.ts (lib/db.ts's db()) on `dir` in a child process. */
function openInChild(dir: string) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  // `node --import tsx` rather than the tsx CLI, so the child's pid is the one holding the lock.
  const run = start(process.execPath, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "tests/support/open-pglite.ts"], {
    ...env,
    PGLITE_DIR: dir,
    KAIROS_AUTO_SEED: "0",
  });
  const opened = new Promise<void>((resolve, reject) => {
    run.child.stdout!.on("data", () => run.output().includes("open\n") && resolve());
    void run.exited.then((code) => reject(new Error(`exited with ${code} before opening: ${run.output()}`)));
  });
  return { ...run, opened };
}

describe("acquirePgliteLock", () => {
  it("takes a free lock with this process's pid and releases it", () => {
    const dir = newDataDir();
    const release = acquirePgliteLock(dir);
    expect(lockOf(dir)).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it("refuses a lock held by another live process, naming its pid", async () => {
    const dir = newDataDir();
    const holder = sleeper();
    fs.writeFileSync(`${dir}.lock`, String(holder.pid));

    expect(() => acquirePgliteLock(dir)).toThrow(/already open in another process/);
    expect(() => acquirePgliteLock(dir)).toThrow(`pid ${holder.pid}`);
    expect(lockOf(dir)).toBe(String(holder.pid));

    holder.child.kill();
    await holder.exited;
  });

  it("takes over a lock left by a process that has exited", async () => {
    const dir = newDataDir();
    const gone = start(process.execPath, ["-e", ""]);
    await gone.exited;
    fs.writeFileSync(`${dir}.lock`, String(gone.pid));

    const release = acquirePgliteLock(dir);
    expect(lockOf(dir)).toBe(String(process.pid));
    release();
  });
});

describe("db() on a data directory another process has open", () => {
  it("fails with a clear error in the second process, and opens once the first has stopped", { timeout: 120_000 }, async () => {
    const dir = newDataDir();
    const first = openInChild(dir);
    await first.opened;
    expect(lockOf(dir)).toBe(String(first.pid));

    const second = openInChild(dir);
    await expect(second.opened).rejects.toThrow();
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`is already open in another process (pid ${first.pid})`);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);

    const third = openInChild(dir);
    await third.opened;
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
  });
});
