import type { CommentCategory } from '@gitlore/core'

/** Which rows a store keeps: the index's metadata, its files and directories, themes and findings. */
export type KnowledgeRowKind = 'meta' | 'path' | 'theme' | 'finding'

/** One stored row: JSON under a key, with the hash that tells a refresh whether it changed. */
export interface KnowledgeRow {
  readonly kind: KnowledgeRowKind
  readonly key: string
  /** JSON. */
  readonly data: string
  readonly hash: string
}

/** A review comment's row, with the columns searches filter on. */
export interface KnowledgeCommentRow {
  readonly id: string
  /** The comment's path, or `''` for conversation comments. */
  readonly path: string
  readonly author: string
  readonly createdAt: string
  /** Categories between commas (`,bug,style,`), so one is found with `like '%,bug,%'`. */
  readonly categories: string
  /** The quote, lower-cased, that searches match words against; `''` when it has none. */
  readonly text: string
  /** JSON. */
  readonly data: string
  readonly hash: string
}

/** A whole index as rows. */
export interface KnowledgeRows {
  readonly rows: readonly KnowledgeRow[]
  readonly comments: readonly KnowledgeCommentRow[]
}

/** A search over the stored comment rows. */
export interface CommentQuery {
  /** Lower-cased words that must all occur in `text`; none: any comment. */
  readonly terms: readonly string[]
  /** A file, or a directory ending in `/` (every comment on a file under it). */
  readonly path?: string
  readonly category?: CommentCategory
  /** GitHub login, matched without regard to case. */
  readonly author?: string
  /** Most rows to return, newest `createdAt` first (then id). */
  readonly limit: number
}

/** What a refresh changed. */
export interface KnowledgeWriteSummary {
  /** Rows written because they were new or changed. */
  readonly written: number
  /** Rows already stored as they are. */
  readonly unchanged: number
  /** Rows of the earlier index that are gone. */
  readonly deleted: number
}

/**
 * Where an index lives, one per repository, as opaque JSON rows: `@gitlore/cache` implements it on
 * SQLite and PostgreSQL, `@gitlore/knowledge/test` in memory. Reads never touch git, the network or a
 * model.
 */
export interface KnowledgeStore {
  /** Replaces the repository's index in one transaction, writing only rows whose hash changed and deleting the rest. */
  putKnowledgeRows(rows: KnowledgeRows): Promise<KnowledgeWriteSummary>
  /** The `data` of the stored rows of a kind: those keys (in no particular order), or all of them. */
  getKnowledgeRows(kind: KnowledgeRowKind, keys?: readonly string[]): Promise<readonly string[]>
  /** The `data` of those comments. */
  getKnowledgeComments(ids: readonly string[]): Promise<readonly string[]>
  /** The `data` of the comments matching the query. */
  searchKnowledgeComments(query: CommentQuery): Promise<readonly string[]>
}
