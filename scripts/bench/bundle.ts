// First-load JavaScript of a route, from the build output, gzip-sized with zlib.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

const NEXT = ".next";

/** The route's chunks: the shared root chunks plus every segment's entry chunks (layouts, page, boundaries). */
export function routeChunks(route: string): string[] {
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const file = path.join(NEXT, "server", "app", route.replace(/^\//, ""), "page_client-reference-manifest.js");
  const sandbox = { globalThis: {} as Record<string, unknown> };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const manifests = (sandbox.globalThis.__RSC_MANIFEST ?? {}) as Record<string, { entryJSFiles?: Record<string, string[]> }>;
  const manifest = manifests[`${route}/page`];
  if (!manifest) throw new Error(`No client reference manifest for ${route}/page`);
  const chunks = new Set(build.rootMainFiles);
  for (const files of Object.values(manifest.entryJSFiles ?? {})) files.forEach((f) => chunks.add(f));
  return [...chunks];
}

export function gzipKb(files: string[]): { files: number; rawKb: number; gzipKb: number } {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = fs.readFileSync(path.join(NEXT, f.replace(/^\/?_next\//, "")));
    raw += buf.length;
    gz += zlib.gzipSync(buf, { level: 9 }).length;
  }
  return { files: files.length, rawKb: raw / 1024, gzipKb: gz / 1024 };
}

/** The script chunks a served page actually references (a cross-check of the manifest). */
export function scriptsInHtml(html: string): string[] {
  return [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).map((m) => m[1]!.replace(/^\/_next\//, "").replace(/\?.*$/, "")))];
}
