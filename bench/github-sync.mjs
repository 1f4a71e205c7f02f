#!/usr/bin/env node
// Benchmark: syncing GitHub review data from a loopback GitHub API (GraphQL executed against GitHub's
// published schema, GitHub's point costs) into the SQLite cache. Not a test: it prints a table.
// Run `pnpm build` first, then `node bench/github-sync.mjs` (--pull-requests N, --comments N, --changed N: the
// smaller of two change sets; the larger is 12 times it).
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
  },
})
const load = (path) =>
  import(join(root, path)).catch(() => {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  })
const fixtures = await load('fixtures/dist/index.js')
const { createReviewExtractor } = await load('packages/extractors/dist/index.js')
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

async function run(label, options = {}) {
  const before = server.requests.length
  const points = server.pointsUsed()
  const extractor = createReviewExtractor({
    token,
    baseUrl: server.url,
    owner: world.owner,
    repo: world.name,
    store: cache,
    requestInterval: 0,
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
  await run('re-run, nothing changed')
  let clock = Date.parse('2024-04-02T00:00:00Z')
  for (const changed of [Number(values.changed), 12 * Number(values.changed)]) {
    for (let index = 0; index < changed; index++) {
      const pullRequest = world.pullRequests[Math.floor((index * world.pullRequests.length) / changed)]
      fixtures.touchPullRequest(pullRequest, new Date((clock += 1000)).toISOString())
    }
    await run(`re-run, ${changed} PRs changed`)
  }
  await run('refresh (whole window again)', { refresh: true })
} finally {
  await cache.close()
  await server.close()
}

console.log(
  '| scenario | requests | points | PRs fetched | comments (after filtering) | wall time | at GitHub pacing (1 req/s) |',
)
console.log('|---|---:|---:|---:|---|---:|---:|')
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.requests} | ${row.points} | ${row.fetched} | ${row.comments} | ${(row.ms / 1000).toFixed(2)} s | ≈ ${row.paced} s |`,
  )
}
console.log(
  '\nLoopback server on 127.0.0.1 executing every query against @octokit/graphql-schema with GitHub’s point rules; requests unpaced here (plugin-throttling’s default write pacing is ~1 request/s against GitHub).',
)
