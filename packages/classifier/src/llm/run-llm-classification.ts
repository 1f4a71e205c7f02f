import type { ClassifiedComment, ReviewComment } from '@gitlore/core'
import type { CircuitBreaker, UsageMeter } from '@gitlore/llm'
import type { LanguageModel } from 'ai'
import type { ClassificationStore, StoredClassificationEntry } from '../classification-store.js'
import type { ClassificationFallback, ClassificationResult, Classifier, ClassifyOptions } from '../classifier.js'
import { ClassificationInterruptedError } from '../errors/classification-interrupted-error.js'
import { callModel } from './call-model.js'
import type { ClassifierPrompts } from './classifier-prompts.js'
import type { LlmClassifierSettings } from './llm-classifier.js'
import { parseClassifications } from './parse-classifications.js'
import { type RenderedComment, renderComment, renderUserPrompt } from './render-comments.js'
import { createTaskPool } from './task-pool.js'

/** Resolves after `ms`, or at once when `signal` aborts (the caller then finds it aborted). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted === true) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

// A function, not a property check, so TypeScript does not keep the value it narrowed before an await.
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true

const answerShape = /<(classifications|c|comment|classification|item)\b/i

/** Everything one run needs. */
export interface LlmClassificationRun extends ClassifyOptions {
  readonly model: Exclude<LanguageModel, string>
  readonly modelName: string
  readonly prompts: ClassifierPrompts
  readonly settings: LlmClassifierSettings
  readonly store?: ClassificationStore
  readonly meter?: UsageMeter
  readonly breaker?: CircuitBreaker
  readonly fallback: Classifier | null
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
    const cutOff = run.breaker?.cutOff(run.model.modelId)
    if (cutOff != null) fatal ??= `${modelName} cut off for this run: ${cutOff.reason}`
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
      run.breaker?.recordMalformed('the model gave an empty answer')
      for (const group of batch) reasons.set(group, 'the model gave an empty answer')
    } else {
      const parsed = parseClassifications(outcome.text, ids)
      // An answer in the expected form is the model working, even when it skipped a comment; prose is not.
      if (parsed.answers.size > 0 || answerShape.test(outcome.text)) run.breaker?.recordAnswer()
      else run.breaker?.recordMalformed('the answer held no classifications')
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

    // No answer at all (the provider's own retries spent): the same batch once more, after a pause in
    // which the failures of requests sent alongside reach the circuit breaker; a batch answered in
    // part: each comment it missed on its own.
    const unanswered = outcome.kind === 'failure'
    if (unanswered && fatal === undefined && batch.every((group) => group.tries <= settings.singleRetries)) {
      pool.add(async () => {
        await pause(settings.retryPauseMs, signal)
        await ask(batch)
      })
      progress()
      return
    }
    for (const [group, reason] of reasons) {
      if (!unanswered && fatal === undefined && group.tries <= settings.singleRetries) {
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

  let finished = results.map((result, index) => result ?? failed('not classified')(comments[index]!))
  let fallback: ClassificationFallback | undefined
  if (fatal !== undefined && run.fallback !== null) {
    const handed = await fallBack(finished, run.fallback, signal)
    finished = handed.comments
    fallback = { classifier: run.fallback.id, comments: handed.count, reason: fatal }
  }
  const failedCount = finished.filter((result) => result.status === 'failed').length
  return {
    comments: finished,
    stats: {
      total: comments.length,
      classified: finished.length - failedCount,
      cached: counts.cached,
      failed: failedCount,
      requests: counts.requests,
      ...(fallback === undefined ? {} : { fallback }),
    },
  }
}

/** Gives every comment the model did not classify to `fallback`; what the model classified stays. */
async function fallBack(
  finished: readonly ClassifiedComment[],
  fallback: Classifier,
  signal: AbortSignal | undefined,
): Promise<{ comments: ClassifiedComment[]; count: number }> {
  const indexes = finished.flatMap((result, index) => (result.status === 'failed' ? [index] : []))
  if (indexes.length === 0) return { comments: [...finished], count: 0 }
  const { comments } = await fallback.classify(
    indexes.map((index) => finished[index]!.comment),
    signal === undefined ? {} : { signal },
  )
  const merged = [...finished]
  indexes.forEach((index, position) => {
    merged[index] = comments[position]!
  })
  return { comments: merged, count: indexes.length }
}
