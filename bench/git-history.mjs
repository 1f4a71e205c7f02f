#!/usr/bin/env node
// Benchmark: how long `gitlore context` takes next to plain `git log --numstat --no-renames`.
// Not a test: it prints a table. Run `pnpm build` first, then `pnpm bench` (or node bench/git-history.mjs).
// Options: --commits N (default 15000), --runs N (default 3), --repo DIR (extra repositories, repeatable).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'apps/cli/bundle/bin.js')
const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '15000' },
    runs: { type: 'string', default: '3' },
    repo: { type: 'string', multiple: true, default: [] },
  },
})
const commits = Number(values.commits)
const runs = Number(values.runs)

if (!existsSync(cli)) {
  console.error('bench: apps/cli/bundle/bin.js is missing; run `pnpm build` first')
  process.exit(2)
}

function time(command, args, options = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, ...options })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0 && result.status !== 3) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  }
  return ms
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function measure(count, fn, before) {
  const samples = []
  for (let index = 0; index < count; index++) {
    before?.()
    samples.push(fn())
  }
  return median(samples)
}

async function syntheticRepository() {
  const dir = join(root, 'bench/.work', `synthetic-${commits}`)
  if (existsSync(join(dir, '.git'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const { buildSyntheticRepository } = await import(join(root, 'fixtures/dist/index.js'))
  const started = Date.now()
  await buildSyntheticRepository({ commits, dir })
  console.error(`bench: built a ${commits}-commit repository in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return dir
}

function benchRepository(label, dir) {
  const gitlore = (extra) => ['context', '--repo', dir, '--git-only', '--since', 'all', '--json', ...extra]
  const cache = join(dir, '.gitlore')
  const clear = () => rmSync(cache, { recursive: true, force: true })
  const commitCount = spawnSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, encoding: 'utf8' }).stdout.trim()
  console.error(`bench: ${label} (${commitCount} commits)`)
  const raw = measure(runs, () => time('git', ['-C', dir, 'log', '--numstat', '--no-renames', 'HEAD']))
  const cliCold = measure(runs, () => time('node', [cli, ...gitlore(['--git-backend', 'cli', '--no-cache'])]))
  const isoCold = measure(Math.min(runs, 2), () =>
    time('node', [cli, ...gitlore(['--git-backend', 'isomorphic', '--no-cache'])]),
  )
  const populate = measure(1, () => time('node', [cli, ...gitlore(['--git-backend', 'cli'])]), clear)
  const warm = measure(runs, () => time('node', [cli, ...gitlore(['--git-backend', 'cli'])]))
  clear()
  return [
    { label, measurement: 'git log --numstat --no-renames (baseline)', ms: raw, ratio: 1, target: '' },
    { label, measurement: 'gitlore context, CLI backend, cold', ms: cliCold, ratio: cliCold / raw, target: '<= 1.3x' },
    {
      label,
      measurement: 'gitlore context, isomorphic backend, cold',
      ms: isoCold,
      ratio: isoCold / raw,
      target: '<= 10x',
    },
    {
      label,
      measurement: 'gitlore context, first run filling the cache',
      ms: populate,
      ratio: populate / raw,
      target: '',
    },
    {
      label,
      measurement: 'gitlore context, warm re-run (commits cached)',
      ms: warm,
      ratio: warm / raw,
      target: `<= 0.1x cold CLI (${(warm / cliCold).toFixed(2)}x)`,
    },
  ]
}

const rows = []
rows.push(...benchRepository(`synthetic ${commits}`, await syntheticRepository()))
rows.push(...benchRepository('gitlore itself', root))
for (const extra of values.repo) rows.push(...benchRepository(extra, resolve(extra)))

const bare = measure(10, () => time('node', ['-e', '0']))
const help = measure(10, () => time('node', [cli, '--help']))
rows.push({ label: 'startup', measurement: 'node -e 0 (baseline)', ms: bare, ratio: 1, target: '' })
rows.push({
  label: 'startup',
  measurement: 'gitlore --help',
  ms: help,
  ratio: help / bare,
  target: `<= +50 ms (+${(help - bare).toFixed(0)} ms)`,
})

console.log('| repository | measurement | median ms | vs baseline | target |')
console.log('|---|---|---:|---:|---|')
for (const row of rows) {
  console.log(`| ${row.label} | ${row.measurement} | ${row.ms.toFixed(0)} | ${row.ratio.toFixed(2)}x | ${row.target} |`)
}
