/** Runs queued tasks with at most `concurrency` at a time; tasks may queue more tasks while they run. */
export interface TaskPool {
  /** Queues a task; it starts as soon as a slot is free. */
  add(task: () => Promise<void>): void
  /** Resolves when every queued task, including ones queued meanwhile, has finished. */
  idle(): Promise<void>
}

/** Creates a pool. A task that throws rejects `idle` (tasks are expected to handle their own errors). */
export function createTaskPool(concurrency: number): TaskPool {
  const queue: (() => Promise<void>)[] = []
  let running = 0
  let failure: { error: unknown } | undefined
  let waiters: { resolve: () => void; reject: (error: unknown) => void }[] = []

  const settle = (): void => {
    if (running > 0 || (queue.length > 0 && failure === undefined)) return
    const current = waiters
    waiters = []
    for (const waiter of current) {
      if (failure === undefined) waiter.resolve()
      else waiter.reject(failure.error)
    }
  }
  const pump = (): void => {
    while (running < concurrency && queue.length > 0 && failure === undefined) {
      const task = queue.shift()!
      running += 1
      task()
        .catch((error: unknown) => {
          failure ??= { error }
        })
        .finally(() => {
          running -= 1
          pump()
          settle()
        })
    }
  }
  return {
    add(task) {
      queue.push(task)
      pump()
    },
    idle() {
      return new Promise((resolve, reject) => {
        waiters.push({ resolve, reject })
        settle()
      })
    },
  }
}
