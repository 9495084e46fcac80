import fs from "node:fs";
import path from "node:path";

/**
 * PGlite is one Postgres backend inside this process: a second process opening the same data
 * directory would corrupt it. A lock file beside the directory (holding the owner's pid) turns
 * that into a clear error. A lock left by a process that no longer exists is taken over.
 */
export function acquirePgliteLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readOrEmpty(lockPath));
      if (owner === process.pid) return () => {};
      if (owner > 0 && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is already open in another process (pid ${owner}). ` +
            "PGlite allows one process per data directory: stop that process (npm run dev / npm start / a db: script), " +
            "set PGLITE_DIR to another directory, or use PostgreSQL with DATABASE_URL.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    return "";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
