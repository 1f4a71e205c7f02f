/**
 * A map of recently used entries within a byte budget, in two generations: entries go into the
 * young one; when it holds half the budget it becomes the old one and the previous old one is
 * dropped. A hit in the old generation moves the entry back to the young one. Cheaper than an exact
 * least-recently-used order (a hit costs one lookup) and never over budget.
 */
export class BoundedCache<T, K extends string | number = string> {
  private young = new Map<K, T>()
  private old = new Map<K, T>()
  private used = 0

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: T) => number,
  ) {}

  get(key: K): T | undefined {
    const value = this.young.get(key)
    if (value !== undefined) return value
    const aged = this.old.get(key)
    if (aged !== undefined) this.set(key, aged)
    return aged
  }

  set(key: K, value: T): void {
    const size = this.sizeOf(value)
    if (size > this.budget / 2 || this.young.has(key)) return
    if (this.used + size > this.budget / 2) {
      this.old = this.young
      this.young = new Map()
      this.used = 0
    }
    this.young.set(key, value)
    this.used += size
  }
}
