import type { ClassifiedComment, ReviewComment } from '@gitlore/core'
import type { UsageMeter } from '@gitlore/llm'
import type { LanguageModel } from 'ai'
import type { ClassificationStore, StoredClassificationEntry } from '../classification-store.js'
import type { ClassificationResult, ClassifyOptions } from '../classifier.js'
import { ClassificationInterruptedError } from '../errors/classification-interrupted-error.js'
import { callModel } from './call-model.js'
import type { ClassifierPrompts } from './classifier-prompts.js'
import type { LlmClassifierSettings } from './llm-classifier.js'
import { parseClassifications } from './parse-classifications.js'
import { type RenderedComment, renderComment, renderUserPrompt } from './render-comments.js'
import { createTaskPool } from './task-pool.js'

// A function, not a property check, so TypeScript does not keep the value it narrowed before an await.
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true

/** Everything one run needs. */
export interface LlmClassificationRun extends ClassifyOptions {
  readonly model: Exclude<LanguageModel, string>
  readonly modelName: string
  readonly prompts: ClassifierPrompts
  readonly settings: LlmClassifierSettings
  readonly store?: ClassificationStore
  readonly meter?: UsageMeter
  readonly temperature?: number
  readonly maxOutputTokens?: number
}

/** Comments with the same rendered text: asked about (and cached) once. */
interface Group {
  readonly rendered: RenderedComment
  readonly indexes: number[]
  tries: number
}

/** Classifies `comments` with the model; see `createLlmClassifier`. */
export async function runLlmClassification(
  comments: readonly ReviewComment[],
  run: LlmClassificationRun,
): Promise<ClassificationResult> {
  const { modelName, prompts, settings, store, signal } = run
  const results: (ClassifiedComment | undefined)[] = new Array(comments.length)
  const counts = { cached: 0, failed: 0, requests: 0, done: 0 }
  const interrupted = (cause?: unknown): ClassificationInterruptedError =>
    new ClassificationInterruptedError({
      finished: results.filter((result) => result !== undefined),
      total: comments.length,
      cause,
    })
  if (isAborted(signal)) throw interrupted(signal?.reason)

  const groups = new Map<string, Group>()
  comments.forEach((comment, index) => {
    const rendered = renderComment(comment, settings.maxCommentChars)
    const group = groups.get(rendered.bodyHash)
    if (group === undefined) groups.set(rendered.bodyHash, { rendered, indexes: [index], tries: 0 })
    else group.indexes.push(index)
  })
  const progress = (): void => run.onProgress?.({ total: comments.length, ...counts })

  const settle = (group: Group, make: (comment: ReviewComment) => ClassifiedComment): void => {
    for (const index of group.indexes) {
      const result = make(comments[index]!)
      results[index] = result
      counts.done += 1
      if (result.status === 'failed') counts.failed += 1
    }
  }
  const classified =
    (categories: StoredClassificationEntry['categories'], confidence: number) => (comment: ReviewComment) =>
      ({ status: 'classified', comment, categories, confidence, classifier: modelName }) as const
  const failed = (error: string) => (comment: ReviewComment) =>
    ({ status: 'failed', comment, classifier: modelName, error }) as const

  let pending = [...groups.values()]
  if (store !== undefined && pending.length > 0) {
    const stored = await store.getClassifications({
      model: modelName,
      promptHash: prompts.hash,
      bodyHashes: pending.map((group) => group.rendered.bodyHash),
    })
    pending = pending.filter((group) => {
      const hit = stored.get(group.rendered.bodyHash)
      if (hit === undefined) return true
      settle(group, classified(hit.categories, hit.confidence))
      counts.cached += group.indexes.length
      return false
    })
    progress()
  }

  let fatal: string | undefined
  const pool = createTaskPool(settings.concurrency)
  const ask = async (batch: readonly Group[]): Promise<void> => {
    if (isAborted(signal)) return
    if (fatal !== undefined) {
      for (const group of batch) settle(group, failed(fatal))
      progress()
      return
    }
    const ids = batch.map((_, index) => String(index + 1))
    counts.requests += 1
    for (const group of batch) group.tries += 1
    const outcome = await callModel({
      model: run.model,
      modelName,
      system: prompts.system,
      prompt: renderUserPrompt(
        prompts,
        batch.map((group, index) => ({ id: ids[index]!, rendered: group.rendered })),
      ),
      maxRetries: settings.maxRetries,
      timeoutMs: settings.timeoutMs,
      temperature: run.temperature,
      maxOutputTokens: run.maxOutputTokens,
      signal,
      meter: run.meter,
    })
    if (outcome.kind === 'interrupted') return

    const reasons = new Map<Group, string>()
    const entries: StoredClassificationEntry[] = []
    if (outcome.kind === 'failure') {
      if (outcome.fatal) fatal ??= outcome.reason
      for (const group of batch) reasons.set(group, outcome.reason)
    } else if (outcome.text.trim() === '') {
      for (const group of batch) reasons.set(group, 'the model gave an empty answer')
    } else {
      const parsed = parseClassifications(outcome.text, ids)
      batch.forEach((group, index) => {
        const id = ids[index]!
        const answer = parsed.answers.get(id)
        if (answer !== undefined) {
          settle(group, classified(answer.categories, answer.confidence))
          entries.push({ model: modelName, promptHash: prompts.hash, bodyHash: group.rendered.bodyHash, ...answer })
          return
        }
        const problem = parsed.problems.get(id) ?? 'no answer for this comment'
        const cut = outcome.finishReason === 'length' ? ' (the answer was cut off at the output token limit)' : ''
        reasons.set(group, `${problem}${cut}`)
      })
    }
    if (store !== undefined && entries.length > 0) await store.putClassifications(entries)

    for (const [group, reason] of reasons) {
      if (fatal === undefined && group.tries <= settings.singleRetries) {
        pool.add(() => ask([group]))
      } else {
        const requests = group.tries === 1 ? '1 request' : `${group.tries} requests`
        settle(group, failed(fatal ?? `no valid answer after ${requests}: ${reason}`))
      }
    }
    progress()
  }

  for (let start = 0; start < pending.length; start += settings.batchSize) {
    const batch = pending.slice(start, start + settings.batchSize)
    pool.add(() => ask(batch))
  }
  await pool.idle()
  if (isAborted(signal)) throw interrupted(signal?.reason)

  const finished = results.map((result, index) => result ?? failed('not classified')(comments[index]!))
  return {
    comments: finished,
    stats: {
      total: comments.length,
      classified: finished.filter((result) => result.status === 'classified').length,
      cached: counts.cached,
      failed: counts.failed,
      requests: counts.requests,
    },
  }
}
