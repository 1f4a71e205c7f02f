#!/usr/bin/env node
// Evaluation: the offline heuristic classifier on the hand-labeled review comments of
// fixtures/comments/labeled-comments.json. Prints per-category precision, recall and F1 and the macro-F1,
// on every comment and on the held-out split (comments not looked at while the rules were written).
// Run `pnpm build` first, then node bench/offline-classifier.mjs.
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const paths = ['packages/classifier/dist/index.js', 'fixtures/dist/index.js']
for (const path of paths) {
  if (!existsSync(join(root, path))) {
    console.error(`bench: ${path} is missing; run \`pnpm build\` first`)
    process.exit(2)
  }
}
const [{ createOfflineClassifier, evaluateClassifications, formatEvaluation }, { labeledReviewComments }] =
  await Promise.all(paths.map((path) => import(pathToFileURL(join(root, path)).href)))

const labeled = labeledReviewComments()
const labels = new Map(labeled.map((entry) => [entry.comment.id, entry.labels]))
const { comments } = await createOfflineClassifier().classify(labeled.map((entry) => entry.comment))
const holdout = new Set(labeled.filter((entry) => entry.split === 'holdout').map((entry) => entry.comment.id))
for (const [title, results] of [
  [`all ${comments.length} comments`, comments],
  [`${holdout.size} held-out comments`, comments.filter((result) => holdout.has(result.comment.id))],
]) {
  const evaluation = evaluateClassifications(results, labels)
  console.log(`\n${formatEvaluation(evaluation, `offline, ${title}`)}`)
  console.log(`\nexact matches: ${evaluation.exactMatch}/${results.length}`)
}
