import { readFile } from "node:fs/promises";
import path from "node:path";

// The portal's font for documents Next does not render: the end states proxy.ts answers with
// (app/interview/_states/state-pages.ts). Rendered pages get the same file through next/font.
const FILE = path.join(process.cwd(), "node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2");

export async function GET() {
  return new Response(new Uint8Array(await readFile(FILE)), {
    headers: { "Content-Type": "font/woff2", "Cache-Control": "public, max-age=604800" },
  });
}
