import type { Finding } from '@gitlore/core'
import type {
  CommentKnowledge,
  KnowledgeIndex,
  KnowledgeMeta,
  PathKnowledge,
  ThemeKnowledge,
} from './knowledge-model.js'
import { knowledgeFormatVersion } from './knowledge-model.js'
import { knowledgeRows } from './knowledge-rows.js'
import type { CommentQuery, KnowledgeStore, KnowledgeWriteSummary } from './knowledge-store.js'

/** The index's rows, parsed: what the queries read. */
export interface KnowledgeReader {
  /** The index's metadata, or null when none was built (or it is of another format version). */
  meta(): Promise<KnowledgeMeta | null>
  paths(paths: readonly string[]): Promise<readonly PathKnowledge[]>
  /** Those themes, or all. */
  themes(ids?: readonly string[]): Promise<readonly ThemeKnowledge[]>
  comments(ids: readonly string[]): Promise<readonly CommentKnowledge[]>
  searchComments(query: CommentQuery): Promise<readonly CommentKnowledge[]>
  findings(): Promise<readonly Finding[]>
  /** True when an index is stored but in another format than this gitlore reads (`meta` is then null). */
  outdated(): Promise<boolean>
}

const parse = <T>(rows: readonly string[]): T[] => rows.map((data) => JSON.parse(data) as T)

export function knowledgeReader(store: KnowledgeStore): KnowledgeReader {
  return {
    async meta() {
      const [data] = await store.getKnowledgeRows('meta', [''])
      const meta = data === undefined ? null : (JSON.parse(data) as KnowledgeMeta)
      return meta?.formatVersion === knowledgeFormatVersion ? meta : null
    },
    async outdated() {
      const [data] = await store.getKnowledgeRows('meta', [''])
      return data !== undefined && (JSON.parse(data) as KnowledgeMeta).formatVersion !== knowledgeFormatVersion
    },
    paths: async (paths) => (paths.length === 0 ? [] : parse(await store.getKnowledgeRows('path', paths))),
    themes: async (ids) => (ids?.length === 0 ? [] : parse(await store.getKnowledgeRows('theme', ids))),
    comments: async (ids) => (ids.length === 0 ? [] : parse(await store.getKnowledgeComments(ids))),
    searchComments: async (query) => parse(await store.searchKnowledgeComments(query)),
    findings: async () => parse(await store.getKnowledgeRows('finding')),
  }
}

/** Stores an index, replacing the repository's earlier one and rewriting only the rows that changed. */
export function storeKnowledgeIndex(store: KnowledgeStore, index: KnowledgeIndex): Promise<KnowledgeWriteSummary> {
  return store.putKnowledgeRows(knowledgeRows(index))
}
