import { access, constants } from "node:fs/promises";
import path from "node:path";

/** Whether `command` is an executable this process can start (an absolute path, or a name on PATH). */
export async function executableExists(command: string): Promise<boolean> {
  const candidates = command.includes("/") ? [command] : (process.env.PATH ?? "").split(path.delimiter).filter(Boolean).map((dir) => path.join(dir, command));
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK);
      return true;
    } catch {
      // not here
    }
  }
  return false;
}
