#!/usr/bin/env node
// Evaluation: the offline heuristic classifier on hand-labeled review comments. Prints per-category
// precision, recall and F1, macro- and micro-F1, against two trivial baselines measured in the same run
// (every category for every comment; the most frequent category for every comment).
//
//   node bench/offline-classifier.mjs                      # the project's fixture (fixtures/comments/labeled-comments.json)
//   node bench/offline-classifier.mjs --real FILE.jsonl    # also a file of real labeled comments, one JSON object a line:
//       { "id", "url", "body", "labels": ["bug", ...], "split": "dev" | "holdout", "path"?, "kind"? }
//
// Real comments are public text written by others: keep such files outside the repository. The rules may be
// tuned on the `dev` split only; the `holdout` split is what the classifier has never been looked at against.
// Run `pnpm build` first.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { real: { type: 'string' } } })
const paths = ['packages/classifier/dist/index.js', 'fixtures/dist/index.js']
for (const path of paths) {
  if (!existsSync(join(root, path))) {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  }
}
const [
  { createOfflineClassifier, evaluateBaseline, evaluateClassifications, formatEvaluation },
  { labeledReviewComments },
] = await Promise.all(paths.map((path) => import(pathToFileURL(join(root, path)).href)))

/** Labeled entries of a JSONL file of real comments, as the classifier takes them. */
function readReal(file) {
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
  return lines.map((line, index) => {
    const row = JSON.parse(line)
    if (typeof row.body !== 'string' || !Array.isArray(row.labels) || row.labels.length === 0) {
      console.error(`bench: ${file}:${index + 1} needs "body" and a non-empty "labels" list`)
      process.exit(2)
    }
    return {
      comment: {
        id: String(row.id ?? index),
        kind: row.kind ?? 'review_thread',
        prNumber: 1,
        url: row.url ?? '',
        author: row.author ?? 'reviewer',
        authorAssociation: 'NONE',
        body: row.body,
        createdAt: '2024-01-01T00:00:00Z',
        ...(typeof row.path === 'string' ? { path: row.path } : {}),
        replies: [],
      },
      labels: row.labels,
      split: row.split === 'holdout' ? 'holdout' : 'dev',
    }
  })
}

const classifier = createOfflineClassifier()
const summary = []

async function evaluate(name, entries, { details }) {
  const labels = new Map(entries.map((entry) => [entry.comment.id, entry.labels]))
  const { comments } = await classifier.classify(entries.map((entry) => entry.comment))
  const counts = new Map()
  for (const entry of entries) for (const label of entry.labels) counts.set(label, (counts.get(label) ?? 0) + 1)
  const mostFrequent = [...counts].sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1))[0][0]
  const baseline = (categories) => evaluateBaseline(comments, labels, categories)
  const offline = evaluateClassifications(comments, labels)
  if (details) {
    console.log(`\n${formatEvaluation(offline, `offline, ${name}`)}`)
    console.log(`\nexact matches: ${offline.exactMatch}/${comments.length}`)
  }
  const row = (classifierName, evaluation) =>
    summary.push(
      `| ${name} | ${comments.length} | ${classifierName} | ${evaluation.macroF1.toFixed(2)} | ${evaluation.microF1.toFixed(2)} |`,
    )
  row('offline rules', offline)
  row('every category', baseline([...counts.keys()]))
  row(`most frequent (${mostFrequent})`, baseline([mostFrequent]))
}

const fixture = labeledReviewComments()
await evaluate(`fixture, all`, fixture, { details: true })
await evaluate(
  `fixture, held-out`,
  fixture.filter((entry) => entry.split === 'holdout'),
  { details: true },
)
if (values.real !== undefined) {
  const real = readReal(resolve(values.real))
  await evaluate(
    `real, dev (tuned on)`,
    real.filter((entry) => entry.split === 'dev'),
    { details: false },
  )
  await evaluate(
    `real, held-out`,
    real.filter((entry) => entry.split === 'holdout'),
    { details: true },
  )
}
console.log('\n| set | comments | classifier | macro-F1 | micro-F1 |\n|---|---:|---|---:|---:|')
console.log(summary.join('\n'))
