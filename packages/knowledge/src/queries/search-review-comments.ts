import { commentCategories } from '@gitlore/core'
import { KnowledgeInputError } from '../knowledge-errors.js'
import type { CommentKnowledge, KnowledgeMeta } from '../knowledge-model.js'
import type { KnowledgeReader } from '../knowledge-reader.js'
import { choiceOf } from './choice-of.js'
import { type IndexStatus, indexStatus } from './index-status.js'
import { itemLimit } from './item-limit.js'
import { queryPath } from './query-path.js'
import { createRelayGuard } from './relay-guard.js'
import { taskTerms } from './task-terms.js'

export interface ReviewCommentSearch {
  /** Words the comments must all contain; empty: any comment matching the filters. */
  readonly query?: string
  /** A file, or a directory ending in `/`. */
  readonly path?: string
  readonly category?: string
  /** GitHub login. */
  readonly author?: string
  /** Default 10, at most 50. */
  readonly limit?: number
}

export interface ReviewCommentResults {
  readonly comments: readonly CommentKnowledge[]
  /** Comments left out because their text (author, path, quote) addresses AI assistants. */
  readonly withheld: number
  readonly index: IndexStatus
}

/** Review comments matching every word and filter, newest first. */
export async function searchReviewComments(
  store: KnowledgeReader,
  meta: KnowledgeMeta,
  search: ReviewCommentSearch,
  currentHead: string | null,
): Promise<ReviewCommentResults> {
  const category =
    search.category === undefined || search.category === ''
      ? undefined
      : choiceOf(search.category, commentCategories, 'category')
  const author = search.author?.trim()
  if (author !== undefined && !/^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\[bot\])?$/.test(author)) {
    throw new KnowledgeInputError('author must be a GitHub login')
  }
  const comments = await store.searchComments({
    terms: taskTerms(search.query ?? ''),
    ...(search.path === undefined || search.path === '' ? {} : { path: queryPath(search.path, meta.repository.path) }),
    ...(category === undefined ? {} : { category }),
    ...(author === undefined || author === '' ? {} : { author }),
    limit: itemLimit(search.limit, 10, 50),
  })
  const guard = createRelayGuard()
  return { comments: guard.comments(comments), withheld: guard.withheld, index: indexStatus(meta, currentHead) }
}
