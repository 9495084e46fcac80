// What every script harness (npm run bench, npm run reliability) does around its measurements:
// timestamped progress on stderr, cleanup on Ctrl-C, the production build, percentiles.
import { spawnSync } from "node:child_process";
import os from "node:os";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Progress lines on stderr, prefixed with the harness's name and the seconds since `started`. */
export function progressLog(name: string, started = Date.now()) {
  return (...parts: unknown[]) => console.error(`[${name} ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s]`, ...parts);
}

/** On Ctrl-C or SIGTERM: `cleanup`, then exit 130. */
export function cleanUpOnSignals(cleanup: () => Promise<void>) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      void cleanup().finally(() => process.exit(130));
    });
  }
}

/** "2 cores (AMD EPYC …), node v20.…, load average 0.10 0.20 0.30" */
export function machineSummary(): string {
  return `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "unknown"}), node ${process.version}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}

/** `next build` of the production build into .next; throws with its output when it fails. */
export function nextBuild(): void {
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
}

/** Nearest-rank percentile `p` (0–100] of `values` (any order); NaN for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
