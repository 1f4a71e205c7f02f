#!/usr/bin/env node
// Benchmark: many gitlore processes writing one PostgreSQL cache at once. Not a test: it prints tables.
// Run `pnpm build` first, then `node bench/postgres-cache.mjs` (--commits N per repository, default 2000;
// --processes 1,2,4,8; --pull-requests N and --comments N per repository, default 150 and 1500).
//
// 1, 2, 4 and 8 `gitlore analyze` processes analyse different generated repositories (with review data
// from a loopback GitHub, offline models) into one fresh database of a throwaway PostgreSQL server. Each
// repository's rows in every table are compared with what the same repository writes when analysed
// alone (the reference): nothing may be lost or duplicated, and every process must have used the cache.
// Lock waits are the server's own count (log_lock_waits with deadlock_timeout = 10 ms: every wait for a
// row or advisory lock longer than that), plus deadlocks. Then four processes analyse clones of one
// repository at once (the review sync's advisory lock: one fetches, the others wait and fetch one page),
// and a warm re-run is timed on SQLite and on PostgreSQL.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'apps/cli/bundle/bin.js')
const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '2000' },
    processes: { type: 'string', default: '1,2,4,8' },
    'pull-requests': { type: 'string', default: '150' },
    comments: { type: 'string', default: '1500' },
  },
})
const commits = Number(values.commits)
const counts = values.processes.split(',').map(Number)
const repositories = Math.max(...counts)
const load = (path) =>
  import(join(root, path)).catch(() => {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  })
if (!existsSync(cli)) {
  console.error('bench: apps/cli/bundle/bin.js is missing; run `pnpm build` first')
  process.exit(2)
}
const fixtures = await load('fixtures/dist/index.js')
const { startTestPostgres } = await load('packages/cache/dist/test/index.js')
const pg = (await import(join(root, 'packages/cache/node_modules/pg/lib/index.js'))).default

const work = join(root, 'bench/.work')
const token = 'ghp_benchmarkTokenNotReal'
const git = (dir, args) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' }).stdout.trim()

/** Generated repositories, one per process, each with an origin on the loopback GitHub. */
async function repository(index) {
  const dir = join(work, `pg-cache-${commits}-${index}`)
  if (!existsSync(join(dir, '.git'))) {
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    await fixtures.buildSyntheticRepository({ commits, dir, seed: 1000 + index })
    git(dir, ['remote', 'add', 'origin', `https://github.com/bench/repo-${index}.git`])
  }
  rmSync(join(dir, '.gitlore'), { recursive: true, force: true })
  return dir
}

const dirs = []
for (let index = 0; index < repositories; index++) dirs.push(await repository(index))
const worlds = dirs.map((_, index) =>
  fixtures.generateGitHubWorld({
    owner: 'bench',
    name: `repo-${index}`,
    pullRequests: Number(values['pull-requests']),
    comments: Number(values.comments),
    seed: 2000 + index,
  }),
)
const github = await fixtures.startGitHubServer({ repositories: worlds, token, rateLimit: 1_000_000 })
const server = await startTestPostgres({ settings: { log_lock_waits: 'on', deadlock_timeout: '10ms' } })
const admin = new pg.Client({ connectionString: server.url })
await admin.connect()

const environment = (cache) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  XDG_CONFIG_HOME: join(work, 'pg-cache-user-config'),
  GITHUB_TOKEN: token,
  GITLORE_GITHUB_API_URL: github.url,
  GITLORE_MODELS_CLASSIFIER: 'offline',
  GITLORE_MODELS_EMBEDDING: 'offline',
  GITLORE_MODELS_SYNTHESIZER: 'offline',
  ...cache,
})

