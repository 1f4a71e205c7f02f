#!/usr/bin/env node
// Benchmark: syncing GitHub Actions history (runs, every attempt's jobs, annotations and failing-log tails)
// from a loopback Actions API into the SQLite cache. Not a test: it prints a table.
// Run `pnpm build` first, then `node bench/ci-sync.mjs` (--runs N, --jobs-per-run N).
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2000' }, 'jobs-per-run': { type: 'string', default: '3' } },
})
const load = (path) =>
  import(join(root, path)).catch(() => {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  })
const fixtures = await load('fixtures/dist/index.js')
const { createCiExtractor, createMemoryCiStore } = await load('packages/extractors/dist/index.js')
const { createCache } = await load('packages/cache/dist/index.js')

const token = 'ghp_benchmarkTokenNotReal'
const world = fixtures.generateActionsWorld({
  runs: Number(values.runs),
  jobsPerRun: Number(values['jobs-per-run']),
  rerunShare: 0.3,
})
const server = await fixtures.startActionsServer({ world, token, rateLimit: 1_000_000 })
const dir = join(root, 'bench/.work/ci-sync')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const cache = await createCache({ path: join(dir, 'cache.db') })
const window = { since: '2026-03-01T00:00:00Z', until: '2026-07-01T00:00:00Z' }
const rows = []

async function run(label, { store = cache, concurrency, ...options } = {}) {
  const before = server.requests.length
  const used = server.rateLimitUsed()
  const extractor = createCiExtractor({
    token,
    baseUrl: server.url,
    owner: world.owner,
    repo: world.repo,
    store,
    // The whole window in one sync (a real first sync stops at 1,000 runs and continues next time).
    maxRunsPerSync: 100_000,
    ...(concurrency === undefined ? {} : { concurrency }),
  })
  const started = performance.now()
  const data = await extractor.fetch({ ...window, ...options })
  const ms = performance.now() - started
  const requests = server.requests.slice(before)
  rows.push({
    label,
    api: requests.filter((request) => request.host === 'api').length,
    logs: requests.filter((request) => request.host === 'logs').length,
    cost: server.rateLimitUsed() - used,
    runs: data.sync.fetchedRuns,
    jobs: data.sync.fetchedJobs,
    stored: `${data.sync.logsStored} / ${data.sync.logsExpired}`,
    ms,
  })
  return data
}

try {
  const jobs = fixtures.countWorldJobs(world)
  await run(`full sync, one run at a time (baseline): ${world.runs.length} runs, ${jobs} jobs`, {
    store: createMemoryCiStore(),
    concurrency: 1,
  })
  await run(`full sync into the cache, 8 runs at a time: ${world.runs.length} runs, ${jobs} jobs`)
  await run('re-run, nothing new')
  const builder = new fixtures.ActionsWorldBuilder({ world })
  const newest = Date.parse(world.runs.at(-1).createdAt)
  for (let index = 0; index < 20; index++) {
    builder.add({
      workflowId: 1,
      headSha: `${index}`.padStart(40, 'f'),
      title: `new ${index}`,
      actor: 'dev',
      createdAt: new Date(newest + (index + 1) * 600_000).toISOString(),
      attempts: [[{ name: 'test', conclusion: 'success' }]],
    })
  }
  for (const old of world.runs.slice(-40, -35)) builder.rerun(old, [{ name: 'test', conclusion: 'success' }])
  await run('re-run, 20 new runs and 5 re-run')
  await run('refresh (whole window again)', { refresh: true })
} finally {
  await cache.close()
  await server.close()
}

console.log(
  '| scenario | API requests | log downloads | rate-limit cost | runs fetched | jobs fetched | logs stored / expired | wall time |',
)
console.log('|---|---:|---:|---:|---:|---:|---:|---:|')
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.api} | ${row.logs} | ${row.cost} | ${row.runs} | ${row.jobs} | ${row.stored} | ${(row.ms / 1000).toFixed(2)} s |`,
  )
}
console.log(
  '\nLoopback Actions API on 127.0.0.1 (REST shapes of GitHub’s published description, Link pagination, 1,000-run cap on filtered listings, logs redirected to a second host); each API request costs 1 of the core rate limit, log downloads cost none, as on GitHub.',
)
