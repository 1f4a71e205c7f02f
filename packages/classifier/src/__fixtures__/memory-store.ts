import type {
  ClassificationStore,
  StoredClassification,
  StoredClassificationEntry,
  StoredClassificationQuery,
} from '../classification-store.js'

/** An in-memory `ClassificationStore` that records what was asked and written. */
export class MemoryStore implements ClassificationStore {
  readonly rows = new Map<string, StoredClassification>()
  readonly writes: (readonly StoredClassificationEntry[])[] = []

  private static key(model: string, promptHash: string, bodyHash: string): string {
    return `${model}\0${promptHash}\0${bodyHash}`
  }

  async getClassifications(query: StoredClassificationQuery): Promise<ReadonlyMap<string, StoredClassification>> {
    const found = new Map<string, StoredClassification>()
    for (const hash of query.bodyHashes) {
      const row = this.rows.get(MemoryStore.key(query.model, query.promptHash, hash))
      if (row !== undefined) found.set(hash, row)
    }
    return found
  }

  async putClassifications(entries: readonly StoredClassificationEntry[]): Promise<void> {
    this.writes.push(entries)
    for (const entry of entries) {
      this.rows.set(MemoryStore.key(entry.model, entry.promptHash, entry.bodyHash), {
        categories: entry.categories,
        confidence: entry.confidence,
      })
    }
  }
}
