#!/usr/bin/env bash
# Brings what gitlore needs onto this machine: Node >= 22 and pnpm (from the npm registry when
# missing), what `pnpm test` needs besides them (git, Debian's Chromium for the HTML report's
# browser test, and Debian's PostgreSQL, whose server programs the shared-cache tests start a
# throwaway server with: installed with apt-get when it is available, else named), then installs the
# workspace and builds every package. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages `pnpm test` needs. Chromium may also be named by GITLORE_CHROMIUM.
missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
if [ -z "${GITLORE_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null && ! command -v initdb >/dev/null 2>&1 &&
  [ -z "${GITLORE_POSTGRES_BIN:-}" ] && [ -z "${GITLORE_TEST_POSTGRES_URL:-}" ]; then
  missing+=(postgresql)
fi
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then as_root=(sudo); fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || [ ${#as_root[@]} -gt 0 ]; }; then
    echo "setup: installing ${missing[*]} with apt-get" >&2
    "${as_root[@]}" apt-get update -qq
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  elif command -v apt-get >/dev/null 2>&1; then
    echo "setup: pnpm test needs ${missing[*]}: run sudo apt-get install -y ${missing[*]}" >&2
  else
    echo "setup: pnpm test needs ${missing[*]}: install them with your package manager" \
      "(Chromium anywhere: set GITLORE_CHROMIUM to its executable; PostgreSQL: GITLORE_POSTGRES_BIN to" \
      "its bin directory, or GITLORE_TEST_POSTGRES_URL to a server the tests may create databases on)" >&2
  fi
fi

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
