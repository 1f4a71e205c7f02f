import { KnowledgeIndexMissingError } from './knowledge-errors.js'
import type { KnowledgeMeta } from './knowledge-model.js'
import { type KnowledgeReader, knowledgeReader } from './knowledge-reader.js'
import type { KnowledgeStore } from './knowledge-store.js'
import { type IndexStatus, indexStatus } from './queries/index-status.js'
import { type FindingList, listFindings } from './queries/list-findings.js'
import { type PlanningBrief, type PlanningBriefInput, planningBrief } from './queries/planning-brief.js'
import { type RelatedFiles, relatedFiles } from './queries/related-files.js'
import { type RepoGuidance, repoGuidance } from './queries/repo-guidance.js'
import {
  type ReviewCommentResults,
  type ReviewCommentSearch,
  searchReviewComments,
} from './queries/search-review-comments.js'

export interface KnowledgeBaseOptions {
  /** Where the index is. */
  readonly store: KnowledgeStore
  /** The repository's top-level directory now, for absolute paths and messages; default: the index's. */
  readonly root?: string
  /** Reads HEAD now, so answers can say when the index is stale; default: staleness unknown. */
  readonly currentHead?: () => Promise<string | null>
}

/** The questions the index answers. Every answer reads the index only: no git walk, no network, no model. */
export interface KnowledgeBase {
  /** What the index was built from, and whether HEAD moved since. */
  status(): Promise<
    IndexStatus & { readonly counts: KnowledgeMeta['counts']; readonly repository: KnowledgeMeta['repository'] }
  >
  /** What to know before touching these files. */
  planningBrief(input: PlanningBriefInput): Promise<PlanningBrief>
  /** Files that change with a file, or share its review themes. */
  relatedFiles(input: { readonly path: string; readonly limit?: number }): Promise<RelatedFiles>
  /** Repository-wide guidance, optionally on a topic. */
  repoGuidance(input?: { readonly topic?: string; readonly limit?: number }): Promise<RepoGuidance>
  searchReviewComments(input: ReviewCommentSearch): Promise<ReviewCommentResults>
  listFindings(input?: {
    readonly category?: string
    readonly severity?: string
    readonly limit?: number
  }): Promise<FindingList>
}

/** Queries over a stored knowledge index. */
export function createKnowledgeBase(options: KnowledgeBaseOptions): KnowledgeBase {
  const store = knowledgeReader(options.store)
  const read = async (): Promise<{ meta: KnowledgeMeta; head: string | null }> => {
    const [stored, head] = await Promise.all([store.meta(), options.currentHead?.() ?? null])
    if (stored === null) {
      throw new KnowledgeIndexMissingError(options.root ?? 'this repository', { outdated: await store.outdated() })
    }
    const meta =
      options.root === undefined ? stored : { ...stored, repository: { ...stored.repository, path: options.root } }
    return { meta, head }
  }
  /** A query answered over the index's metadata and HEAD, both read afresh for every answer. */
  const answer =
    <Input, Output>(
      query: (store: KnowledgeReader, meta: KnowledgeMeta, input: Input, head: string | null) => Promise<Output>,
    ) =>
    async (input: Input): Promise<Output> => {
      const { meta, head } = await read()
      return query(store, meta, input, head)
    }
  const guidance = answer(repoGuidance)
  const findings = answer(listFindings)
  return {
    async status() {
      const { meta, head } = await read()
      return { ...indexStatus(meta, head), counts: meta.counts, repository: meta.repository }
    },
    planningBrief: answer(planningBrief),
    relatedFiles: answer(relatedFiles),
    repoGuidance: (input = {}) => guidance(input),
    searchReviewComments: answer(searchReviewComments),
    listFindings: (input = {}) => findings(input),
  }
}
