/**
 * Where theme labels from a model are kept, one per theme and prompt, never evicted: a re-run on the same
 * reviews asks the model nothing. `@gitlore/cache` implements it; so does `createMemoryThemeLabelStore`.
 */
export interface ThemeLabelStore {
  /** The label stored under `key`, or null. */
  getThemeLabel(key: string): Promise<string | null>
  /** Stores a checked label under `key`, replacing one stored before. */
  putThemeLabel(key: string, label: string): Promise<void>
}

/** A `ThemeLabelStore` in memory, for tests and one-off runs. */
export interface MemoryThemeLabelStore extends ThemeLabelStore {
  /** Every stored label by key. */
  readonly labels: ReadonlyMap<string, string>
}

export function createMemoryThemeLabelStore(): MemoryThemeLabelStore {
  const labels = new Map<string, string>()
  return {
    labels,
    async getThemeLabel(key) {
      return labels.get(key) ?? null
    },
    async putThemeLabel(key, label) {
      labels.set(key, label)
    },
  }
}
