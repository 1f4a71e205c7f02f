import type { ClassifiedComment, CommentCategory, ReviewCluster, ReviewComment } from '@gitlore/core'
import { isAcknowledgement } from './acknowledgement.js'
import { groupPoints } from './cluster/group-points.js'
import { normalized } from './cluster/vector-math.js'
import { commentText } from './comment-text.js'
import { classTerms } from './describe/class-terms.js'
import { concernLabel } from './describe/concern-label.js'
import { describeCluster } from './describe/describe-cluster.js'
import { type EmbeddedTexts, type EmbeddingProgress, embedTexts } from './embed-texts.js'
import type { Embedder } from './embedder.js'
import type { EmbeddingStore } from './embedding-store.js'
import { EmbeddingError } from './errors/embedding-error.js'
import { checkLabel, type LabelRejection, labelKey } from './label/check-label.js'
import { type ClassifiedOnly, notableComments } from './notable-comments.js'
import { createOfflineEmbedder } from './offline/offline-embedder.js'

/** What a labeler gets to name one cluster. */
export interface ClusterLabelRequest {
  /** The cluster's id (stable for the same members), a good cache key together with the model. */
  readonly id: string
  /** Class-based TF-IDF top terms. */
  readonly topTerms: readonly string[]
  /** The representative comments, medoid first. */
  readonly representatives: readonly ReviewComment[]
  /** Members. */
  readonly size: number
  /** Category histogram of the members. */
  readonly categories: Readonly<Partial<Record<CommentCategory, number>>>
  /** The statistical label, used when the labeler gives none or its label fails the checks. */
  readonly defaultLabel: string
}

/**
 * Names a cluster in a few words (an LLM; `createModelLabeler` builds one). The answer is checked before use
 * (`checkLabel`); `undefined`, a failure or a rejected answer keeps the statistical label.
 */
export type ClusterLabeler = (request: ClusterLabelRequest) => Promise<string | undefined>

/** How far `clusterComments` has got: embedding (with cache hits), then the clustering phases. */
export type ClusteringProgress =
  | ({ readonly stage: 'embedding' } & EmbeddingProgress)
  | {
      readonly stage: 'clustering'
      /** `folding`: the first pass above `exactLimit`; `linkage`: ml-hclust; `labels`: describing clusters. */
      readonly phase: 'folding' | 'linkage' | 'labels'
      readonly total: number
      readonly done: number
    }

/** Options of `clusterComments`. */
export interface ClusterCommentsOptions {
  /** Turns comment texts (body, file path, first reply) into vectors. */
  readonly embedder: Embedder
  /**
   * Embeds every comment instead when `embedder` fails (its provider down, cut off, or answering
   * nonsense): vectors of two embedders cannot be mixed, so all texts go to it, while the batches the
   * failing one finished stay in the store for the next run. Default the offline embedder; `null`
   * lets the `EmbeddingError` through.
   */
  readonly fallbackEmbedder?: Embedder | null
  /** Where vectors are cached by model + dimensions + text hash; without one every comment is embedded. */
  readonly store?: EmbeddingStore
  /** Cosine distance the average-linkage dendrogram is cut at; default: the embedder's `distanceThreshold` (the fallback's, after a fallback). */
  readonly threshold?: number
  /** Smallest group reported as a cluster; members of smaller groups are noise. Default 3. */
  readonly minClusterSize?: number
  /** Most leaves ml-hclust clusters (its agnes is cubic); more comments are folded into micro-clusters first. Default 800. */
  readonly exactLimit?: number
  /** Share of `exactLimit` that is micro-clusters; the other leaves are copies weighing them by size. Default 0.7. */
  readonly microClusterShare?: number
  /** Seed of the first pass; the same input and seed give the same clusters. Default 1. */
  readonly seed?: number
  /** Dense vectors longer than this are randomly projected to this length for the first pass. Default 64. */
  readonly projectedDimensions?: number
  /** Most k-means passes of the first pass. Default 6. */
  readonly iterations?: number
  /** Representative comments per cluster, medoid first. Default 3. */
  readonly representatives?: number
  /** Top terms per cluster. Default 5. */
  readonly topTerms?: number
  /** Lowest classifier confidence of a notable comment. Default 0.8. */
  readonly notableConfidence?: number
  /** Gives each cluster a short label (an LLM), checked before use; default labels are statistical concerns. */
  readonly labeler?: ClusterLabeler
  /** Labeler calls in flight at once. Default 4. */
  readonly labelConcurrency?: number
  /** Stops embedding; batches finished before it stay cached. */
  readonly signal?: AbortSignal
  /** Called as embedding and clustering advance. */
  readonly onProgress?: (progress: ClusteringProgress) => void
}

