import { chunks } from '../chunks.js'
import type { Writer } from '../writer.js'
import type { ClassificationEntry } from './cached-classification.js'

/** Rows per insert: six bound values each, under the 999 that older SQLite builds allow per statement. */
const rowsPerInsert = 150

/** Stores answers in one transaction; an answer already stored under the same key is replaced. */
export async function putClassifications(writer: Writer, entries: readonly ClassificationEntry[]): Promise<void> {
  if (entries.length === 0) {
    return
  }
  const createdAt = new Date().toISOString()
  await writer.transaction(async (transaction) => {
    for (const batch of chunks(entries, rowsPerInsert)) {
      await transaction
        .insertInto('classifications')
        .values(
          batch.map((entry) => ({
            model: entry.model,
            prompt_hash: entry.promptHash,
            body_hash: entry.bodyHash,
            categories: JSON.stringify(entry.categories),
            confidence: entry.confidence,
            created_at: createdAt,
          })),
        )
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
