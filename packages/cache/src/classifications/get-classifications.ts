import { type CommentCategory, commentCategories } from '@gitlore/core'
import type { CacheContext } from '../cache-context.js'
import { chunks } from '../chunks.js'
import type { CachedClassification, ClassificationQuery } from './cached-classification.js'

/** Hashes per query, under the 999 bound values older SQLite builds allow (two more bind model and prompt). */
const hashesPerQuery = 900

const isCategory = (value: unknown): value is CommentCategory =>
  typeof value === 'string' && (commentCategories as readonly string[]).includes(value)

function decodeCategories(text: string): CommentCategory[] {
  try {
    const parsed: unknown = JSON.parse(text)
    return Array.isArray(parsed) ? parsed.filter(isCategory) : []
  } catch {
    return []
  }
}

/**
 * The stored answers for `query`, by body hash; hashes with no (usable) answer are absent. Answers are
 * keyed by what was asked, so one stored for any repository serves them all.
 */
export async function getClassifications(
  { db }: CacheContext,
  query: ClassificationQuery,
): Promise<ReadonlyMap<string, CachedClassification>> {
  const found = new Map<string, CachedClassification>()
  for (const batch of chunks([...new Set(query.bodyHashes)], hashesPerQuery)) {
    const rows = await db
      .selectFrom('classifications')
      .select(['body_hash', 'categories', 'confidence'])
      .where('model', '=', query.model)
      .where('prompt_hash', '=', query.promptHash)
      .where('body_hash', 'in', batch)
      .execute()
    for (const row of rows) {
      const categories = decodeCategories(row.categories)
      if (categories.length > 0) {
        found.set(row.body_hash, { categories, confidence: Number(row.confidence) })
      }
    }
  }
  return found
}
