// `next start` (../support/processes.ts) under autocannon: load runs, the server's memory.
import fs from "node:fs";
import autocannon from "autocannon";

/** VmRSS (MB) of the next-server process: the spawned process or, if it forked, its descendant. */
export function serverRssMb(rootPid: number): { pid: number; rssMb: number; treeMb: number } {
  const children = (pid: number): number[] => {
    try {
      return fs
        .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const tree: number[] = [];
  const walk = (pid: number) => {
    tree.push(pid);
    children(pid).forEach(walk);
  };
  walk(rootPid);
  const named = tree.find((pid) => {
    try {
      return /next-server/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8")) || /next-server/.test(fs.readFileSync(`/proc/${pid}/comm`, "utf8"));
    } catch {
      return false;
    }
  });
  const pid = named ?? tree.reduce((a, b) => (rss(b) > rss(a) ? b : a));
  return { pid, rssMb: rss(pid), treeMb: tree.reduce((sum, p) => sum + rss(p), 0) };
}

export interface LoadResult {
  name: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  meanLatency: number;
  requests: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
}

export interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
  /** A distinct X-Forwarded-For per request (the portal's limiter counts per client). */
  distinctClients?: boolean;
}

let clientCounter = 0;
const nextClient = () => {
  const n = ++clientCounter;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

function run(url: string, target: Target, duration: number, connections: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const opts: autocannon.Options = {
      url: url + target.path,
      connections,
      duration,
      headers: target.headers,
      timeout: 30,
      ...(target.distinctClients && {
        requests: [
          {
            method: "GET",
            path: target.path,
            setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...(req.headers ?? {}), ...target.headers, "x-forwarded-for": nextClient() } }),
          },
        ],
      }),
    };
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Warms the target up, then measures it. */
export async function load(url: string, target: Target, { duration = 10, warmup = 3, connections = 50 } = {}): Promise<LoadResult> {
  await run(url, target, warmup, connections);
  const r = await run(url, target, duration, connections);
  const statusCodes: Record<string, number> = {};
  for (const [code, count] of Object.entries((r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {})) {
    statusCodes[code] = count.count;
  }
  return {
    name: target.name,
    path: target.path,
    rps: r.requests.mean,
    p50: r.latency.p50,
    p99: r.latency.p99,
    meanLatency: r.latency.mean,
    requests: r.requests.total,
    non2xx: r.non2xx,
    statusCodes,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/**
 * One request at a time (after `warmup` unmeasured ones): the time a page takes to render on the
 * server and arrive over loopback, with no queue in front of it — what a per-page latency target
 * means. The load runs above measure throughput, where 50 connections queue behind each other.
 */
export async function sequential(url: string, target: Target, { requests = 30, warmup = 5 } = {}): Promise<{ median: number; p95: number; status: number; bytes: number }> {
  const get = async () => {
    const res = await fetch(url + target.path, { headers: target.headers });
    const body = await res.arrayBuffer();
    return { status: res.status, bytes: body.byteLength };
  };
  for (let i = 0; i < warmup; i++) await get();
  const times: number[] = [];
  let last = { status: 0, bytes: 0 };
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    last = await get();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[times.length >> 1]!, p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!, ...last };
}
