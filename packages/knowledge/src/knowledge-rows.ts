import { sha256, stableStringify } from '@gitlore/core'
import type { CommentKnowledge, KnowledgeIndex } from './knowledge-model.js'
import type { KnowledgeCommentRow, KnowledgeRow, KnowledgeRows } from './knowledge-store.js'

function row(kind: KnowledgeRow['kind'], key: string, value: unknown): KnowledgeRow {
  const data = stableStringify(value)
  return { kind, key, data, hash: sha256(data) }
}

/** The rows a store keeps for an index. */
export function knowledgeRows(index: KnowledgeIndex): KnowledgeRows {
  return {
    rows: [
      row('meta', '', index.meta),
      ...index.paths.map((entry) => row('path', entry.path, entry)),
      ...index.themes.map((theme) => row('theme', theme.id, theme)),
      ...index.findings.map((finding) => row('finding', finding.id, finding)),
    ],
    comments: index.comments.map(commentRow),
  }
}

function commentRow(comment: CommentKnowledge): KnowledgeCommentRow {
  const data = stableStringify(comment)
  return {
    id: comment.id,
    path: comment.path ?? '',
    author: comment.author,
    createdAt: comment.createdAt,
    categories: `,${comment.categories.join(',')},`,
    text: (comment.quote ?? '').toLowerCase(),
    data,
    hash: sha256(data),
  }
}
