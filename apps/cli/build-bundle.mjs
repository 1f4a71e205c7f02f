#!/usr/bin/env node
// Bundles the CLI (after `tsc -b` wrote dist/) into bundle/: one file per lazily loaded command
// chunk, so start-up resolves a handful of modules instead of hundreds. better-sqlite3 stays
// external because it is a native addon. Source maps only when asked (GITLORE_SOURCEMAP=1): they are
// most of the bundle's size and nobody installing gitlore needs them.
import { rm } from 'node:fs/promises'
import { build } from 'esbuild'

// Chunk names carry content hashes: start empty so no stale chunk is left behind (or published).
await rm('bundle', { recursive: true, force: true })

await build({
  entryPoints: ['dist/bin.js'],
  outdir: 'bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['better-sqlite3'],
  sourcemap: process.env.GITLORE_SOURCEMAP === '1' ? 'linked' : false,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __gitloreRequire } from 'node:module'; const require = __gitloreRequire(import.meta.url);",
  },
})
