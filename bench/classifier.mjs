#!/usr/bin/env node
// Benchmark: the LLM classifier against a loopback OpenAI-compatible server with a fixed latency per request.
// Not a test: it prints a markdown table. Run `pnpm build` first, then node bench/classifier.mjs.
// Options: --comments N (default 1000), --latency MS (default 200), --concurrency N (default 8), --batch-sizes 1,10,25.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    comments: { type: 'string', default: '1000' },
    latency: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '8' },
    'batch-sizes': { type: 'string', default: '1,10,25' },
  },
})
const count = Number(values.comments)
const latencyMs = Number(values.latency)
const concurrency = Number(values.concurrency)
const batchSizes = values['batch-sizes'].split(',').map(Number)

const dist = (path) => join(root, path)
for (const path of [
  'packages/classifier/dist/index.js',
  'packages/llm/dist/test/index.js',
  'packages/cache/dist/index.js',
  'fixtures/dist/index.js',
]) {
  if (!existsSync(dist(path))) {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  }
}
const load = (path) => import(pathToFileURL(dist(path)).href)
const { createClassifier, scoreComment, offlineRules } = await load('packages/classifier/dist/index.js')
const { createModelRegistry, createUsageMeter } = await load('packages/llm/dist/index.js')
const { startLoopbackModelServer } = await load('packages/llm/dist/test/index.js')
const { createCache } = await load('packages/cache/dist/index.js')
const { syntheticReviewComments } = await load('fixtures/dist/index.js')

// The scripted model answers every comment of a prompt with what the offline rules make of it.
function answer(request) {
  const prompt = request.messages.find((message) => message.role === 'user')?.content ?? ''
  const lines = [...prompt.matchAll(/<comment id="([^"]+)"[^>]*>\n([\s\S]*?)\n<\/comment>/g)].map(([, id, body]) => {
    const { categories } = scoreComment({ id, body, replies: [] }, offlineRules, 3)
    return `<c id="${id}" categories="${categories.join(',')}" confidence="0.8"/>`
  })
  return { kind: 'message', text: ['<classifications>', ...lines, '</classifications>'].join('\n') }
}

const comments = syntheticReviewComments(count)
const server = await startLoopbackModelServer({ latencyMs, chat: answer })
const registry = createModelRegistry({ env: {}, compatible: { baseUrl: server.url } })
const resolved = registry.languageModel('compatible/bench-model')

async function run(batchSize, cache) {
  server.reset()
  const meter = createUsageMeter()
  const classifier = createClassifier({
    kind: 'llm',
    model: resolved.model,
    modelName: resolved.name,
    store: cache,
    meter,
    batchSize,
    concurrency,
  })
  const started = performance.now()
  const { stats } = await classifier.classify(comments)
  const seconds = (performance.now() - started) / 1000
  const promptTokens = server.requests.reduce((sum, request) => sum + request.promptTokens, 0)
  return { stats, seconds, requests: server.requests.length, promptTokens, meter }
}

const rows = []
const work = mkdtempSync(join(tmpdir(), 'gitlore-bench-classifier-'))
try {
  let lastCache
  for (const batchSize of batchSizes) {
    await lastCache?.close()
    lastCache = await createCache({ path: join(work, `cache-${batchSize}.db`) })
    const result = await run(batchSize, lastCache)
    rows.push({ label: `batch ${batchSize}`, ...result })
  }
  const rerun = await run(batchSizes.at(-1), lastCache)
  rows.push({ label: `batch ${batchSizes.at(-1)}, re-run (cache)`, ...rerun })
  await lastCache.close()
} finally {
  await server.close()
  rmSync(work, { recursive: true, force: true })
}

console.log(
  `\n${count} comments, ${latencyMs} ms per request, concurrency ${concurrency} (loopback OpenAI-compatible server; ` +
    'prompt tokens as the server estimates them, 4 characters a token)\n',
)
console.log(
  '| run | requests | fewer than one per comment | prompt tokens / comment | wall time | classified | failed |',
)
console.log('|---|---:|---:|---:|---:|---:|---:|')
for (const row of rows) {
  const ratio = row.requests === 0 ? '-' : `${(count / row.requests).toFixed(1)}x`
  const time = row.seconds < 1 ? `${Math.round(row.seconds * 1000)} ms` : `${row.seconds.toFixed(1)} s`
  console.log(
    `| ${row.label} | ${row.requests} | ${ratio} | ${(row.promptTokens / count).toFixed(1)} | ${time} | ${row.stats.classified} | ${row.stats.failed} |`,
  )
}
