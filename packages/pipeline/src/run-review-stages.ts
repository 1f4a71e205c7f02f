import type { GitloreCache } from '@gitlore/cache'
import type { ClassificationStats } from '@gitlore/classifier'
import type { ClassifiedComment, GitloreConfig, ReviewCluster, ReviewComment, StageStatus } from '@gitlore/core'
import { describeShare, itemStatus } from '@gitlore/core'
import type { RunModels } from './open-model-registry.js'
import type { PipelineEventListener } from './pipeline-event.js'

/** Failed comments listed as notes; all of them go into the run record. */
const shownFailures = 10

export interface ReviewThemes {
  readonly classified: readonly ClassifiedComment[]
  readonly clusters: readonly ReviewCluster[]
  readonly notableCommentIds: readonly string[]
  readonly stages: readonly StageStatus[]
  /** Models that did the work, by stage (`offline` when none). */
  readonly models: Readonly<Record<string, string>>
}

/** What `runReviewStages` works on and with. */
export interface RunReviewStagesOptions {
  /** The review comments of the window. */
  readonly comments: readonly ReviewComment[]
  /** `[models]` names the classifier and embedding models; `concurrency` bounds requests. */
  readonly config: GitloreConfig
  /** The run's models and usage meter; undefined: offline (no network). */
  readonly models: RunModels | undefined
  /** Classifier answers, embeddings and theme labels are cached here. */
  readonly cache: GitloreCache | undefined
  /** Where progress, notes and warnings go. */
  readonly emit: PipelineEventListener
  /** Stops at the next batch; answers already stored are kept. */
  readonly signal: AbortSignal
}

/**
 * Classifies every review comment, then groups them into recurring themes. Each stage uses its
 * configured model when reachable and the offline implementation otherwise (recorded as degraded
 * unless offline was asked for); comments a model could not classify are counted, never hidden.
 */
export async function runReviewStages(options: RunReviewStagesOptions): Promise<ReviewThemes> {
  const { comments, config, models, cache, emit, signal } = options
  const [{ createClassifier }, { clusterComments, createEmbedder, createModelLabeler }] = await Promise.all([
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
          breaker: classifierModel.breaker,
          concurrency: config.models.concurrency,
          // Each attempt waits up to response_timeout (the registry's guard); a request, its retries included.
          timeoutMs: config.models.response_timeout * 3000,
          ...(cache === undefined ? {} : { store: cache }),
        })
      : createClassifier({ kind: 'offline' })
  used.classifier = classifierModel?.kind === 'remote' ? classifierModel.name : 'offline'
  const classification = await classifier.classify(comments, {
    signal,
    onProgress: ({ done, total }: { done: number; total: number }) =>
      emit({ type: 'progress', stage: 'classification', label: 'classifying comments', done, total }),
  })
  const { stats } = classification
  emit({
    type: 'stage-done',
    stage: 'classification',
    message:
      stats.fallback === undefined
        ? `classified ${stats.classified} of ${stats.total} comments with ${used.classifier} (${stats.cached} cached, ${stats.requests} requests, ${stats.failed} failed)`
        : `classified ${stats.classified} of ${stats.total} comments: ${stats.total - stats.fallback.comments} with ${used.classifier} (${stats.cached} cached, ${stats.requests} requests), ${stats.fallback.comments} with the ${stats.fallback.classifier} classifier after it was cut off (${stats.failed} failed)`,
  })
  const failures = classification.comments.flatMap((item) => (item.status === 'failed' ? [item] : []))
  for (const failure of failures.slice(0, shownFailures)) {
    emit({
      type: 'note',
      stage: 'classification',
      message: `  not classified: ${failure.comment.url}: ${failure.error}`,
    })
  }
  if (failures.length > shownFailures) {
    emit({
      type: 'note',
      stage: 'classification',
      message: `  ... and ${failures.length - shownFailures} more (the run record lists them all)`,
    })
  }
  const unavailable =
    classifierModel?.kind === 'offline' && classifierModel.reason !== null
      ? classifierModel.reason
      : (stats.fallback?.reason ?? null)
  if (unavailable !== null) {
    const share = stats.fallback === undefined ? '' : ` ${stats.fallback.comments} of ${stats.total} comments`
    emit({
      type: 'note',
      stage: 'classification',
      message: `classifier ${config.models.classifier}: ${unavailable}; classified${share} offline`,
    })
  }
  stages.push(classificationStage(config.models.classifier, stats, unavailable, failures, Date.now() - started))

  started = Date.now()
  const embeddingModel = models?.registry.embeddingModel(config.models.embedding)
  const embedder =
    embeddingModel?.kind === 'remote'
      ? createEmbedder({
          kind: 'model',
          model: embeddingModel.model,
          id: embeddingModel.name,
          breaker: embeddingModel.breaker,
        })
      : createEmbedder({ kind: 'offline' })
  used.embedding = embeddingModel?.kind === 'remote' ? embeddingModel.name : 'offline'
  const clustered = await clusterComments(classification.comments, {
    embedder,
    signal,
    ...(classifierModel?.kind === 'remote' && models !== undefined
      ? {
          labeler: createModelLabeler({
            model: classifierModel.model,
            modelName: classifierModel.name,
            ...(cache === undefined ? {} : { store: cache }),
            meter: models.meter,
            signal,
          }),
        }
      : {}),
    ...(cache === undefined ? {} : { store: cache }),
    onProgress: (event) =>
      emit({
        type: 'progress',
        stage: 'clustering',
        label: event.stage === 'embedding' ? 'embedding comments' : `clustering (${event.phase})`,
        done: event.done,
        total: event.total,
      }),
  })
  emit({
    type: 'stage-done',
    stage: 'clustering',
    message: `found ${clustered.clusters.length} review themes among ${classification.comments.length} comments (${clustered.notable.length} notable outliers, ${clustered.stats.acknowledgements} thanks and approvals left out)`,
  })
  const rejected = Object.values(clustered.stats.labelRejections).reduce((sum, count) => sum + count, 0)
  if (rejected > 0 || clustered.stats.labelFailures > 0) {
    emit({
      type: 'note',
      stage: 'clustering',
      message: `theme labels: ${rejected} model labels failed the checks (${Object.entries(
        clustered.stats.labelRejections,
      )
        .map(([reason, count]) => `${reason} ${count}`)
        .join(', ')}), ${clustered.stats.labelFailures} calls failed; those themes keep their statistical label`,
    })
  }
  const embeddingUnavailable =
    embeddingModel?.kind === 'offline' && embeddingModel.reason !== null
      ? embeddingModel.reason
      : (clustered.stats.fallback?.reason ?? null)
  if (clustered.stats.fallback !== undefined) used.embedding = clustered.stats.fallback.embedder
  stages.push(
    clusteringStage({
      embedding: config.models.embedding,
      embeddingUnavailable,
      labelled: classifierModel?.kind === 'remote' && models !== undefined,
      clusters: clustered.clusters.length,
      labelFailures: clustered.stats.labelFailures,
      labelFailure: clustered.stats.labelFailure,
      durationMs: Date.now() - started,
    }),
  )
  return {
    classified: classification.comments,
    clusters: clustered.clusters,
    notableCommentIds: clustered.notable.map((item) => item.comment.id),
    stages,
    models: used,
  }
}

