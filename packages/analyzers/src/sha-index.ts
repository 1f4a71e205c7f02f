/** Full commit shas, searchable by the abbreviated forms people write in commit messages. */
export class ShaIndex {
  readonly #sorted: readonly string[]

  constructor(shas: Iterable<string>) {
    this.#sorted = [...new Set([...shas].map((sha) => sha.toLowerCase()))].sort()
  }

  /** The one sha starting with `prefix` (any case, at least 4 hex digits, as git requires); null when none or several do. */
  resolve(prefix: string): string | null {
    const key = prefix.toLowerCase()
    if (!/^[0-9a-f]{4,}$/.test(key)) return null
    let low = 0
    let high = this.#sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((this.#sorted[middle] as string) < key) low = middle + 1
      else high = middle
    }
    const found = this.#sorted[low]
    if (found === undefined || !found.startsWith(key)) return null
    return this.#sorted[low + 1]?.startsWith(key) ? null : found
  }
}
