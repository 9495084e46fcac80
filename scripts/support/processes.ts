// The processes the script harnesses start — `next start` servers, `npm run worker` loops — each in
// its own process group so a stop (or a kill -9) reaches everything it started.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { sleep } from "./harness";

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

/** A port nothing listens on at the moment. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** What a process under test inherits: not the caller's email, outbox or test-hook settings, which each run sets itself. */
function inherited(): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(KAIROS_|OUTBOX_|RESEND_|EMAIL_|WORKER_|NEXTAUTH_|APP_URL$|PORT$)/.test(k)));
}

/** Starts `node …args` as in production (NODE_ENV=production) in a process group of its own. */
export function launch(name: string, args: string[], env: Record<string, string>): Proc {
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

export interface ServerOptions {
  /** For logs and errors. */
  name?: string;
  /** Default: a free one. */
  port?: number;
  env: Record<string, string>;
  /** Node options before next's binary, e.g. ["--cpu-prof"]. */
  nodeArgs?: string[];
}

/** Starts `next start` (the production build in .next) on 127.0.0.1 and waits until it answers. */
export async function startServer({ name = "next start", port, env, nodeArgs = [] }: ServerOptions): Promise<Server> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = launch(name, [...nodeArgs, "node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
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
    await sleep(250);
  }
  await proc.stop();
  throw new Error(`${name}: next start did not answer within 90 s:\n${proc.log.join("")}`);
}
