/** Full commit shas, searchable by the abbreviated forms people write in commit messages. */
export class ShaIndex {
  readonly #shas: readonly string[]
  #all: ReadonlySet<string> | undefined
  #sorted: readonly string[] | undefined
  #longest = 0

  constructor(shas: Iterable<string>) {
    this.#shas = [...shas]
  }

  /** The one sha starting with `prefix` (any case, at least 4 hex digits, as git requires); null when none or several do. */
  resolve(prefix: string): string | null {
    const key = prefix.toLowerCase()
    if (!/^[0-9a-f]{4,}$/.test(key)) return null
    // A whole sha (what `This reverts commit` usually names) is looked up without sorting anything.
    if (this.#all === undefined) {
      this.#all = new Set(this.#shas.map((sha) => sha.toLowerCase()))
      for (const sha of this.#all) this.#longest = Math.max(this.#longest, sha.length)
    }
    if (this.#all.has(key)) return key
    if (key.length >= this.#longest) return null
    this.#sorted ??= [...this.#all].sort()
    const sorted = this.#sorted
    let low = 0
    let high = sorted.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((sorted[middle] as string) < key) low = middle + 1
      else high = middle
    }
    const found = sorted[low]
    if (found === undefined || !found.startsWith(key)) return null
    return sorted[low + 1]?.startsWith(key) ? null : found
  }
}