/** How classification went: fell back (degraded), some comments failed (partial, or degraded when many did), or ok. */
function classificationStage(
  model: string,
  stats: ClassificationStats,
  unavailable: string | null,
  failures: readonly ClassifiedComment[],
  durationMs: number,
): StageStatus {
  const stage = 'classification'
  if (stats.fallback !== undefined) {
    const kept = stats.total - stats.fallback.comments
    return {
      stage,
      status: 'degraded',
      detail: `${model} failed during the run (${unavailable}); the offline classifier took over ${describeShare(stats.fallback.comments, stats.total, 'comments')}, ${kept} kept from the model (${stats.cached} of them from the cache)`,
      durationMs,
    }
  }
  if (unavailable !== null) {
    return {
      stage,
      status: 'degraded',
      detail: `${model} unavailable (${unavailable}); used the offline classifier`,
      durationMs,
    }
  }
  const status = itemStatus(stats.failed, stats.total)
  if (status === 'ok') return { stage, status, durationMs }
  return {
    stage,
    status,
    detail: `${describeShare(stats.failed, stats.total, 'comments')} could not be classified (each is in the run record)`,
    items: { failed: stats.failed, total: stats.total },
    failures: failures.map((failure) => `${failure.comment.url}: ${failure.status === 'failed' ? failure.error : ''}`),
    durationMs,
  }
}

/** How clustering went: the embedder fell back (degraded), theme labels fell back (degraded or partial), or ok. */
function clusteringStage(options: {
  readonly embedding: string
  readonly embeddingUnavailable: string | null
  readonly labelled: boolean
  readonly clusters: number
  readonly labelFailures: number
  readonly labelFailure: string | undefined
  readonly durationMs: number
}): StageStatus {
  const { durationMs } = options
  const stage = 'clustering'
  if (options.embeddingUnavailable !== null) {
    return {
      stage,
      status: 'degraded',
      detail: `${options.embedding} unavailable (${options.embeddingUnavailable}); used the offline embedder`,
      durationMs,
    }
  }
  if (!options.labelled || options.labelFailures === 0) return { stage, status: 'ok', durationMs }
  const cutOff = /cut off for this run/.test(options.labelFailure ?? '')
  const status = cutOff ? 'degraded' : itemStatus(options.labelFailures, options.clusters)
  return {
    stage,
    status: status === 'ok' ? 'partial' : status,
    detail: `${describeShare(options.labelFailures, options.clusters, 'theme labels')} are statistical: the model's label failed (${options.labelFailure ?? 'unknown error'})`,
    items: { failed: options.labelFailures, total: options.clusters },
    durationMs,
  }
}
