import type { GitloreCache } from '@gitlore/cache'
import type { ClassifiedComment, GitloreConfig, ReviewCluster, ReviewComment, StageStatus } from '@gitlore/core'
import type { Progress } from '../progress.js'
import { createClusterLabeler } from './cluster-labeler.js'
import type { openModelRegistry } from './model-registry.js'

type Models = Awaited<ReturnType<typeof openModelRegistry>>

/** Failed comments listed on the terminal; all of them go into the run record. */
const shownFailures = 10

export interface ReviewThemes {
  readonly classified: readonly ClassifiedComment[]
  readonly clusters: readonly ReviewCluster[]
  readonly notableCommentIds: readonly string[]
  readonly stages: readonly StageStatus[]
  /** Models that did the work, by stage (`offline` when none). */
  readonly models: Readonly<Record<string, string>>
}

/**
 * Classifies every review comment, then groups them into recurring themes. Each stage uses its
 * configured model when reachable and the offline implementation otherwise (recorded as degraded
 * unless offline was asked for); comments a model could not classify are counted, never hidden.
 */
export async function runReviewStages(options: {
  readonly comments: readonly ReviewComment[]
  readonly config: GitloreConfig
  readonly models: Models | undefined
  readonly cache: GitloreCache | undefined
  readonly progress: Progress
  readonly signal: AbortSignal
}): Promise<ReviewThemes> {
  const { comments, config, models, cache, progress, signal } = options
  const [{ createClassifier }, { clusterComments, createEmbedder }] = await Promise.all([
    import('@gitlore/classifier'),
    import('@gitlore/clustering'),
  ])
  const stages: StageStatus[] = []
  const used: Record<string, string> = {}

  let started = Date.now()
  const classifierModel = models?.registry.languageModel(config.models.classifier)
  const classifier =
    classifierModel?.kind === 'remote'
      ? createClassifier({
          kind: 'llm',
          model: classifierModel.model,
          modelName: classifierModel.name,
          ...(models === undefined ? {} : { meter: models.meter }),
          concurrency: config.models.concurrency,
          ...(cache === undefined ? {} : { store: cache }),
        })
      : createClassifier({ kind: 'offline' })
  used.classifier = classifierModel?.kind === 'remote' ? classifierModel.name : 'offline'
  const classification = await classifier.classify(comments, {
    signal,
    onProgress: ({ done, total }: { done: number; total: number }) =>
      progress.update('classifying comments', done, total),
  })
  const { stats } = classification
  progress.done(
    `classified ${stats.classified} of ${stats.total} comments with ${used.classifier} (${stats.cached} cached, ${stats.requests} requests, ${stats.failed} failed)`,
  )
  const failures = classification.comments.flatMap((item) => (item.status === 'failed' ? [item] : []))
  for (const failure of failures.slice(0, shownFailures)) {
    progress.note(`  not classified: ${failure.comment.url}: ${failure.error}`)
  }
  if (failures.length > shownFailures) {
    progress.note(`  ... and ${failures.length - shownFailures} more (the run record lists them all)`)
  }
  const unavailable =
    classifierModel?.kind === 'offline' && classifierModel.reason !== null ? classifierModel.reason : null
  if (unavailable !== null) progress.note(`classifier ${config.models.classifier}: ${unavailable}; classified offline`)
  stages.push(
    stats.failed > 0 || unavailable !== null
      ? {
          stage: 'classification',
          status: 'degraded',
          detail:
            unavailable !== null
              ? `${config.models.classifier} unavailable (${unavailable}); used the offline classifier`
              : `${stats.failed} of ${stats.total} comments could not be classified: ${failures
                  .map((failure) => `${failure.comment.url} (${failure.error})`)
                  .join('; ')}`,
          durationMs: Date.now() - started,
        }
      : { stage: 'classification', status: 'ok', durationMs: Date.now() - started },
  )

  started = Date.now()
  const embeddingModel = models?.registry.embeddingModel(config.models.embedding)
  const embedder =
    embeddingModel?.kind === 'remote'
      ? createEmbedder({ kind: 'model', model: embeddingModel.model, id: embeddingModel.name })
      : createEmbedder({ kind: 'offline' })
  used.embedding = embeddingModel?.kind === 'remote' ? embeddingModel.name : 'offline'
  const clustered = await clusterComments(classification.comments, {
    embedder,
    signal,
    ...(classifierModel?.kind === 'remote' && models !== undefined
      ? {
          labeler: createClusterLabeler({
            model: classifierModel.model,
            modelName: classifierModel.name,
            cache,
            meter: models.meter,
            signal,
          }),
        }
      : {}),
    ...(cache === undefined ? {} : { store: cache }),
    onProgress: (event) =>
      progress.update(
        event.stage === 'embedding' ? 'embedding comments' : `clustering (${event.phase})`,
        event.done,
        event.total,
      ),
  })
  progress.done(
    `found ${clustered.clusters.length} review themes among ${classification.comments.length} comments (${clustered.notable.length} notable outliers)`,
  )
  const embeddingUnavailable =
    embeddingModel?.kind === 'offline' && embeddingModel.reason !== null ? embeddingModel.reason : null
  stages.push(
    embeddingUnavailable === null
      ? { stage: 'clustering', status: 'ok', durationMs: Date.now() - started }
      : {
          stage: 'clustering',
          status: 'degraded',
          detail: `${config.models.embedding} unavailable (${embeddingUnavailable}); used the offline embedder`,
          durationMs: Date.now() - started,
        },
  )
  return {
    classified: classification.comments,
    clusters: clustered.clusters,
    notableCommentIds: clustered.notable.map((item) => item.comment.id),
    stages,
    models: used,
  }
}