function analyze(dir, env) {
  return new Promise((resolvePromise) => {
    const out = join(work, 'pg-cache-out', dir.split('/').pop())
    const child = spawn(
      process.execPath,
      [cli, 'analyze', '--repo', dir, '--since', 'all', '--format', 'json', '--out', out],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('exit', (code) => resolvePromise({ code, stderr }))
  })
}

async function timed(task) {
  const started = performance.now()
  const result = await task()
  return { ...result, ms: performance.now() - started }
}

const tables = [
  'commits',
  'results',
  'runs',
  'pull_requests',
  'review_comments',
  'review_repos',
  'classifications',
  'embeddings',
]

/** Rows per repository and table (classifications and embeddings by the repository that stored them). */
async function rowsByRepository(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const byRepository = new Map()
  for (const table of tables) {
    const { rows } = await client.query(`select repository, count(*)::int as count from ${table} group by repository`)
    for (const row of rows) {
      const counts = byRepository.get(row.repository) ?? {}
      counts[table] = row.count
      byRepository.set(row.repository, counts)
    }
  }
  const totals = {}
  for (const table of tables) {
    totals[table] = (await client.query(`select count(*)::int as count from ${table}`)).rows[0].count
  }
  await client.end()
  return { byRepository, totals }
}

async function lockStatistics(url) {
  const database = new URL(url.replace(/^postgresql:/, 'http:')).pathname.slice(1)
  const { rows } = await admin.query('select deadlocks from pg_stat_database where datname = $1', [database])
  return { deadlocks: Number(rows[0]?.deadlocks ?? 0) }
}

const logLines = () => readFileSync(server.logFile, 'utf8').split('\n')
const countWaits = (lines) => lines.filter((line) => line.includes('still waiting for')).length

async function concurrentRun(label, selected, url) {
  const env = environment({ GITLORE_CACHE_URL: url })
  const before = logLines().length
  const requestsBefore = github.requests.length
  const { results, ms } = await timed(async () => ({
    results: await Promise.all(selected.map((dir) => analyze(dir, env))),
  }))
  const newLines = logLines().slice(before)
  const problems = results.flatMap((result, index) =>
    result.code !== 0 || result.stderr.includes('continuing without the cache')
      ? [`${selected[index]}: exit ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' / ')}`]
      : [],
  )
  return {
    label,
    ms,
    waits: countWaits(newLines),
    requests: github.requests.length - requestsBefore,
    problems,
    ...(await lockStatistics(url)),
  }
}

const key = (index) => `${new URL(github.url).host}/bench/repo-${index}`.toLowerCase()
const rowsLine = (counts) => tables.map((table) => counts?.[table] ?? 0)

// Reference: each repository analysed alone, one after another.
console.error(`bench: reference runs of ${repositories} repositories of ${commits} commits, one at a time`)
const referenceUrl = await server.createDatabase()
for (const dir of dirs) {
  const result = await analyze(dir, environment({ GITLORE_CACHE_URL: referenceUrl }))
  if (result.code !== 0) throw new Error(`reference run of ${dir} failed: ${result.stderr}`)
}
const reference = await rowsByRepository(referenceUrl)

const concurrency = []
for (const processes of counts) {
  console.error(`bench: ${processes} concurrent processes`)
  for (const dir of dirs) rmSync(join(dir, '.gitlore'), { recursive: true, force: true })
  const url = await server.createDatabase()
  const run = await concurrentRun(`${processes}`, dirs.slice(0, processes), url)
  const written = await rowsByRepository(url)
  const mismatches = []
  for (let index = 0; index < processes; index++) {
    const expected = reference.byRepository.get(key(index))
    const actual = written.byRepository.get(key(index))
    // Shared answers (classifications, embeddings) are stored by whichever repository asks first.
    const own = (counts) => rowsLine(counts).slice(0, 6)
    if (JSON.stringify(own(expected)) !== JSON.stringify(own(actual)))
      mismatches.push(`repo-${index}: expected ${own(expected)} got ${own(actual)}`)
    const commitsInGit = Number(git(dirs[index], ['rev-list', '--count', 'HEAD']))
    if (actual?.commits !== commitsInGit)
      mismatches.push(`repo-${index}: ${actual?.commits} commits stored, git has ${commitsInGit}`)
    if (actual?.runs !== 1) mismatches.push(`repo-${index}: ${actual?.runs} runs stored`)
  }
  // Shared tables: the distinct answers these repositories need, however their writes interleaved. The
  // reference ran in index order, so repository i stored exactly the answers repositories before it lacked.
  for (const table of ['classifications', 'embeddings']) {
    let expected = 0
    for (let index = 0; index < processes; index++) expected += reference.byRepository.get(key(index))?.[table] ?? 0
    if (written.totals[table] !== expected)
      mismatches.push(`${table}: ${written.totals[table]} rows, expected ${expected}`)
  }
  concurrency.push({ ...run, rows: Object.values(written.totals).reduce((sum, count) => sum + count, 0), mismatches })
}

// One repository, four clones analysed at once: one sync fetches, the others wait on its lock.
console.error('bench: 4 processes on clones of one repository')
const clones = []
for (let index = 0; index < 4; index++) {
  const clone = join(work, `pg-cache-clone-${index}`)
  rmSync(clone, { recursive: true, force: true })
  spawnSync('git', ['clone', '-q', dirs[0], clone])
  git(clone, ['remote', 'set-url', 'origin', 'https://github.com/bench/repo-0.git'])
  clones.push(clone)
}
const alone = await concurrentRun('1 clone', clones.slice(0, 1), await server.createDatabase())
for (const clone of clones) rmSync(join(clone, '.gitlore'), { recursive: true, force: true })
const together = await concurrentRun('4 clones', clones, await server.createDatabase())

// Warm re-run: the same repository analysed again, nothing changed, on SQLite and on PostgreSQL.
console.error('bench: warm re-runs')
const warmDir = dirs[0]
const warm = []
for (const [label, cache] of [
  ['SQLite (.gitlore/cache.db)', {}],
  ['PostgreSQL', { GITLORE_CACHE_URL: await server.createDatabase() }],
]) {
  rmSync(join(warmDir, '.gitlore'), { recursive: true, force: true })
  const env = environment(cache)
  const cold = await timed(() => analyze(warmDir, env))
  const samples = []
  for (let run = 0; run < 3; run++) samples.push((await timed(() => analyze(warmDir, env))).ms)
  samples.sort((a, b) => a - b)
  warm.push({ label, cold: cold.ms, warm: samples[1] })
}

await admin.end()
await server.stop()
await github.close()

console.log(
  `\n${repositories} generated repositories of ${commits} commits, ${values['pull-requests']} pull requests and ${values.comments} comments each; offline models; one fresh database per row.\n`,
)
console.log(
  '| processes | wall time | rows written | lock waits > 10 ms | deadlocks | GitHub requests | lost or duplicated rows |',
)
console.log('|---:|---:|---:|---:|---:|---:|---|')
for (const row of concurrency) {
  const verdict =
    row.problems.length + row.mismatches.length === 0 ? 'none' : [...row.problems, ...row.mismatches].join('; ')
  console.log(
    `| ${row.label} | ${(row.ms / 1000).toFixed(1)} s | ${row.rows} | ${row.waits} | ${row.deadlocks} | ${row.requests} | ${verdict} |`,
  )
}
console.log(
  '\nOne repository, analysed from several clones at once (the review sync holds an advisory lock per repository):\n',
)
console.log('| processes | wall time | GitHub requests | lock waits > 10 ms | failures |')
console.log('|---|---:|---:|---:|---|')
for (const row of [alone, together])
  console.log(
    `| ${row.label} | ${(row.ms / 1000).toFixed(1)} s | ${row.requests} | ${row.waits} | ${row.problems.length === 0 ? 'none' : row.problems.join('; ')} |`,
  )
console.log('\nWarm re-run of one repository (nothing changed; median of 3):\n')
console.log('| cache | first run | warm re-run |')
console.log('|---|---:|---:|')
for (const row of warm)
  console.log(`| ${row.label} | ${(row.cold / 1000).toFixed(2)} s | ${(row.warm / 1000).toFixed(2)} s |`)
