import { sql } from 'kysely'
import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'

/** A row of a knowledge index (`KnowledgeRow` of @gitlore/knowledge). */
export interface KnowledgeIndexRow {
  readonly kind: 'meta' | 'path' | 'theme' | 'finding'
  readonly key: string
  readonly data: string
  readonly hash: string
}

/** A review comment of a knowledge index (`KnowledgeCommentRow` of @gitlore/knowledge). */
export interface KnowledgeCommentIndexRow {
  readonly id: string
  readonly path: string
  readonly author: string
  readonly createdAt: string
  readonly categories: string
  readonly text: string
  readonly data: string
  readonly hash: string
}

/** A search over a repository's indexed comments (`CommentQuery` of @gitlore/knowledge). */
export interface KnowledgeCommentSearch {
  readonly terms: readonly string[]
  readonly path?: string
  readonly category?: string
  readonly author?: string
  readonly limit: number
}

/** Rows per statement: well under SQLite's and PostgreSQL's limits on bound values. */
const batch = 400

/**
 * Replaces the repository's index in one transaction: rows whose hash is unchanged stay as they are,
 * changed and new rows are written, rows the new index lacks are deleted. Other repositories' rows
 * are untouched.
 */
export async function putKnowledgeRows(
  { writer, repository }: CacheContext,
  next: { readonly rows: readonly KnowledgeIndexRow[]; readonly comments: readonly KnowledgeCommentIndexRow[] },
): Promise<{ written: number; unchanged: number; deleted: number }> {
  return writer.transaction(async (transaction) => {
    const stored = new Map(
      (
        await transaction
          .selectFrom('knowledge')
          .select(['kind', 'key', 'hash'])
          .where('repository', '=', repository)
          .execute()
      ).map((row) => [`${row.kind}\n${row.key}`, row.hash]),
    )
    const storedComments = new Map(
      (
        await transaction
          .selectFrom('knowledge_comments')
          .select(['id', 'hash'])
          .where('repository', '=', repository)
          .execute()
      ).map((row) => [row.id, row.hash]),
    )
    const changed = next.rows.filter((row) => stored.get(`${row.kind}\n${row.key}`) !== row.hash)
    const changedComments = next.comments.filter((row) => storedComments.get(row.id) !== row.hash)
    const kept = new Set(next.rows.map((row) => `${row.kind}\n${row.key}`))
    const keptComments = new Set(next.comments.map((row) => row.id))
    const gone = [...stored.keys()].filter((key) => !kept.has(key))
    const goneComments = [...storedComments.keys()].filter((id) => !keptComments.has(id))

    for (const slice of chunks(gone, batch)) {
      for (const kind of new Set(slice.map((key) => key.slice(0, key.indexOf('\n'))))) {
        const keys = slice.filter((key) => key.startsWith(`${kind}\n`)).map((key) => key.slice(kind.length + 1))
        await transaction
          .deleteFrom('knowledge')
          .where('repository', '=', repository)
          .where('kind', '=', kind)
          .where('key', 'in', keys)
          .execute()
      }
    }
    for (const slice of chunks(goneComments, batch)) {
      await transaction
        .deleteFrom('knowledge_comments')
        .where('repository', '=', repository)
        .where('id', 'in', slice)
        .execute()
    }
    for (const slice of chunks(changed, batch)) {
      await transaction
        .insertInto('knowledge')
        .values(slice.map((row) => ({ repository, kind: row.kind, key: row.key, hash: row.hash, data: row.data })))
        .onConflict((conflict) =>
          conflict.columns(['repository', 'kind', 'key']).doUpdateSet((update) => ({
            hash: update.ref('excluded.hash'),
            data: update.ref('excluded.data'),
          })),
        )
        .execute()
    }
    for (const slice of chunks(changedComments, batch)) {
      await transaction
        .insertInto('knowledge_comments')
        .values(
          slice.map((row) => ({
            repository,
            id: row.id,
            path: row.path,
            author: row.author,
            created_at: row.createdAt,
            categories: row.categories,
            text: row.text,
            hash: row.hash,
            data: row.data,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['repository', 'id']).doUpdateSet((update) => ({
            path: update.ref('excluded.path'),
            author: update.ref('excluded.author'),
            created_at: update.ref('excluded.created_at'),
            categories: update.ref('excluded.categories'),
            text: update.ref('excluded.text'),
            hash: update.ref('excluded.hash'),
            data: update.ref('excluded.data'),
          })),
        )
        .execute()
    }
    const written = changed.length + changedComments.length
    return {
      written,
      unchanged: next.rows.length + next.comments.length - written,
      deleted: gone.length + goneComments.length,
    }
  })
}

/** The data of the repository's rows of a kind: those keys, or all. */
export async function getKnowledgeRows(
  { db, repository }: CacheContext,
  kind: string,
  keys?: readonly string[],
): Promise<string[]> {
  const query = db.selectFrom('knowledge').select('data').where('repository', '=', repository).where('kind', '=', kind)
  if (keys === undefined) return (await query.orderBy('key').execute()).map((row) => row.data)
  const found: string[] = []
  for (const slice of chunks([...new Set(keys)], batch)) {
    for (const row of await query.where('key', 'in', slice).execute()) found.push(row.data)
  }
  return found
}

/** The data of those comments of the repository's index. */
export async function getKnowledgeComments(
  { db, repository }: CacheContext,
  ids: readonly string[],
): Promise<string[]> {
  const found: string[] = []
  for (const slice of chunks([...new Set(ids)], batch)) {
    const rows = await db
      .selectFrom('knowledge_comments')
      .select('data')
      .where('repository', '=', repository)
      .where('id', 'in', slice)
      .execute()
    for (const row of rows) found.push(row.data)
  }
  return found
}

/** `like` pattern text with its wildcards taken literally (escaped with a backslash). */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`)
}

/** Comments of the repository's index holding every term and matching every filter, newest first. */
export async function searchKnowledgeComments(
  { db, repository }: CacheContext,
  search: KnowledgeCommentSearch,
): Promise<string[]> {
  let query = db.selectFrom('knowledge_comments').select('data').where('repository', '=', repository)
  for (const term of search.terms) {
    query = query.where(sql<boolean>`${sql.ref('text')} like ${`%${literal(term)}%`} escape '\\'`)
  }
  if (search.path !== undefined) {
    const path = search.path
    query = path.endsWith('/')
      ? query.where(sql<boolean>`${sql.ref('path')} like ${`${literal(path)}%`} escape '\\'`)
      : query.where('path', '=', path)
  }
  if (search.category !== undefined) {
    query = query.where(sql<boolean>`${sql.ref('categories')} like ${`%,${literal(search.category)},%`} escape '\\'`)
  }
  if (search.author !== undefined)
    query = query.where(sql<boolean>`lower(${sql.ref('author')}) = ${search.author.toLowerCase()}`)
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(search.limit).execute()
  return rows.map((row) => row.data)
}
