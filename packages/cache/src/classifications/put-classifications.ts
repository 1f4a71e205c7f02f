import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'
import { uniqueBy } from '../unique-by.js'
import type { ClassificationEntry } from './cached-classification.js'

/** Rows per insert: seven bound values each, under the 999 that older SQLite builds allow per statement. */
const rowsPerInsert = 140

/**
 * Stores answers in one transaction; an answer already stored under the same key is replaced (the
 * repository that first stored it stays its recorded writer).
 */
export async function putClassifications(
  { writer, repository }: CacheContext,
  entries: readonly ClassificationEntry[],
): Promise<void> {
  if (entries.length === 0) {
    return
  }
  const createdAt = new Date().toISOString()
  const rows = uniqueBy(entries, (entry) => `${entry.model}\n${entry.promptHash}\n${entry.bodyHash}`).map((entry) => ({
    model: entry.model,
    prompt_hash: entry.promptHash,
    body_hash: entry.bodyHash,
    categories: JSON.stringify(entry.categories),
    confidence: entry.confidence,
    created_at: createdAt,
    repository,
  }))
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(rows, rowsPerInsert)) {
      await transaction
        .insertInto('classifications')
        .values(batch)
        .onConflict((conflict) =>
          conflict.columns(['model', 'prompt_hash', 'body_hash']).doUpdateSet((update) => ({
            categories: update.ref('excluded.categories'),
            confidence: update.ref('excluded.confidence'),
            created_at: update.ref('excluded.created_at'),
          })),
        )
        .execute()
    }
  })
}
