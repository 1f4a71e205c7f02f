import type {
  CommentQuery,
  KnowledgeCommentRow,
  KnowledgeRow,
  KnowledgeRows,
  KnowledgeStore,
  KnowledgeWriteSummary,
} from '../knowledge-store.js'

/** An in-memory `KnowledgeStore` with the same write and query rules as the cache's. */
export function createMemoryKnowledgeStore(): KnowledgeStore {
  let rows = new Map<string, KnowledgeRow>()
  let comments = new Map<string, KnowledgeCommentRow>()
  return {
    async putKnowledgeRows(next: KnowledgeRows): Promise<KnowledgeWriteSummary> {
      const nextRows = new Map(next.rows.map((row) => [`${row.kind}\n${row.key}`, row]))
      const nextComments = new Map(next.comments.map((row) => [row.id, row]))
      let written = 0
      let unchanged = 0
      for (const [key, row] of nextRows) rows.get(key)?.hash === row.hash ? unchanged++ : written++
      for (const [id, row] of nextComments) comments.get(id)?.hash === row.hash ? unchanged++ : written++
      const deleted =
        [...rows.keys()].filter((key) => !nextRows.has(key)).length +
        [...comments.keys()].filter((id) => !nextComments.has(id)).length
      rows = nextRows
      comments = nextComments
      return { written, unchanged, deleted }
    },
    async getKnowledgeRows(kind, keys) {
      if (keys === undefined) return [...rows.values()].filter((row) => row.kind === kind).map((row) => row.data)
      return keys.flatMap((key) => rows.get(`${kind}\n${key}`)?.data ?? [])
    },
    async getKnowledgeComments(ids) {
      return ids.flatMap((id) => comments.get(id)?.data ?? [])
    },
    async searchKnowledgeComments(query: CommentQuery) {
      const author = query.author?.toLowerCase()
      return [...comments.values()]
        .filter(
          (row) =>
            query.terms.every((term) => row.text.includes(term)) &&
            (query.path === undefined ||
              (query.path.endsWith('/') ? row.path.startsWith(query.path) : row.path === query.path)) &&
            (query.category === undefined || row.categories.includes(`,${query.category},`)) &&
            (author === undefined || row.author.toLowerCase() === author),
        )
        .sort((x, y) => (x.createdAt < y.createdAt ? 1 : x.createdAt > y.createdAt ? -1 : x.id < y.id ? -1 : 1))
        .slice(0, query.limit)
        .map((row) => row.data)
    },
  }
}
