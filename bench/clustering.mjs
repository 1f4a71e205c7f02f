#!/usr/bin/env node
// Benchmark: clusterComments (@gitlore/clustering, offline embedder, 256 dimensions) on synthetic review comments
// of known themes, against plain ml-hclust agnes (average linkage) on the same vectors where that is feasible.
// Not a test: it prints a markdown table. Run `pnpm build` first, then node bench/clustering.mjs.
// Options: --sizes 1000,5000,20000 --baseline-max 1000. Each measurement runs in its own child process, so the
// peak memory column is that process's maximum resident set size (process.resourceUsage().maxRSS).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const clusteringDist = join(root, 'packages/clustering/dist/index.js')
const fixturesDist = join(root, 'fixtures/dist/index.js')
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,20000' },
    'baseline-max': { type: 'string', default: '1000' },
    child: { type: 'string' },
    n: { type: 'string' },
  },
})
const threshold = 0.8

async function load() {
  const clustering = await import(pathToFileURL(clusteringDist).href)
  const fixtures = await import(pathToFileURL(fixturesDist).href)
  return { clustering, fixtures }
}

/** Classified comments (as the classifier hands them over) and their true themes. */
function syntheticInput(fixtures, count) {
  const entries = fixtures.syntheticThemedComments(count, { seed: 1 })
  const items = entries.map((entry) => ({
    status: 'classified',
    comment: entry.comment,
    categories: entry.categories,
    confidence: entry.confidence,
    classifier: 'fixture',
  }))
  return { items, truth: entries.map((entry, index) => entry.theme ?? `one-off:${index}`) }
}

function predicted(items, clusters) {
  const clusterOf = new Map(clusters.flatMap((cluster) => cluster.members.map((id) => [id, cluster.id])))
  return items.map((item) => clusterOf.get(item.comment.id) ?? `noise:${item.comment.id}`)
}

function report(result) {
  process.stdout.write(`${JSON.stringify({ ...result, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`)
}

async function runGitlore(count) {
  const { clustering, fixtures } = await load()
  const { items, truth } = syntheticInput(fixtures, count)
  const embedder = clustering.createEmbedder({ kind: 'offline', dimensions: 256 })
  const marks = {}
  const started = performance.now()
  const result = await clustering.clusterComments(items, {
    embedder,
    threshold,
    onProgress: (progress) => {
      const phase = progress.stage === 'embedding' ? 'embedding' : progress.phase
      marks[phase] ??= performance.now()
    },
  })
  const finished = performance.now()
  const linkageStart = marks.linkage ?? finished
  report({
    seconds: (finished - started) / 1000,
    embedSeconds: ((marks.folding ?? linkageStart) - started) / 1000,
    foldSeconds: marks.folding === undefined ? 0 : (linkageStart - marks.folding) / 1000,
    path: result.stats.path,
    leaves: result.stats.leaves,
    clusters: result.clusters.length,
    clustered: result.stats.clustered,
    ari: clustering.adjustedRandIndex(truth, predicted(items, result.clusters)),
  })
}

async function runAgnes(count) {
  const { clustering, fixtures } = await load()
  const require = createRequire(join(root, 'packages/clustering/package.json'))
  const { agnes } = await import(pathToFileURL(require.resolve('ml-hclust')).href)
  const { items, truth } = syntheticInput(fixtures, count)
  const embedder = clustering.createEmbedder({ kind: 'offline', dimensions: 256 })
  const started = performance.now()
  const vectors = await embedder.embed(items.map((item) => clustering.commentText(item.comment)))
  const units = vectors.map((vector) => {
    const norm = Math.hypot(...vector) || 1
    return Array.from(vector, (value) => value / norm)
  })
  const cosine = (left, right) => {
    let sum = 0
    for (let index = 0; index < left.length; index++) sum += left[index] * right[index]
    return Math.max(0, 1 - sum)
  }
  const tree = agnes(units, { method: 'average', distanceFunction: cosine })
  const groups = tree.cut(threshold).map((cluster) => cluster.indices())
  const seconds = (performance.now() - started) / 1000
  const labels = items.map((_, index) => `noise:${index}`)
  groups.forEach((group, number) => {
    if (group.length >= 3) for (const index of group) labels[index] = `g${number}`
  })
  report({
    seconds,
    path: 'agnes',
    leaves: count,
    clusters: groups.filter((group) => group.length >= 3).length,
    clustered: groups.filter((group) => group.length >= 3).reduce((sum, group) => sum + group.length, 0),
    ari: clustering.adjustedRandIndex(truth, labels),
  })
}

if (values.child !== undefined) {
  const count = Number(values.n)
  await (values.child === 'agnes' ? runAgnes(count) : runGitlore(count))
  process.exit(0)
}

for (const file of [clusteringDist, fixturesDist]) {
  if (!existsSync(file)) {
    console.error(`bench: ${file} is missing; run \`pnpm build\` first`)
    process.exit(2)
  }
}

function measure(kind, count) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind, '--n', String(count)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  })
  if (child.status !== 0) throw new Error(`${kind} N=${count} exited ${child.status}: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').at(-1))
}

const sizes = values.sizes.split(',').map(Number)
const baselineMax = Number(values['baseline-max'])
const idle = spawnSync(process.execPath, ['-e', 'console.log(process.resourceUsage().maxRSS / 1024)'], {
  encoding: 'utf8',
})
const rows = []
for (const count of sizes) {
  const gitlore = measure('gitlore', count)
  rows.push({ count, name: 'gitlore clusterComments', ...gitlore })
  if (count <= baselineMax) rows.push({ count, name: 'ml-hclust agnes (baseline)', ...measure('agnes', count) })
  else rows.push({ count, name: 'ml-hclust agnes (baseline)', skipped: true })
}

const format = (value, digits = 2) => (value === undefined ? '' : value.toFixed(digits))
console.log(
  `Clustering ${sizes.join(' / ')} synthetic review comments (10 themes + 20% one-offs), offline embedder, 256 dimensions, threshold ${threshold}, Node ${process.version}\n`,
)
console.log('| N | method | path (leaves) | embed s | fold s | total s | peak RSS MiB | clusters | clustered | ARI |')
console.log('|---:|---|---|---:|---:|---:|---:|---:|---:|---:|')
for (const row of rows) {
  if (row.skipped) {
    console.log(
      `| ${row.count.toLocaleString('en')} | ${row.name} | not run (cubic: 3,000 points take ~2 min, 6,000 ~18 min) | | | | | | | |`,
    )
    continue
  }
  console.log(
    `| ${row.count.toLocaleString('en')} | ${row.name} | ${row.path} (${row.leaves}) | ${format(row.embedSeconds)} | ${format(row.foldSeconds)} | ` +
      `${format(row.seconds)} | ${format(row.maxRssMiB, 0)} | ${row.clusters} | ${row.clustered} | ${format(row.ari, 3)} |`,
  )
}
console.log(
  `\nIdle \`node -e\` peak RSS: ${Number(idle.stdout).toFixed(0)} MiB. Targets: 5,000 in <= 10 s and <= 1 GiB; 20,000 in <= 60 s.`,
)
