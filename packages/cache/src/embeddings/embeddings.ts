import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'
import { uniqueBy } from '../unique-by.js'

/** Which vectors to look up (the shape @gitlore/clustering's `EmbeddingStore` asks with). */
export interface EmbeddingQuery {
  readonly model: string
  /** The vector length asked for; 0 for the model's native length. */
  readonly dimensions: number
  readonly textHashes: readonly string[]
}

export interface EmbeddingEntry {
  readonly model: string
  readonly dimensions: number
  readonly textHash: string
  /** Float32 little-endian bytes. */
  readonly vector: Uint8Array
}

/** Hashes per query, under the 999 bound values older SQLite builds allow (two more bind model and dimensions). */
const hashesPerQuery = 900
/** Rows per insert: six bound values each. */
const rowsPerInsert = 150

/** Stored vectors by text hash; shared by every repository, since the key is the text itself. */
export async function getEmbeddings(
  { db }: CacheContext,
  query: EmbeddingQuery,
): Promise<ReadonlyMap<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>()
  for (const batch of chunks([...new Set(query.textHashes)], hashesPerQuery)) {
    const rows = await db
      .selectFrom('embeddings')
      .select(['text_hash', 'vector'])
      .where('model', '=', query.model)
      .where('dimensions', '=', query.dimensions)
      .where('text_hash', 'in', batch)
      .execute()
    for (const row of rows) found.set(row.text_hash, row.vector)
  }
  return found
}

/** Stores one batch of vectors in one transaction, replacing any under the same key. */
export async function putEmbeddings(
  { writer, repository }: CacheContext,
  entries: readonly EmbeddingEntry[],
): Promise<void> {
  if (entries.length === 0) return
  const createdAt = new Date().toISOString()
  const rows = uniqueBy(entries, (entry) => `${entry.model}\n${entry.dimensions}\n${entry.textHash}`).map((entry) => ({
    model: entry.model,
    dimensions: entry.dimensions,
    text_hash: entry.textHash,
    vector: entry.vector,
    created_at: createdAt,
    repository,
  }))
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(rows, rowsPerInsert)) {
      await transaction
        .insertInto('embeddings')
        .values(batch)
        .onConflict((conflict) =>
          conflict.columns(['model', 'dimensions', 'text_hash']).doUpdateSet((update) => ({
            vector: update.ref('excluded.vector'),
            created_at: update.ref('excluded.created_at'),
          })),
        )
        .execute()
    }
  })
}
