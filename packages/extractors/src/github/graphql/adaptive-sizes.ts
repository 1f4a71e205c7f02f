/**
 * Request sizes that shrink when GitHub times out and grow back after it has answered a few times:
 * `growAfter` answers in a row at the current sizes allow one step back toward the target, and each
 * step that fails at once doubles the answers needed before the next try. A transient 502 costs a
 * few smaller pages; a server that always refuses the larger size costs a try now and then, fewer
 * and fewer.
 */
export class AdaptiveSizes<T> {
  #current: T
  #answers = 0
  #needed: number
  /** True until the sizes reached by the last step up have been answered once. */
  #untried = false

  constructor(
    private readonly target: T,
    private readonly steps: {
      readonly shrink: (sizes: T) => T | null
      readonly grow: (sizes: T, target: T) => T | null
    },
    /** Answers in a row before a step back up; default 3. */
    private readonly growAfter = 3,
    initial: T = target,
  ) {
    this.#current = initial
    this.#needed = growAfter
  }

  get current(): T {
    return this.#current
  }

  /** The next smaller sizes after a timeout, or null when nothing can shrink (the sizes stay). */
  shrink(): T | null {
    if (this.#untried) this.#needed *= 2
    this.#untried = false
    this.#answers = 0
    const smaller = this.steps.shrink(this.#current)
    if (smaller !== null) this.#current = smaller
    return smaller
  }

  /** An answer at the current sizes; returns the bigger sizes when it is time to step back up. */
  answered(): T | null {
    this.#untried = false
    this.#answers += 1
    if (this.#answers < this.#needed) return null
    const bigger = this.steps.grow(this.#current, this.target)
    this.#answers = 0
    if (bigger === null) {
      this.#needed = this.growAfter
      return null
    }
    this.#current = bigger
    this.#untried = true
    return bigger
  }
}
