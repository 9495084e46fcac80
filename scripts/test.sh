#!/usr/bin/env bash
# npm test: type check, lint (ESLint), unit + integration tests (Vitest), then the Playwright suite in Chromium
# against a production build. PGlite by default; the PostgreSQL in DATABASE_URL when it is set.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

# need_package PACKAGE WHAT [HINT]: installs a missing Debian package when root, else says how and stops.
need_package() {
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "==> $1 is missing; installing Debian's $1 package for $2"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    echo "${2^} need $1. Install it with:" >&2
    echo "    sudo apt-get install -y $1" >&2
    [ -z "${3:-}" ] || echo "$3" >&2
    exit 1
  fi
}

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] || need_package chromium "the browser tests" "or point CHROMIUM_PATH at another Chromium/Chrome binary."
# The recordings tests make real WebM files (a 60 s one among them) with Debian's ffmpeg.
command -v ffmpeg >/dev/null || need_package ffmpeg "the recordings tests"

if [ -n "${DATABASE_URL:-}" ]; then
  host=$(node -e 'console.log(new URL(process.env.DATABASE_URL).hostname)')
  case "$host" in
    localhost|127.0.0.1|::1|\[::1\]) ;;
    *) echo "Refusing to run the tests against the non-local database at $host." >&2; exit 1 ;;
  esac
  echo "==> Database: PostgreSQL at $host"
  npm run --silent db:migrate
  npm run --silent db:seed -- --demo-only   # the demo organisation without its history (see README, Run)
else
  echo "==> Database: embedded PGlite (in memory for unit tests, .data/e2e-pglite for the browser)"
  rm -rf .data/e2e-pglite .data/e2e-pglite.lock
fi

# KAIROS_REUSE_BUILD=1 (the second database run in .ci/run): the type check, the lint and the production
# build do not depend on the database, so the run before this one's stand.
reuse="${KAIROS_REUSE_BUILD:-}"
if [ -n "$reuse" ] && [ ! -f .next/BUILD_ID ]; then
  echo "KAIROS_REUSE_BUILD is set but there is no build in .next to reuse." >&2
  exit 1
fi

if [ -z "$reuse" ]; then
  echo "==> Type check"
  npx tsc --noEmit

  echo "==> Lint (eslint.config.mjs: Next's and typescript-eslint's rules, the import boundaries)"
  npx eslint .
fi

echo "==> Unit and integration tests"
npx vitest run

if [ -z "$reuse" ]; then
  echo "==> Production build"
  npx next build >/tmp/kairos-build.log 2>&1 || { cat /tmp/kairos-build.log; exit 1; }
  tail -n 3 /tmp/kairos-build.log
else
  echo "==> Type check, lint and production build: those of the run before (KAIROS_REUSE_BUILD)"
fi

echo "==> Browser tests (Chromium)"
npx playwright test
