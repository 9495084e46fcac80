// The `npm run worker` loops under test (the servers are ../support/processes.ts's `next start`).
import { sleep } from "../support/harness";
import { launch, type Proc } from "../support/processes";

/** Starts `npm run worker` (the same node command, without npm in between) and waits for its first line. */
export async function startWorker(name: string, env: Record<string, string>): Promise<Proc> {
  const proc = launch(name, ["--import", "./scripts/server-only-hook.mjs", "--import", "tsx", "scripts/worker.ts"], env);
  const deadline = Date.now() + 60_000;
  let exited = false;
  void proc.gone.then(() => (exited = true));
  while (!proc.log.join("").includes("outbox worker started")) {
    if (exited || Date.now() > deadline) {
      await proc.stop();
      throw new Error(`${name}: the worker did not start:\n${proc.log.join("")}`);
    }
    await sleep(100);
  }
  return proc;
}

/** How many emails a worker says it sent (it logs each round's stats). */
export function workerSent(proc: Proc): number {
  let sent = 0;
  for (const match of proc.log.join("").matchAll(/^outbox (\{.*\})$/gm)) sent += (JSON.parse(match[1]!) as { sent?: number }).sent ?? 0;
  return sent;
}
