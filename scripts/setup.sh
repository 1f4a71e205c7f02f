#!/usr/bin/env bash
# Brings what gitlore needs onto this machine: Node >= 22 and pnpm (from the npm registry when
# missing), then installs the workspace and builds every package. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Where global installs go: /usr/local when writable (it precedes /usr/bin on PATH), else ~/.local.
prefix=/usr/local
if [ ! -w "$prefix/bin" ] && [ ! -w "$prefix" ]; then
  prefix="$HOME/.local"
  mkdir -p "$prefix/bin"
  case ":$PATH:" in *":$prefix/bin:"*) ;; *) export PATH="$prefix/bin:$PATH" ;; esac
fi

if [ "$(node_major)" -lt 22 ]; then
  echo "setup: Node $(node --version 2>/dev/null || echo none) is older than 22; installing node@22 into $prefix" >&2
  npm install --global --prefix "$prefix" node@22 >&2
  hash -r
  if [ "$(node_major)" -lt 22 ]; then
    echo "setup: node@22 was installed into $prefix/bin but an older node comes first on PATH; put $prefix/bin first" >&2
    exit 1
  fi
fi

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm into $prefix" >&2
  npm install --global --prefix "$prefix" pnpm >&2
  hash -r
fi

pnpm install --frozen-lockfile
pnpm build
