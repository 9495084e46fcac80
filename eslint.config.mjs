// ESLint (flat config): Next's rules (core web vitals), typescript-eslint's recommended rules
// (not type-checked, to stay fast), and the import boundaries between the repository's layers.
//
// The boundaries are @typescript-eslint/no-restricted-imports patterns (ESLint's rule plus
// `allowTypeImports`) matched against the import specifier as written, so each pattern covers both
// spellings: the `@/` alias (tsconfig paths, `@/*` -> `./*`) and relative paths that climb into the
// folder (`../../app/…`). A relative pattern may also match a path that does not exist
// (`lib/email/x.ts` importing `../app`), which is harmless; it matches every plain relative path
// into the folder (not one written with detours such as `./x/../../app`). `import()` is checked by
// no-restricted-syntax with the same expressions: no-restricted-imports sees static imports and
// re-exports only. Nothing is resolved, so linting stays fast and needs no resolver settings.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import nextVitals from "eslint-config-next/core-web-vitals";
import tseslint from "typescript-eslint";

/** `(@/ or ../…/)<folder>` then one of `names` as a path prefix, e.g. lib/(email|storage)(/…)? */
const into = (folder, names, tail = "(/|$)") => `^(@/|(\\.\\./)+)${folder}(${names.join("|")})${tail}`;

const root = path.dirname(fileURLToPath(import.meta.url));

/** lib/ modules (as "lib/…" without extension) that import "server-only": a client component importing one breaks the build. */
function serverOnlyModules(dir = "lib") {
  const found = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory() && file !== "lib/generated") found.push(...serverOnlyModules(file));
    else if (entry.isFile() && /\.tsx?$/.test(entry.name) && /^import ["']server-only["'];?$/m.test(fs.readFileSync(path.join(root, file), "utf8"))) {
      found.push(file.replace(/\.tsx?$/, ""));
    }
  }
  return found.sort();
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// What components/ may not import: the server layers as a whole (lib/interviews/model/ is pure) …
const serverLayers = into("lib/", ["db", "accounts", "actions", "background", "email", "storage", "http", "interviews(?!/model/)"]);
// … and every other lib/ module that starts with `import "server-only"`, found when ESLint loads
// this file (today candidates, jobs, poller, rate-limit, testing, interviews/model/guard).
const serverOnlyElsewhere = into(
  "lib/",
  serverOnlyModules()
    .filter((m) => !new RegExp(serverLayers).test(`@/${m}`))
    .map((m) => escape(m.slice("lib/".length)).replace(/\/index$/, "(/index)?")),
  "(\\.tsx?)?$",
);

/** A boundary: who may not import what. Later areas include earlier ones' rules where their globs overlap. */
const rules = {
  libNotUi: {
    regex: into("", ["app", "components"]),
    message: "lib/ is below the UI: it must not import app/ or components/. Move what both need into lib/.",
  },
  emailNotInterviews: {
    regex: `${into("lib/", ["interviews"])}|^(\\.\\./)+interviews(/|$)`,
    message: "lib/email/ is the generic outbox and must not import lib/interviews/ (interviews build on email, not the reverse).",
  },
  webhooksNotInterviews: {
    regex: `${into("lib/", ["interviews"])}|^(\\.\\./)+interviews(/|$)`,
    message: "lib/webhooks/ and lib/queue/ are below the interview domain (lib/interviews/audit.ts calls them): they must not import lib/interviews/.",
  },
  transcriptionNotInterviews: {
    regex: `${into("lib/", ["interviews"])}|^(\\.\\./)+interviews(/|$)`,
    message: "lib/transcription/ turns audio into text and knows no interview (lib/interviews/transcripts/ calls it): it must not import lib/interviews/.",
  },
  emailsOnlyReactEmail: {
    // Anything but @react-email/*, react, and relative paths (which the next pattern keeps inside emails/).
    regex: "^(?!@react-email/|react$|\\.\\.?/)",
    message: "emails/ templates import only @react-email/*, react and their own parts, so they render anywhere (previews, tests, the outbox).",
  },
  emailsStayInside: {
    regex: "^(\\.\\./){2,}",
    message: "emails/ templates import only their own parts (relative imports inside emails/).",
  },
  emailsRootStaysInside: {
    regex: "^\\.\\./",
    message: "emails/ templates import only their own parts (relative imports inside emails/).",
  },
  componentsNotServer: {
    regex: [serverLayers, serverOnlyElsewhere, "^server-only$"].join("|"),
    allowTypeImports: true,
    message: "components/ may run in the browser: no server modules (lib/db, accounts, actions, background, email, interviews except model/, storage, http, anything importing server-only). `import type` is fine.",
  },
  scriptsNotTests: {
    regex: into("", ["tests"]),
    message: "scripts/ must not import tests/: move what both need into scripts/support/ (tests may import scripts/).",
  },
};

/** no-restricted-imports and no-restricted-syntax (for import()) enforcing `boundaries` in `files`. */
function boundary(name, files, boundaries, ignores = []) {
  return {
    name: `kairos/boundaries/${name}`,
    files,
    ignores,
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: boundaries.map(({ regex, message, allowTypeImports }) => ({ regex, message, allowTypeImports })) }],
      "no-restricted-syntax": [
        "error",
        ...boundaries.map(({ regex, message }) => ({
          // esquery's /regex/: a `/` inside is written \x2F.
          selector: `ImportExpression > Literal.source[value=/${regex.replace(/\//g, "\\x2F")}/i]`,
          message,
        })),
      ],
    },
  };
}

const config = [
  {
    name: "kairos/ignores",
    ignores: [".next/**", "node_modules/**", "lib/generated/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"],
  },
  ...nextVitals,
  ...tseslint.configs.recommended,
  {
    name: "kairos/rules",
    rules: {
      // `_` marks a parameter or destructured field kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    // Playwright fixtures hand over their value with a callback named `use`, which is not React's.
    name: "kairos/e2e",
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // One block per area. A rule set again by a later block replaces the earlier options, so
  // lib/email/ (inside lib/) has a block of its own that repeats lib/'s boundary.
  boundary("lib", ["lib/**"], [rules.libNotUi], ["lib/email/**", "lib/webhooks/**", "lib/queue/**", "lib/transcription/**"]),
  boundary("lib-email", ["lib/email/**"], [rules.libNotUi, rules.emailNotInterviews]),
  boundary("lib-webhooks", ["lib/webhooks/**", "lib/queue/**"], [rules.libNotUi, rules.webhooksNotInterviews]),
  boundary("lib-transcription", ["lib/transcription/**"], [rules.libNotUi, rules.transcriptionNotInterviews]),
  boundary("emails", ["emails/*/**"], [rules.emailsOnlyReactEmail, rules.emailsStayInside]),
  boundary("emails-root", ["emails/*.{ts,tsx}"], [rules.emailsOnlyReactEmail, rules.emailsRootStaysInside]),
  boundary("components", ["components/**"], [rules.componentsNotServer]),
  boundary("scripts", ["scripts/**"], [rules.scriptsNotTests]),
];

export default config;
