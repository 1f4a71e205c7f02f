/** The fields of isomorphic-git's `GitPackIndex` this module touches. */
interface PackIndexLike {
  readDepth?: unknown
  offsetCache?: unknown
}

const memoryBudget = 256 * 1024 * 1024
const checkEvery = 25_000

function isPackIndex(value: unknown): value is PackIndexLike {
  return typeof value === 'object' && value !== null && 'offsetCache' in value
}

/**
 * Turns on isomorphic-git's delta base cache, within a memory budget.
 *
 * isomorphic-git 1.44's `GitPackIndex.readSlice` caches the bases it inflates once a read goes
 * deeper than three deltas, but its depth counter is only initialised when a fetched pack is
 * indexed: on an ordinary read it is `undefined`, so nothing is ever cached and every object
 * re-inflates its whole delta chain (about 15 inflations per object on the benchmark repository).
 * Resetting the counter before each read restores the intended caching, about five times faster.
 * The pack indexes live in the `cache` object handed to every `readObject` call, under a symbol
 * described `PackfileCache`; when that shape is not found, this does nothing and reads stay correct.
 */
export class DeltaBaseCache {
  private indexes: PackIndexLike[] = []
  private knownPacks = 0
  private reads = 0

  constructor(private readonly cache: object) {}

  /** Call before each `readObject` with the shared cache. */
  async beforeRead(): Promise<void> {
    const packs = this.packs()
    if (packs !== null && packs.size !== this.knownPacks) {
      this.knownPacks = packs.size
      const loaded = await Promise.allSettled(packs.values())
      this.indexes = loaded.flatMap((result) =>
        result.status === 'fulfilled' && isPackIndex(result.value) ? [result.value] : [],
      )
    }
    const trim = ++this.reads % checkEvery === 0
    for (const index of this.indexes) {
      index.readDepth = 0
      if (trim && cachedBytes(index.offsetCache) > memoryBudget / Math.max(this.indexes.length, 1))
        index.offsetCache = {}
    }
  }

  private packs(): Map<unknown, unknown> | null {
    const symbol = Object.getOwnPropertySymbols(this.cache).find(
      (candidate) => candidate.description === 'PackfileCache',
    )
    const packs = symbol === undefined ? undefined : (this.cache as Record<symbol, unknown>)[symbol]
    return packs instanceof Map ? packs : null
  }
}

function cachedBytes(offsetCache: unknown): number {
  if (typeof offsetCache !== 'object' || offsetCache === null) return 0
  let bytes = 0
  for (const entry of Object.values(offsetCache)) {
    const object = (entry as { object?: { length?: unknown } } | null)?.object
    bytes += typeof object?.length === 'number' ? object.length : 0
  }
  return bytes
}
