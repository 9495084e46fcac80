import type { NextConfig } from "next";
import { BASE_HEADERS, HSTS, REFERRER_POLICY } from "./lib/security-headers";

// What proxy.ts skips (build assets) still gets the basic headers; every other response gets them,
// with its nonce CSP, from proxy.ts.
const assetHeaders = [
  ...Object.entries(BASE_HEADERS).map(([key, value]) => ({ key, value })),
  { key: "Referrer-Policy", value: REFERRER_POLICY },
];
const assets = ["/_next/:path*", "/favicon.ico"];

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own package; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/client", "@prisma/adapter-pg", "pg"],
  // The migrator reads prisma/migrations at run time; ship them with every server function.
  outputFileTracingIncludes: {
    "/**": ["./prisma/migrations/**/*"],
    // Read at run time by app/fonts/inter-latin-wght.woff2/route.ts.
    "/fonts/*": ["./node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2"],
  },
  poweredByHeader: false,
  // A bulk invitation's CSV (up to 2 MB, lib/limits.ts) and pasted lines arrive through a server
  // action, and its confirmation carries the previewed rows back: above the 1 MB default.
  experimental: { serverActions: { bodySizeLimit: "4mb" } },
  // `next dev` prints every server function call with its arguments by default (Next 16): a
  // candidate's answers, reviewers' notes and form values would land in the terminal. Off.
  logging: { serverFunctions: false },
  async headers() {
    return assets.flatMap((source) => [
      { source, headers: assetHeaders },
      // HSTS only in production and only over https (see lib/security-headers.ts).
      ...(process.env.NODE_ENV === "production"
        ? [{ source, has: [{ type: "header" as const, key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] }]
        : []),
    ]);
  },
};

export default nextConfig;
