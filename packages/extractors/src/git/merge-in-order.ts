/** Options of `mergeInOrder`. */
export interface MergeInOrderOptions<T> {
  /** For the i-th item of the merged sequence, the index of the source that yields it. */
  readonly owners: ArrayLike<number>
  /** Each source yields exactly the items `owners` gives it, in order; all run at the same time. */
  readonly sources: readonly ((signal: AbortSignal) => AsyncIterable<T>)[]
  /** Stops every source when aborted. */
  readonly signal?: AbortSignal | undefined
  /** Items a source may have waiting before it is paused (its process then blocks on its pipe). */
  readonly highWater?: number
}

interface Lane<T> {
  readonly items: T[]
  head: number
  done: boolean
  /** Resumes the source's pump once the consumer has taken its items. */
  resume: (() => void) | null
}

/**
 * Runs several sources at once and yields their items in one given order, as soon as the next one
 * in that order is available: the first source's items stream through, the others wait in bounded
 * queues. The first failure of any source stops them all and is thrown; so is an early `return`.
 */
export async function* mergeInOrder<T>(options: MergeInOrderOptions<T>): AsyncGenerator<T> {
  const { owners, sources } = options
  const highWater = options.highWater ?? 256
  const controller = new AbortController()
  const stop = () => controller.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', stop, { once: true })
  const lanes: Lane<T>[] = sources.map(() => ({ items: [], head: 0, done: false, resume: null }))
  const failed: { failure: { error: unknown } | null } = { failure: null }
  let wake: (() => void) | null = null
  const notify = () => {
    const waiting = wake
    wake = null
    waiting?.()
  }

  const pump = async (source: (signal: AbortSignal) => AsyncIterable<T>, lane: Lane<T>) => {
    try {
      for await (const item of source(controller.signal)) {
        lane.items.push(item)
        notify()
        if (lane.items.length - lane.head >= highWater && !controller.signal.aborted) {
          await new Promise<void>((resolve) => {
            lane.resume = resolve
          })
        }
        if (controller.signal.aborted) break
      }
    } catch (error) {
      if (failed.failure === null && !controller.signal.aborted) failed.failure = { error }
      controller.abort()
    } finally {
      lane.done = true
      notify()
    }
  }
  const pumps = sources.map((source, index) => pump(source, lanes[index] as Lane<T>))

  try {
    for (let index = 0; index < owners.length; index++) {
      const lane = lanes[owners[index] as number] as Lane<T>
      while (lane.head === lane.items.length) {
        if (failed.failure !== null) throw failed.failure.error
        options.signal?.throwIfAborted()
        if (lane.done) throw new Error(`merge: source ${owners[index]} ended before its item ${index}`)
        await new Promise<void>((resolve) => {
          wake = resolve
        })
      }
      if (failed.failure !== null) throw failed.failure.error
      const item = lane.items[lane.head] as T
      lane.items[lane.head++] = undefined as T
      if (lane.head === lane.items.length) {
        lane.items.length = 0
        lane.head = 0
      } else if (lane.head >= 1024 && lane.head * 2 >= lane.items.length) {
        lane.items.splice(0, lane.head)
        lane.head = 0
      }
      if (lane.resume !== null && lane.items.length - lane.head < highWater / 2) {
        const resume = lane.resume
        lane.resume = null
        resume()
      }
      yield item
    }
  } finally {
    options.signal?.removeEventListener('abort', stop)
    controller.abort()
    for (const lane of lanes) {
      const resume = lane.resume
      lane.resume = null
      resume?.()
    }
    await Promise.all(pumps)
  }
}
