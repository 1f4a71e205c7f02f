#!/usr/bin/env node
// Benchmark: reading history with `gitlore context --git-only` next to plain, single-process
// `git log --numstat --no-renames`, in one run: the CLI backend cold without and with the commit
// cache, the isomorphic backend cold (with its peak memory), a warm re-run, and a re-run after one
// new commit. Not a test: it prints a markdown table. Run `pnpm build` first.
// Options: --commits N (generated repository, default 15000; 0 to skip it), --runs N (default 3),
// --repo DIR (a real repository, repeatable; it is cloned into bench/.work, never written to).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'apps/cli/bundle/bin.js')
const work = join(root, 'bench/.work')
const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '15000' },
    runs: { type: 'string', default: '3' },
    repo: { type: 'string', multiple: true, default: [] },
  },
})
const commits = Number(values.commits)
const runs = Number(values.runs)
const until = '2100-01-01'

if (!existsSync(cli)) {
  console.error('bench: apps/cli/bundle/bin.js is missing; run `pnpm build` first')
  process.exit(2)
}

// Every node process the benchmark starts reports its peak resident memory on exit.
const maxRssReporter = join(work, 'report-max-rss.mjs')
mkdirSync(work, { recursive: true })
writeFileSync(
  maxRssReporter,
  "import { writeSync } from 'node:fs'\nprocess.on('exit', () => writeSync(2, '\\ngitlore-bench-max-rss ' + process.resourceUsage().maxRSS + '\\n'))\n",
)

function git(dir, args, options = {}) {
  const result = spawnSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...options })
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return result.stdout
}

