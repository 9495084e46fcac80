// The processes under test: `next start` servers and `npm run worker` loops, each in its own
// process group so a stop (or a kill -9) reaches everything it started.
import { spawn, type ChildProcess } from "node:child_process";

export interface Proc {
  name: string;
  pid: number;
  child: ChildProcess;
  /** Everything it printed, for the failure report. */
  log: string[];
  /** Resolves with the signal or exit code once it has gone. */
  gone: Promise<string>;
  /** SIGTERM (SIGKILL after 10 s); resolves when it has exited. */
  stop(): Promise<string>;
  /** kill -9 of its process group, nothing else first; resolves when it has exited. */
  kill9(): Promise<string>;
}

export interface Server extends Proc {
  url: string;
}

/** What a process under test inherits: not the caller's email, outbox or test-hook settings, which each run sets itself. */
function inherited(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(KAIROS_|OUTBOX_|RESEND_|EMAIL_|WORKER_|NEXTAUTH_|APP_URL$|PORT$)/.test(k)));
}

/** Every process runs as in production (NODE_ENV=production). */
function launch(name: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, args, {
    env: { ...inherited(), ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  if (child.pid === undefined) throw new Error(`${name}: could not start`);
  const pid = child.pid;
  const log: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) stream.on("data", (chunk: Buffer) => log.push(chunk.toString()));
  let exited = false;
  const gone = new Promise<string>((resolve) =>
    child.once("exit", (code, signal) => {
      exited = true;
      resolve(signal ?? `exit ${code}`);
    }),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    name,
    pid,
    child,
    log,
    gone,
    async stop() {
      if (!exited) {
        signalGroup("SIGTERM");
        const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
        await gone;
        clearTimeout(timer);
      }
      return gone;
    },
    async kill9() {
      signalGroup("SIGKILL");
      return gone;
    },
  };
}

/** Starts `next start` (production build in .next) on 127.0.0.1:`port` and waits until it answers. */
export async function startServer(name: string, port: number, env: Record<string, string>): Promise<Server> {
  const url = `http://127.0.0.1:${port}`;
  const proc = launch(name, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    ...env,
    PORT: String(port),
    NEXTAUTH_URL: url,
    APP_URL: url,
  });
  let exited = false;
  void proc.gone.then(() => (exited = true));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name}: next start exited:\n${proc.log.join("")}`);
    try {
      const res = await fetch(`${url}/sign-in`);
      await res.arrayBuffer();
      if (res.ok) return { ...proc, url };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await proc.stop();
  throw new Error(`${name}: next start did not answer within 90 s:\n${proc.log.join("")}`);
}

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
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return proc;
}

/** How many emails a worker says it sent (it logs each round's stats). */
export function workerSent(proc: Proc): number {
  let sent = 0;
  for (const match of proc.log.join("").matchAll(/^outbox (\{.*\})$/gm)) sent += (JSON.parse(match[1]!) as { sent?: number }).sent ?? 0;
  return sent;
}
