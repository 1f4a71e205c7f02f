#!/usr/bin/env node
// Benchmark: syncing GitHub review data from a loopback GitHub API (GraphQL executed against GitHub's
// published schema, GitHub's point costs) into the SQLite cache. Not a test: it prints tables.
// Run `pnpm build` first, then `node bench/github-sync.mjs` (--pull-requests N, --comments N, --changed N: the
// smaller of two change sets; the larger is 12 times it; --paced-pull-requests N: the repository of the
// pacing table; --latency MS: the loopback server's answer time there, like GitHub's).
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    'pull-requests': { type: 'string', default: '3000' },
    comments: { type: 'string', default: '30000' },
    changed: { type: 'string', default: '10' },
    'paced-pull-requests': { type: 'string', default: '600' },
    latency: { type: 'string', default: '150' },
  },
})
const load = (path) =>
  import(join(root, path)).catch(() => {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  })
const fixtures = await load('fixtures/dist/index.js')
const { createReviewExtractor, documentedRequestInterval } = await load('packages/extractors/dist/index.js')
const { createCache } = await load('packages/cache/dist/index.js')

const token = 'ghp_benchmarkTokenNotReal'
const world = fixtures.generateGitHubWorld({
  pullRequests: Number(values['pull-requests']),
  comments: Number(values.comments),
})
const server = await fixtures.startGitHubServer({ repositories: [world], token, rateLimit: 1_000_000 })
const dir = join(root, 'bench/.work/github-sync')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const cache = await createCache({ path: join(dir, 'cache.db') })
const since = '2023-12-01T00:00:00Z'
const rows = []

async function run(label, options = {}, extractorOptions = {}) {
  const before = server.requests.length
  const points = server.pointsUsed()
  const extractor = createReviewExtractor({
    token,
    baseUrl: server.url,
    owner: world.owner,
    repo: world.name,
    store: cache,
    requestInterval: 0,
    ...extractorOptions,
  })
  const started = performance.now()
  const data = await extractor.fetch({ since, ...options })
  const ms = performance.now() - started
  const requests = server.requests.length - before
  const kept = data.comments.reduce((sum, comment) => sum + 1 + comment.replies.length, 0)
  rows.push({
    label,
    requests,
    points: server.pointsUsed() - points,
    fetched: data.sync.fetchedPullRequests,
    comments: `${kept} kept + ${data.filtered.bots} bot + ${data.filtered.trivial} trivial`,
    ms,
    paced: requests,
  })
  return data
}

try {
  await run(`full sync: ${world.pullRequests.length} PRs, ${fixtures.countWorldComments(world)} comments`)
  await run('re-run, nothing changed, walking the first page (no probe)', {}, { probe: false })
  await run('re-run, nothing changed (probe: 1 point)')
  let clock = Date.parse('2024-04-02T00:00:00Z')
  for (const changed of [Number(values.changed), 12 * Number(values.changed)]) {
    // Each change set an hour after the last, well past the 10-minute overlap an incremental sync re-checks.
    clock += 3_600_000
    for (let index = 0; index < changed; index++) {
      const pullRequest = world.pullRequests[Math.floor((index * world.pullRequests.length) / changed)]
      fixtures.touchPullRequest(pullRequest, new Date((clock += 1000)).toISOString())
    }
    await run(`re-run, ${changed} PRs changed`)
  }
  clock += 3_600_000
  for (let index = 0; index < 3; index++) {
    fixtures.touchPullRequest(world.pullRequests[index * 7], new Date((clock += 1000)).toISOString())
  }
  await run('re-run, 3 PRs changed, walking pages (no probe)', {}, { probe: false })
  clock += 3_600_000
  for (let index = 0; index < 3; index++) {
    fixtures.touchPullRequest(world.pullRequests[index * 7 + 1], new Date((clock += 1000)).toISOString())
  }
  await run('re-run, 3 PRs changed (probe, then by number)')
  await run('refresh (whole window again)', { refresh: true })
} finally {
  await cache.close()
  await server.close()
}

// Pacing: a full sync of a smaller repository from a server that takes `latency` ms per answer, at
// plugin-throttling's write pacing (every GraphQL request 1 s apart), at GitHub's documented limits
// (one request at a time, at most 2,000 query points a minute), and unpaced (the server's own time).
const paced = []
{
  const small = fixtures.generateGitHubWorld({
    pullRequests: Number(values['paced-pull-requests']),
    comments: Number(values['paced-pull-requests']) * 10,
  })
  const latency = Number(values.latency)
  const slow = await fixtures.startGitHubServer({
    repositories: [small],
    token,
    rateLimit: 1_000_000,
    intercept: async (_request, next) => {
      await new Promise((resolve) => setTimeout(resolve, latency))
      return next()
    },
  })
  try {
    for (const [label, requestInterval] of [
      ['plugin-throttling write pacing (1 request/s)', 1000],
      [`GitHub's documented limits (${documentedRequestInterval} ms apart, one at a time)`, undefined],
      ['unpaced (bounded by the server alone)', 0],
    ]) {
      const before = slow.requests.length
      const extractor = createReviewExtractor({
        token,
        baseUrl: slow.url,
        owner: small.owner,
        repo: small.name,
        ...(requestInterval === undefined ? {} : { requestInterval }),
      })
      const started = performance.now()
      await extractor.fetch({ since })
      paced.push({ label, requests: slow.requests.length - before, ms: performance.now() - started })
    }
  } finally {
    await slow.close()
  }
}

console.log('| scenario | requests | points | PRs fetched | comments (after filtering) | wall time (unpaced) |')
console.log('|---|---:|---:|---:|---|---:|')
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.requests} | ${row.points} | ${row.fetched} | ${row.comments} | ${(row.ms / 1000).toFixed(2)} s |`,
  )
}
console.log(
  '\nLoopback server on 127.0.0.1 executing every query against @octokit/graphql-schema with GitHub’s point rules; requests unpaced in this table.',
)
const unpaced = paced.at(-1)
console.log(
  `\n| full sync of ${values['paced-pull-requests']} PRs, ${values.latency} ms per answer | requests | wall time | over the server's own time |`,
)
console.log('|---|---:|---:|---:|')
for (const row of paced) {
  console.log(
    `| ${row.label} | ${row.requests} | ${(row.ms / 1000).toFixed(2)} s | ${unpaced === undefined ? '' : `${((row.ms - unpaced.ms) / 1000).toFixed(2)} s`} |`,
  )
}