/** Runs a command; returns wall milliseconds, peak RSS in MiB (node processes) and stdout. */
function run(command, args, { capture = false } = {}) {
  const started = process.hrtime.bigint()
  const result = spawnSync(command, args, {
    stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  })
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  const rss = /gitlore-bench-max-rss (\d+)/.exec(result.stderr ?? '')
  return { ms, rssMiB: rss ? Number(rss[1]) / 1024 : null, stdout: result.stdout }
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function syntheticRepository() {
  const dir = join(work, `synthetic-${commits}`)
  if (existsSync(join(dir, '.git'))) return dir
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const { buildSyntheticRepository } = await import(join(root, 'fixtures/dist/index.js'))
  const started = Date.now()
  await buildSyntheticRepository({ commits, dir })
  console.error(`bench: built a ${commits}-commit repository in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return dir
}

/**
 * A bare clone of `source` in bench/.work, so the benchmark can add commits and caches. Objects the
 * source lacks (a partial clone) are replaced by the empty blob through refs/replace, which both
 * git log and gitlore honour, so plain `git log --numstat` can run as the baseline.
 */
function cloneOf(source) {
  const dir = join(work, `${basename(resolve(source)).replace(/\.git$/, '')}-${hash(resolve(source))}.git`)
  if (!existsSync(join(dir, 'HEAD'))) {
    git(work, ['clone', '--quiet', '--bare', resolve(source), dir])
    const missing = git(dir, ['rev-list', '--objects', '--no-object-names', '--missing=print', 'HEAD'])
      .split('\n')
      .filter((line) => line.startsWith('?'))
      .map((line) => line.slice(1))
    if (missing.length > 0) {
      const empty = git(dir, ['hash-object', '-w', '--stdin'], { input: '' }).trim()
      for (const oid of missing) git(dir, ['update-ref', `refs/replace/${oid}`, empty])
      console.error(
        `bench: ${source} lacks ${missing.length} objects; replaced them with the empty blob (refs/replace)`,
      )
    }
  }
  return dir
}

function hash(text) {
  let value = 0
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) >>> 0
  return value.toString(36)
}

/** Adds one commit on top of HEAD (one changed file) without a work tree; returns the old HEAD. */
function addCommit(dir, serial) {
  const head = git(dir, ['rev-parse', 'HEAD']).trim()
  const index = join(work, 'bench-index')
  rmSync(index, { force: true })
  const env = { ...process.env, GIT_INDEX_FILE: index }
  git(dir, ['read-tree', 'HEAD'], { env })
  const blob = git(dir, ['hash-object', '-w', '--stdin'], { input: `bench commit ${serial}\n` }).trim()
  git(dir, ['update-index', '--add', '--cacheinfo', `100644,${blob},bench-new-commit.txt`], { env })
  const tree = git(dir, ['write-tree'], { env }).trim()
  const identity = {
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  }
  const commit = git(dir, ['commit-tree', tree, '-p', head, '-m', `Bench: one new commit ${serial}`], {
    env: { ...process.env, ...identity },
  }).trim()
  git(dir, ['update-ref', 'HEAD', commit])
  rmSync(index, { force: true })
  return head
}

function benchRepository(label, dir) {
  // gitlore keeps its cache at the repository's top level: the work tree, or the bare repository itself.
  const clear = () => rmSync(join(dir, '.gitlore'), { recursive: true, force: true })
  const context = (backend, extra = []) => [
    '--import',
    maxRssReporter,
    cli,
    'context',
    '--repo',
    dir,
    '--git-only',
    '--since',
    'all',
    '--until',
    until,
    '--json',
    '--git-backend',
    backend,
    ...extra,
  ]
  const count = git(dir, ['rev-list', '--count', 'HEAD']).trim()
  console.error(`bench: ${label} (${count} commits)`)
  const samples = { raw: [], cold: [], filling: [], iso: [], isoRss: [], warm: [], newCommit: [] }
  let identical = true
  for (let round = 0; round < runs; round++) {
    samples.raw.push(run('git', ['-C', dir, 'log', '--numstat', '--no-renames', 'HEAD']).ms)
    const cold = run('node', context('cli', ['--no-cache']), { capture: true })
    samples.cold.push(cold.ms)
    clear()
    samples.filling.push(run('node', context('cli')).ms)
    samples.warm.push(run('node', context('cli')).ms)
    const oldHead = addCommit(dir, round)
    samples.newCommit.push(run('node', context('cli')).ms)
    git(dir, ['update-ref', 'HEAD', oldHead])
    if (round < Math.min(runs, 2)) {
      const iso = run('node', context('isomorphic', ['--no-cache']), { capture: true })
      samples.iso.push(iso.ms)
      samples.isoRss.push(iso.rssMiB)
      identical &&= iso.stdout === cold.stdout
    }
  }
  clear()
  const raw = median(samples.raw)
  const cold = median(samples.cold)
  const filling = median(samples.filling)
  const iso = median(samples.iso)
  const isoRss = Math.max(...samples.isoRss)
  const warm = median(samples.warm)
  const newCommit = median(samples.newCommit)
  const ratio = (ms) => `${(ms / raw).toFixed(2)}x`
  const coldTarget = availableParallelism() >= 4 ? 0.5 : 0.7
  const verdict = (ok) => (ok ? 'met' : 'missed')
  return [
    { label, what: 'git log --numstat --no-renames, one process (baseline)', ms: raw, ratio: '1.00x', target: '' },
    {
      label,
      what: 'CLI backend, cold, no cache (--no-cache)',
      ms: cold,
      ratio: ratio(cold),
      target: `<= ${coldTarget}x: ${verdict(cold <= coldTarget * raw)}`,
    },
    {
      label,
      what: 'CLI backend, cold, filling the cache',
      ms: filling,
      ratio: ratio(filling),
      target: `<= 1.05x of no cache (${(filling / cold).toFixed(2)}x): ${verdict(filling <= 1.05 * cold)}`,
    },
    {
      label,
      what: `isomorphic backend, cold, no cache (peak RSS ${isoRss.toFixed(0)} MiB)`,
      ms: iso,
      ratio: ratio(iso),
      target: `<= 3x and <= 300 MiB: ${verdict(iso <= 3 * raw && isoRss <= 300)}; context identical to the CLI backend's: ${identical ? 'yes' : 'NO'}`,
    },
    {
      label,
      what: 'warm re-run (cache filled)',
      ms: warm,
      ratio: ratio(warm),
      target: `<= 250 ms: ${verdict(warm <= 250)}`,
    },
    {
      label,
      what: 'after one new commit (cache filled)',
      ms: newCommit,
      ratio: ratio(newCommit),
      target: `<= 300 ms: ${verdict(newCommit <= 300)}`,
    },
  ]
}

const started = loadavg()
const rows = []
if (commits > 0) rows.push(...benchRepository(`generated, ${commits} commits`, await syntheticRepository()))
// A repository is named by its path's last parts (`.mirror/vitejs+vite/repo` -> `vitejs+vite/repo`).
const nameOf = (dir) => resolve(dir).split('/').slice(-2).join('/')
for (const extra of values.repo) rows.push(...benchRepository(nameOf(extra), cloneOf(extra)))

const bare = median(Array.from({ length: 10 }, () => run('node', ['-e', '0']).ms))
const help = median(Array.from({ length: 10 }, () => run('node', [cli, '--help']).ms))
rows.push({ label: 'startup', what: 'node -e 0 (baseline)', ms: bare, ratio: '1.00x', target: '' })
rows.push({
  label: 'startup',
  what: 'gitlore --help',
  ms: help,
  ratio: `${(help / bare).toFixed(2)}x`,
  target: `<= +50 ms (+${(help - bare).toFixed(0)} ms)`,
})

const load = (values) => values.map((value) => value.toFixed(1)).join(' ')
console.log(
  `${availableParallelism()} cores; load average ${load(started)} at the start, ${load(loadavg())} at the end; medians of ${runs} runs (isomorphic: ${Math.min(runs, 2)})\n`,
)
console.log('| repository | measurement | median ms | vs git log | target |')
console.log('|---|---|---:|---:|---|')
for (const row of rows)
  console.log(`| ${row.label} | ${row.what} | ${row.ms.toFixed(0)} | ${row.ratio} | ${row.target} |`)