/** What a run did. */
export interface ClusteringStats {
  /** Comments given. */
  readonly comments: number
  /** Distinct comment texts embedded by this run. */
  readonly embedded: number
  /** Distinct comment texts whose vectors came from the store. */
  readonly cached: number
  /** `exact`: ml-hclust clustered the comments; `scaled`: it clustered micro-clusters of them. */
  readonly path: 'exact' | 'scaled'
  /** Leaves ml-hclust clustered (comments or micro-clusters). */
  readonly leaves: number
  /** The cosine distance threshold used. */
  readonly threshold: number
  /** Comments in clusters. */
  readonly clustered: number
  /** Labeler calls that failed (those clusters kept their default label). */
  readonly labelFailures: number
  /** Why the first labeler call failed, when one did. */
  readonly labelFailure?: string
  /** Labeler answers that failed the checks, by reason (those clusters kept their default label). */
  readonly labelRejections: Readonly<Partial<Record<LabelRejection, number>>>
  /** Praise, thanks and approvals ("LGTM"): left out of the themes, counted here. */
  readonly acknowledgements: number
  /** Set when `embedder` failed and `fallbackEmbedder` embedded the comments instead. */
  readonly fallback?: { readonly embedder: string; readonly reason: string }
}

/** Review themes, the notable comments outside them, and the counts. */
export interface ClusteringResult {
  /** Largest first. */
  readonly clusters: readonly ReviewCluster[]
  /** High-confidence comments in no cluster that are not nitpicks, praise or bare questions, most confident first. */
  readonly notable: readonly ClassifiedOnly[]
  /** Ids of the comments in no cluster (acknowledgements included), in input order. */
  readonly noise: readonly string[]
  readonly stats: ClusteringStats
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`clusterComments: ${name} must be a positive integer, got ${value}`)
  return value
}

/**
 * Groups classified review comments into recurring themes: leaves out praise, thanks and approvals (counted), embeds
 * what each other comment says (its body, not its file: files are a separate signal per theme), L2-normalises,
 * clusters by average linkage on cosine distance with ml-hclust cut at `threshold` (above `exactLimit` comments,
 * a seeded k-means++ first pass folds them into weighted micro-clusters first), drops groups under
 * `minClusterSize` to noise, and describes each cluster. Failed classifications are clustered too; they just add
 * no categories. Deterministic for the same input and options (the labeler aside).
 */
