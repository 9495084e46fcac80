#!/usr/bin/env node
// The npm registry reachable here lacks some platform-specific optional packages (macOS and
// Windows builds of @next/swc, @tailwindcss/oxide…). `npm install` skips them silently, but then
// `npm ci` refuses the lock file as out of sync. This adds a lock entry, with the os/cpu its name
// declares, for each missing platform package, so `npm ci` skips it on Linux as it should.
// Run after changing dependencies: `npm install && node scripts/lockfile-platforms.mjs`.
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "arm", "ia32", "wasm32", "riscv64", "s390x", "ppc64", "loong64"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p));
  if (!cpu) return null;
  const entry = { cpu: [cpu] };
  if (os) entry.os = [os];
  if (parts.includes("gnu") || parts.includes("gnueabihf")) entry.libc = ["glibc"];
  if (parts.includes("musl")) entry.libc = ["musl"];
  return entry;
}

let added = 0;
for (const [path, node] of Object.entries({ ...packages })) {
  for (const [dep, version] of Object.entries(node.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[base] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = { version, optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `Added ${added} platform entries to package-lock.json.` : "package-lock.json already lists every platform package.");
