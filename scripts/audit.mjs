// npm run audit: `npm audit --omit=dev --audit-level=high`, the production dependencies' known
// vulnerabilities. Exits 1 on any high or critical advisory. When the registry's advisory endpoint
// cannot be reached (this build machine's registry answers 405 to it), it says so plainly and exits
// 0 — unless AUDIT_REQUIRED=1, for a CI that must not pass without the check.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = null;
}

if (report?.metadata?.vulnerabilities) {
  const counts = report.metadata.vulnerabilities;
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  const summary = Object.entries(counts)
    .filter(([level, n]) => level !== "total" && n > 0)
    .map(([level, n]) => `${n} ${level}`)
    .join(", ");
  console.log(`npm audit (production dependencies): ${summary || "no known vulnerabilities"}.`);
  if (serious > 0) {
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
      if (v.severity === "high" || v.severity === "critical") {
        const via = v.via.map((x) => (typeof x === "string" ? x : `${x.title} (${x.url})`)).join("; ");
        console.log(`  ${v.severity}: ${name} ${v.range} — ${via}${v.fixAvailable ? " — fix available" : ""}`);
      }
    }
    process.exit(1);
  }
  process.exit(0);
}

const reason = report?.message ?? report?.error?.summary ?? (run.stderr || run.error?.message || "no report").trim().split("\n").at(-1);
console.log(`npm audit could not run: ${reason}`);
if (process.env.AUDIT_REQUIRED === "1") process.exit(1);
console.log("Not counted as a failure (AUDIT_REQUIRED=1 makes it one): the registry did not answer the advisory query.");