export async function clusterComments(
  all: readonly ClassifiedComment[],
  options: ClusterCommentsOptions,
): Promise<ClusteringResult> {
  const acknowledgements = new Set(all.filter(isAcknowledgement).map((item) => item.comment.id))
  const classified = all.filter((item) => !acknowledgements.has(item.comment.id))
  const checkThreshold = (threshold: number): number => {
    if (!(threshold > 0 && threshold <= 2))
      throw new RangeError(`clusterComments: threshold must be in (0, 2], got ${threshold}`)
    return threshold
  }
  checkThreshold(options.threshold ?? options.embedder.distanceThreshold)
  const minClusterSize = positiveInteger('minClusterSize', options.minClusterSize ?? 3)
  const exactLimit = positiveInteger('exactLimit', options.exactLimit ?? 800)
  const onProgress = options.onProgress

  const texts = classified.map((item) => commentText(item.comment))
  const embed = (embedder: Embedder): Promise<EmbeddedTexts> =>
    embedTexts(texts, {
      embedder,
      ...(options.store === undefined ? {} : { store: options.store }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onProgress: (progress) => onProgress?.({ stage: 'embedding', ...progress }),
    })
  let fallback: ClusteringStats['fallback']
  let embedding: EmbeddedTexts
  let threshold: number
  try {
    embedding = await embed(options.embedder)
    threshold = checkThreshold(options.threshold ?? options.embedder.distanceThreshold)
  } catch (error) {
    const substitute = options.fallbackEmbedder === undefined ? createOfflineEmbedder() : options.fallbackEmbedder
    if (substitute === null || !EmbeddingError.isInstance(error) || error.code === 'embedding_interrupted') throw error
    if (options.signal?.aborted === true) throw error
    fallback = { embedder: substitute.id, reason: error.message }
    embedding = await embed(substitute)
    threshold = checkThreshold(substitute.distanceThreshold)
  }
  const { vectors, embedded, cached } = embedding
  const units = vectors.map((vector) => normalized(vector))
  const { groups, path, leaves } = groupPoints(units, {
    threshold,
    exactLimit,
    microClusterShare: options.microClusterShare ?? 0.7,
    seed: options.seed ?? 1,
    projectedDimensions: positiveInteger('projectedDimensions', options.projectedDimensions ?? 64),
    iterations: positiveInteger('iterations', options.iterations ?? 6),
    onProgress: (phase, done, total) => onProgress?.({ stage: 'clustering', phase, done, total }),
  })

  const kept = groups.filter((group) => group.length >= minClusterSize)
  const inCluster = new Set(kept.flat())
  const noise = classified.filter((_, index) => !inCluster.has(index))
  const clusteredIds = new Set([...inCluster].map((index) => classified[index]!.comment.id))
  const terms = classTerms(
    [
      ...kept.map((group) => group.map((index) => classified[index]!.comment.body)),
      noise.map((item) => item.comment.body),
    ],
    positiveInteger('topTerms', options.topTerms ?? 5),
  )
  const representativeCount = positiveInteger('representatives', options.representatives ?? 3)
  const described = kept.map((group, index) =>
    describeCluster(
      group.map((member) => classified[member]!),
      group.map((member) => units[member]!),
      terms[index]!,
      representativeCount,
    ),
  )
  const byId = new Map(classified.map((item) => [item.comment.id, item.comment]))
  const statistical = distinctLabels(
    described.map((cluster) =>
      concernLabel(
        cluster.topTerms,
        cluster.categories,
        cluster.members.flatMap((id) => {
          const path = byId.get(id)?.path
          return path === undefined ? [] : [path]
        }),
      ),
    ),
    described.map((cluster) => cluster.topTerms),
  )

  let labelFailures = 0
  let labelFailure: string | undefined
  const proposed: (string | undefined)[] = described.map(() => undefined)
  const labeler = options.labeler
  if (labeler !== undefined && described.length > 0) {
    let next = 0
    let done = 0
    onProgress?.({ stage: 'clustering', phase: 'labels', done, total: described.length })
    const worker = async (): Promise<void> => {
      while (next < described.length) {
        const index = next++
        const cluster = described[index]!
        try {
          proposed[index] = await labeler({
            id: cluster.id,
            topTerms: cluster.topTerms,
            representatives: cluster.representatives.map((id) => byId.get(id)!),
            size: cluster.size,
            categories: cluster.categories,
            defaultLabel: statistical[index]!,
          })
        } catch (error) {
          labelFailures++
          labelFailure ??= error instanceof Error ? error.message : String(error)
        }
        onProgress?.({ stage: 'clustering', phase: 'labels', done: ++done, total: described.length })
      }
    }
    const concurrency = positiveInteger('labelConcurrency', options.labelConcurrency ?? 4)
    await Promise.all(Array.from({ length: Math.min(concurrency, described.length) }, worker))
  }

  // Checked largest theme first, so a label two themes share stays with the larger one.
  const labels = [...statistical]
  const labelRejections: Partial<Record<LabelRejection, number>> = {}
  const taken = new Set<string>()
  for (const [index, cluster] of described.entries()) {
    if (labeler !== undefined && proposed[index] !== undefined) {
      const checked = checkLabel(proposed[index], {
        topTerms: cluster.topTerms,
        samples: cluster.representatives.map((id) => byId.get(id)?.body ?? ''),
        taken,
      })
      if ('label' in checked) labels[index] = checked.label
      else labelRejections[checked.rejected] = (labelRejections[checked.rejected] ?? 0) + 1
    }
    taken.add(labelKey(labels[index]!))
  }

  return {
    clusters: described.map((cluster, index) => ({ ...cluster, label: labels[index]! })),
    notable: notableComments(noise, options.notableConfidence ?? 0.8),
    noise: all.filter((item) => !clusteredIds.has(item.comment.id)).map((item) => item.comment.id),
    stats: {
      comments: all.length,
      embedded,
      cached,
      path,
      leaves,
      threshold,
      clustered: inCluster.size,
      labelFailures,
      labelRejections,
      acknowledgements: acknowledgements.size,
      ...(labelFailure === undefined ? {} : { labelFailure }),
      ...(fallback === undefined ? {} : { fallback }),
    },
  }
}

/** Statistical labels made distinct: a label another theme already has gets the theme's next top term. */
function distinctLabels(labels: readonly string[], topTerms: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, number>()
  return labels.map((label, index) => {
    const key = labelKey(label)
    const count = seen.get(key) ?? 0
    seen.set(key, count + 1)
    if (count === 0) return label
    const extra = topTerms[index]?.[2 + count - 1] ?? `#${count + 1}`
    return `${label} (${extra})`
  })
}
